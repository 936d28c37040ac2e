/**
 * Prints, for each language, the pages that are missing, stale (the source page changed since the
 * translation), not reviewed (never marked as following the source) or current, how many a fluent
 * speaker has reviewed (fluentReview), and the interface strings and data texts still identical to the source
 * language's (proper names aside).
 *
 *   npm run i18n:status              # report
 *   npm run i18n:status -- --strict  # also exit with status 1 if any page is missing or stale, or any text stale (before a release)
 *   npm run i18n:status -- --content guide   # the guide in ./guide (playbook({ content: './guide' }))
 *   npx playbook i18n-status [--strict] [--content guide]   # the same, in a project that installed the generator
 */
import { identicalStrings } from '../src/check/identical-strings.ts';
import { followsFile, textStatus, translationStatus, type TranslationState } from '../src/i18n/translation-status.ts';
import { dataFile, docsDir, parseYaml, readText, type DataCollectionName } from '../src/check/sources.ts';
import { fail, toolArguments, toolCommand } from './i18n-options.ts';

const USAGE = '[--strict]';
const args = toolArguments('i18n-status', USAGE);
const unknown = args.filter((arg) => arg !== '--strict');
if (unknown.length) fail('i18n-status', USAGE, `unknown argument${unknown.length === 1 ? '' : 's'} ${unknown.join(' ')}`);
const strict = args.includes('--strict');

/** A data list, read as the content check reads it (src/check/sources.ts). */
const list = (name: DataCollectionName) => parseYaml(readText(process.cwd(), dataFile(name)) ?? '[]', dataFile(name)) ?? [];

const { source, languages } = translationStatus(process.cwd());
const texts = textStatus(process.cwd()).languages;
/** Tool and channel names: never translated. */
const names = (['tools', 'channels'] as const).flatMap((name) =>
	(list(name) as { name?: string; otherNames?: string[] }[]).flatMap((e) => [e.name ?? '', ...(e.otherNames ?? [])]).filter(Boolean),
);
/** Languages whose interface strings and data texts a fluent speaker has reviewed (fluentReview in languages.yaml). */
const languageData = list('languages') as { id: string; fluentReview?: unknown; sameAsSource?: string[] }[];
const textsReviewed = new Map(languageData.map((l) => [l.id, l.fluentReview]));
/** Keys a reviewer confirmed as rightly the same as the source (sameAsSource in languages.yaml). */
const sameAsSource = new Map(languageData.map((l) => [l.id, l.sameAsSource ?? []]));
let identical = 0;
let missing = 0;
let stale = 0;
let staleTexts = 0;
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
	for (const p of m) console.log(`  missing  ${p.slug}  (${docsDir()}/${lang}/${p.slug}.mdx)`);
	const fluentTexts = textsReviewed.get(lang);
	console.log(`${lang}: interface strings and data texts ${fluentTexts ? `reviewed by a fluent speaker on ${fluentTexts instanceof Date ? fluentTexts.toISOString().slice(0, 10) : String(fluentTexts)}` : `not reviewed by a fluent speaker (fluentReview in ${dataFile('languages')})`}`);
	// The short texts: each follows the source text it was translated from (followsFile: <content>/text/<lang>.follows.json).
	const own = texts[lang] ?? [];
	const ofState = (state: TranslationState) => own.filter((t) => t.state === state);
	const [tc, ts, tn] = [ofState('current'), ofState('stale'), ofState('not-reviewed')];
	staleTexts += ts.length;
	console.log(`${lang}: texts ${tc.length} current, ${ts.length} stale, ${tn.length} not marked (${followsFile(lang)})`);
	for (const t of ts) console.log(`  stale text  ${t.key}  (${t.translation}; ${source} now: ${JSON.stringify(t.source.length > 100 ? `${t.source.slice(0, 97)}…` : t.source)})`);
	if (tn.length) console.log(`  not marked  ${tn.length > 5 ? `${tn.slice(0, 5).map((t) => t.key).join(', ')} and ${tn.length - 5} more` : tn.map((t) => t.key).join(', ')}`);
	const same = identicalStrings(process.cwd(), source, lang, names, sameAsSource.get(lang));
	identical += same.length;
	console.log(`${lang}: ${same.length} string${same.length === 1 ? '' : 's'} identical to ${source}`);
	for (const s of same) console.log(`  same as ${source}  ${s.key}: ${JSON.stringify(s.value)}  (${s.file})`);
}
if (missing) console.log(`\n${missing} page${missing === 1 ? '' : 's'} missing. Readers see the ${source} page with a notice until they are translated.`);
if (stale) console.log(`\n${stale} page${stale === 1 ? '' : 's'} stale: the ${source} page changed since the translation. Readers see a notice that the ${source} page is newer until the translation is updated and marked current.`);
if (staleTexts) console.log(`\n${staleTexts} text${staleTexts === 1 ? '' : 's'} stale: the ${source} text changed since the translation. Update the translation, then mark it: ${toolCommand('i18n-mark', '<lang> --texts <key>')}`);
if (identical) console.log(`\n${identical} string${identical === 1 ? '' : 's'} identical to ${source}: translate them, or, where the word is rightly the same in that language, list the key in that language's sameAsSource (${dataFile('languages')}).`);
console.log(`\nAfter reviewing a translation against its source, mark it current: ${toolCommand('i18n-mark', '<lang> <page>')}, or ${toolCommand('i18n-mark', '<lang> --texts [key …]')} for interface strings and data texts`);
if (strict && (missing || stale || staleTexts)) {
	console.log(`\n--strict: ${missing} missing and ${stale} stale page${missing + stale === 1 ? '' : 's'}, ${staleTexts} stale text${staleTexts === 1 ? '' : 's'}; translate or update them before a release.`);
	process.exit(1);
}
