/**
 * A clean build prints no warning, so that a real one stands out: the whole build of a copy of a
 * small guide (tests/fixtures/), with one page not reviewed for over a year and one tool not checked
 * for over a year, prints exactly the warnings about those two and nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { arabicScriptWords, guideCopy, printedText } from '../helpers/fixture';
import { readPdf } from '../helpers/pdf';

const copy = guideCopy();
afterAll(() => copy.cleanup());
const lang = copy.languages[1]!;
/** A page not reviewed for over a year, and a tool (the first) not checked for over a year. */
const page = copy.page(lang, copy.pages(lang, 'tools')[0]!);
const tools = `${copy.content}/data/tools.yaml`;
const tool = /^- id: (\S+)$/m.exec(readFileSync(join(copy.dir, tools), 'utf8'))![1]!;
let log = '';

beforeAll(() => {
	copy.edit(page, (t) => t.replace(/^reviewed: .*$/m, 'reviewed: 2020-01-15'));
	copy.edit(tools, (t) => t.replace(new RegExp(`(id: ${tool}\\n[\\s\\S]*?checked: )[\\d-]+`), '$12020-02-01'));
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.SITE_URL;
	delete env.PLAYBOOK_SIGNING_KEY;
	delete env.PLAYBOOK_SIGNING_KEY_FILE;
	const run = copy.build([], env);
	log = run.output;
	expect(run.status, log).toBe(0);
}, 300_000);

test('the build log holds the warnings about an old review and an old check, and no other warning', () => {
	// Without SITE_URL the PDFs carry no address: said plainly, with how to set one, and not as a warning.
	expect(log).toMatch(/no address on the handouts.*SITE_URL is not set\. Set it to the public address \(SITE_URL=https:\/\/guide\.example\.org npm run build\)/);
	// The content check's own line says there is more to read below it.
	expect(log).toMatch(/content checked in \d+ ms: no problems; 2 to look at again below \(advice or facts not checked for over 12 months\)/);
	const warnings = log.split('\n').filter((line) => /warn|warning|deprecat/i.test(line));
	expect(warnings.map((line) => line.replace(/^.*?\[WARN\] \[playbook\] /, ''))).toEqual([
		`${page}: advice last reviewed on 2020-01-15, more than 12 months ago. Check it, then update "reviewed:".`,
		'1 page not reviewed for over 12 months',
		`${tools}: the facts of "${tool}" were last checked on 2020-02-01, more than 12 months ago. Compare them with its "source:", then update "checked:".`,
	]);
	// Without a signing key, the stage says so in one line (and its row of the summary), and signs nothing.
	const unsigned = log.split('\n').filter((line) => line.includes('release unsigned'));
	expect(unsigned).toHaveLength(2);
	expect(unsigned[0]).toContain('signatures       ✓ release unsigned: no signing key configured (PLAYBOOK_SIGNING_KEY_FILE; README, "Sign a release")');
	expect(existsSync(join(copy.dir, 'dist/downloads/SHA256SUMS.asc'))).toBe(false);
});

test('the handout of a language that no fluent speaker reviewed says so', async () => {
	// The second language, reviewed by no fluent speaker: neither its pages nor its strings and texts.
	expect(readFileSync(join(copy.dir, copy.content, 'data/languages.yaml'), 'utf8')).not.toContain('fluentReview');
	const notice = (JSON.parse(readFileSync(join(copy.dir, copy.content, 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>)['i18n.notReviewed']!;
	// In the page the handout is printed from, and each of its words in the PDF's text.
	expect(readFileSync(join(copy.dir, `dist/${lang}/handout/index.html`), 'utf8')).toContain(notice);
	const printed = printedText((await readPdf(join(copy.dir, `dist/downloads/handout-${lang}.pdf`))).pages);
	expect(arabicScriptWords(notice).length).toBeGreaterThan(5);
	expect(arabicScriptWords(notice).filter((word) => !printed.includes(word))).toEqual([]);
}, 60_000);
