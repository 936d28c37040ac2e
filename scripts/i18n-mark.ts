/**
 * Marks translations as current after review: records the source page's present hash in each
 * translation's frontmatter (`sourceHash`).
 *
 *   npm run i18n:mark -- fr tools/signal       # one page
 *   npm run i18n:mark -- fr --all              # every existing page of a language
 */
import { markCurrent, translationStatus } from '../src/lib/translation-status.ts';

const [lang, target] = process.argv.slice(2);
if (!lang || !target) {
	console.error('usage: npm run i18n:mark -- <lang> <page>|--all   e.g. npm run i18n:mark -- fr tools/signal');
	process.exit(2);
}
const root = process.cwd();
const pages = target === '--all' ? (translationStatus(root).languages[lang] ?? []).filter((p) => p.state !== 'missing').map((p) => p.slug) : [target];
if (!pages.length) {
	console.error(`i18n:mark: no translated page in "${lang}"`);
	process.exit(1);
}
try {
	for (const slug of pages) console.log(`i18n:mark: ${lang}/${slug} follows source ${markCurrent(root, lang, slug)}`);
} catch (error) {
	console.error(`i18n:mark: ${(error as Error).message}`);
	process.exit(1);
}
