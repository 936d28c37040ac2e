/**
 * Prints, for each language, the pages that are missing, stale (the source page changed since the
 * translation) or current.
 *
 *   npm run i18n:status              # report
 *   npm run i18n:status -- --strict  # also exit with status 1 if any page is missing
 */
import { translationStatus, type TranslationState } from '../src/lib/translation-status.ts';

const strict = process.argv.includes('--strict');
const { source, languages } = translationStatus(process.cwd());
let missing = 0;
console.log(`Translations of the ${source} pages`);
for (const [lang, pages] of Object.entries(languages)) {
	const count = (state: TranslationState) => pages.filter((p) => p.state === state);
	const [m, s, c] = [count('missing'), count('stale'), count('current')];
	missing += m.length;
	console.log(`\n${lang}: ${c.length} current, ${s.length} stale, ${m.length} missing (of ${pages.length})`);
	for (const p of s) console.log(`  stale    ${p.slug}  (${p.file})`);
	for (const p of m) console.log(`  missing  ${p.slug}  (content/docs/${lang}/${p.slug}.mdx)`);
}
if (missing) console.log(`\n${missing} page${missing === 1 ? '' : 's'} missing. Readers see the ${source} page with a notice until they are translated.`);
console.log('\nAfter reviewing a translation against its source, mark it current: npm run i18n:mark -- <lang> <page>');
if (strict && missing) process.exit(1);
