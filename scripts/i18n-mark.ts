/**
 * Marks translations as current after review: records the source page's present hash in each
 * translation's frontmatter (`sourceHash`), and for the short texts (interface strings and data
 * texts) the source texts' hashes in content/text/<lang>.follows.json.
 *
 *   npm run i18n:mark -- fr tools/signal                  # one page
 *   npm run i18n:mark -- fr --texts                       # every text of a language
 *   npm run i18n:mark -- fr --texts step.clean-up.agree-end risk.use   # some texts
 *   npm run i18n:mark -- fr --all                         # every existing page and every text
 */
import { languageIds, markCurrent, markTextsCurrent, translationStatus } from '../src/i18n/translation-status.ts';

const [lang, target, ...keys] = process.argv.slice(2);
if (!lang || !target) {
	console.error('usage: npm run i18n:mark -- <lang> <page>|--texts [key …]|--all   where <page> is the page’s path below its language folder, without extension, such as tools/<id>');
	process.exit(2);
}
const root = process.cwd();
const [source, ...others] = languageIds(root);
if (!others.includes(lang)) {
	console.error(`i18n:mark: ${lang === source ? `"${lang}" is the source language: its pages and texts are the ones translations follow` : `"${lang}" is not a language of the guide; the translated ones are ${others.join(', ')} (content/data/languages.yaml)`}`);
	process.exit(2);
}
try {
	if (target === '--texts' || target === '--all') {
		const marked = markTextsCurrent(root, lang, target === '--texts' && keys.length ? keys : undefined);
		console.log(`i18n:mark: ${marked} text${marked === 1 ? '' : 's'} of ${lang} follow${marked === 1 ? 's' : ''} the ${source} texts (content/text/${lang}.follows.json)`);
	}
	if (target !== '--texts') {
		const pages = target === '--all' ? (translationStatus(root).languages[lang] ?? []).filter((p) => p.state !== 'missing').map((p) => p.slug) : [target];
		if (!pages.length) {
			console.error(`i18n:mark: no translated page in "${lang}"`);
			process.exit(1);
		}
		for (const slug of pages) console.log(`i18n:mark: ${lang}/${slug} follows source ${markCurrent(root, lang, slug)}`);
	}
} catch (error) {
	console.error(`i18n:mark: ${(error as Error).message}`);
	process.exit(1);
}
