/**
 * Prints, for each language, the pages that are missing, stale (the source page changed since the
 * translation), not reviewed (never marked as following the source) or current, how many a fluent
 * speaker has reviewed (fluentReview), and the interface strings and data texts still identical to the source
 * language's (proper names aside).
 *
 *   npm run i18n:status              # report
 *   npm run i18n:status -- --strict  # also exit with status 1 if any page is missing or stale (before a release)
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { identicalStrings } from '../src/lib/identical-strings.ts';
import { translationStatus, type TranslationState } from '../src/lib/translation-status.ts';

const strict = process.argv.includes('--strict');
const { source, languages } = translationStatus(process.cwd());
/** Tool and channel names: never translated. */
const names = (['tools', 'channels'] as const).flatMap((list) =>
	((yaml.load(readFileSync(`content/data/${list}.yaml`, 'utf8')) ?? []) as { name?: string; otherNames?: string[] }[]).flatMap((e) => [e.name ?? '', ...(e.otherNames ?? [])]).filter(Boolean),
);
/** Languages whose interface strings and data texts a fluent speaker has reviewed (fluentReview in languages.yaml). */
const textsReviewed = new Map(
	((yaml.load(readFileSync('content/data/languages.yaml', 'utf8')) ?? []) as { id: string; fluentReview?: unknown }[]).map((l) => [l.id, l.fluentReview]),
);
let identical = 0;
let missing = 0;
let stale = 0;
console.log(`Translations of the ${source} pages`);
for (const [lang, pages] of Object.entries(languages)) {
	const count = (state: TranslationState) => pages.filter((p) => p.state === state);
	const [m, n, s, c] = [count('missing'), count('not-reviewed'), count('stale'), count('current')];
	missing += m.length;
	stale += s.length;
	const fluent = pages.filter((p) => p.fluentReview).length;
	console.log(`\n${lang}: ${c.length} current, ${s.length} stale, ${n.length} not reviewed, ${m.length} missing (of ${pages.length}); ${fluent} reviewed by a fluent speaker`);
	for (const p of n) console.log(`  not reviewed  ${p.slug}  (${p.file}: no sourceHash yet)`);
	for (const p of s) console.log(`  stale    ${p.slug}  (${p.file})`);
	for (const p of m) console.log(`  missing  ${p.slug}  (content/docs/${lang}/${p.slug}.mdx)`);
	const texts = textsReviewed.get(lang);
	console.log(`${lang}: interface strings and data texts ${texts ? `reviewed by a fluent speaker on ${texts instanceof Date ? texts.toISOString().slice(0, 10) : String(texts)}` : 'not reviewed by a fluent speaker (fluentReview in content/data/languages.yaml)'}`);
	const same = identicalStrings(process.cwd(), source, lang, names);
	identical += same.length;
	console.log(`${lang}: ${same.length} string${same.length === 1 ? '' : 's'} identical to ${source}`);
	for (const s of same) console.log(`  same as ${source}  ${s.key}: ${JSON.stringify(s.value)}  (${s.file})`);
}
if (missing) console.log(`\n${missing} page${missing === 1 ? '' : 's'} missing. Readers see the ${source} page with a notice until they are translated.`);
if (stale) console.log(`\n${stale} page${stale === 1 ? '' : 's'} stale: the ${source} page changed since the translation. Readers see a notice that the ${source} page is newer until the translation is updated and marked current.`);
if (identical) console.log(`\n${identical} string${identical === 1 ? '' : 's'} identical to ${source}: translate them, or leave them where the word is the same in that language.`);
console.log('\nAfter reviewing a translation against its source, mark it current: npm run i18n:mark -- <lang> <page>');
if (strict && (missing || stale)) {
	console.log(`\n--strict: ${missing} missing and ${stale} stale page${missing + stale === 1 ? '' : 's'}; translate or update them before a release.`);
	process.exit(1);
}
