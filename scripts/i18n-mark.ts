/**
 * Marks translations as current after review: records the source page's present hash in each
 * translation's frontmatter (`sourceHash`), and for the short texts (interface strings and data
 * texts) the source texts' hashes in <content>/text/<lang>.follows.json (followsFile).
 *
 *   npm run i18n:mark -- fr tools/signal                  # one page
 *   npm run i18n:mark -- fr --texts                       # every text of a language
 *   npm run i18n:mark -- fr --texts step.clean-up.agree-end risk.use   # some texts
 *   npm run i18n:mark -- fr --all                         # every existing page and every text
 *   npm run i18n:mark -- fr --all --content guide         # the guide in ./guide (playbook({ content: './guide' }))
 *   npx playbook i18n-mark fr tools/signal [--content guide]   # in a project that installed the generator
 */
import { dataFile, docsDir } from '../src/check/sources.ts';
import { followsFile, languageIds, markCurrent, markTextsCurrent, translationStatus } from '../src/i18n/translation-status.ts';
import { fail, toolArguments } from './i18n-options.ts';

const USAGE = '<lang> <page>|--texts [key …]|--all';
const [lang, target, ...keys] = toolArguments('i18n-mark', USAGE);
if (!lang || !target || lang.startsWith('-'))
	fail('i18n-mark', USAGE, `a language and what to mark are needed; <page> is the page’s path below its language folder (${docsDir()}/<lang>/), without extension, such as tools/<id>`);
if (target.startsWith('-') && target !== '--texts' && target !== '--all') fail('i18n-mark', USAGE, `unknown option ${target}`);
if (target !== '--texts' && keys.length) fail('i18n-mark', USAGE, `one page at a time: ${[target, ...keys].join(' ')}`);
const root = process.cwd();
const [source, ...others] = languageIds(root);
if (!others.includes(lang)) {
	console.error(`i18n:mark: ${lang === source ? `"${lang}" is the source language: its pages and texts are the ones translations follow` : `"${lang}" is not a language of the guide; the translated ones are ${others.join(', ')} (${dataFile('languages')})`}`);
	process.exit(2);
}
try {
	if (target === '--texts' || target === '--all') {
		const marked = markTextsCurrent(root, lang, target === '--texts' && keys.length ? keys : undefined);
		console.log(`i18n:mark: ${marked} text${marked === 1 ? '' : 's'} of ${lang} follow${marked === 1 ? 's' : ''} the ${source} texts (${followsFile(lang)})`);
	}
	if (target !== '--texts') {
		const pages = target === '--all' ? (translationStatus(root).languages[lang] ?? []).filter((p) => p.state !== 'missing').map((p) => p.slug) : [target];
		if (!pages.length) {
			console.error(`i18n:mark: no translated page in "${lang}" (${docsDir()}/${lang}/)`);
			process.exit(1);
		}
		for (const slug of pages) {
			const { hash, file } = markCurrent(root, lang, slug);
			console.log(`i18n:mark: ${lang}/${slug} follows source ${hash} (${file})`);
		}
	}
} catch (error) {
	console.error(`i18n:mark: ${(error as Error).message}`);
	process.exit(1);
}
