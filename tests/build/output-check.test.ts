/**
 * The output check stage on a real build of the small second guide (tests/fixtures/newsroom/, the
 * build its own tests read, tests/fixture-guide/build.ts), copied: it passes on the build as made,
 * then, with foreign things put into the copy's dist/ afterwards (as content running at build time
 * could), it stops the build and names each page and file.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { fixtureBuild } from '../fixture-guide/build';
import { guideCopy } from '../helpers/fixture';

const copy = guideCopy();
afterAll(() => copy.cleanup());
const build = (...args: string[]) => copy.build(args);
/** The guide's languages, and a tool's page that each has. */
const [first, second] = copy.languages as [string, string];
const [one, two] = copy.pages(second, 'tools') as [string, string];

describe('the output check stage', () => {
	test('passes on the build as made, and stops on foreign things put into dist/ after it, naming each page', async () => {
		// The whole build, every stage that writes HTML included, as astro build made it.
		cpSync((await fixtureBuild()).dist, join(copy.dir, 'dist'), { recursive: true });
		const made = build('--only', 'output check');
		expect(made.status, made.output).toBe(0);
		expect(made.output).toMatch(new RegExp(`output check +✓ \\d+ HTML files checked: \\d+ of the site, \\d+ in ${copy.languages.length + 1} zips, \\d+ single files; \\d+ script files, all the build's own`));

		const dist = join(copy.dir, 'dist');
		const edit = (file: string, change: (html: string) => string) => {
			const before = readFileSync(join(dist, file), 'utf8');
			const after = change(before);
			expect(after, file).not.toBe(before);
			writeFileSync(join(dist, file), after);
		};
		edit(`${second}/${one}/index.html`, (h) => h.replace('<h1', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><h1'));
		edit(`${second}/${two}/index.html`, (h) => h.replace('<h1', '<style>quick-exit{display:none!important}</style><h1'));
		edit(`${first}/${one}/index.html`, (h) => h.replace('<h1', '<img src="https://tracker.example/p.png" alt=""><h1'));
		writeFileSync(join(dist, 'x.js'), 'document.title = "x";');
		edit(`downloads/guide-${second}.html`, (h) => h.replace('</head>', '<base href="https://evil.example/"></head>'));
		const zipFile = join(dist, 'downloads', `playbook-${second}.zip`);
		const entries = unzipSync(readFileSync(zipFile));
		const inZip = `playbook-${second}/${second}/${one}/index.html`;
		entries[inZip] = new TextEncoder().encode(new TextDecoder().decode(entries[inZip]).replace('<h1', '<iframe src="https://evil.example/"></iframe><h1'));
		writeFileSync(zipFile, zipSync(entries));

		const { status, output } = build('--only', 'output check');
		expect(status, output).not.toBe(0);
		expect(output).toContain('build: stage "output check" failed: 6 things the generator does not write found in 6 built files:');
		const block = (page: string) => output.slice(output.indexOf(`. ${page}\n`), output.indexOf('fix:', output.indexOf(`. ${page}\n`)));
		expect(block(`dist/${second}/${one}/index.html`)).toContain('what: a <meta http-equiv="refresh">');
		expect(block(`dist/${second}/${one}/index.html`)).toContain(`from: ${copy.page(second, one)}`);
		expect(block(`dist/${second}/${two}/index.html`)).toContain('what: a <style> element the generator does not write: <style>quick-exit{display:none!important}</style>');
		expect(block(`dist/${first}/${one}/index.html`)).toContain('what: an address the browser would fetch from another host: src="https://tracker.example/p.png" in <img>');
		expect(block('dist/x.js')).toContain('what: a script file the build did not emit');
		expect(block(`dist/downloads/guide-${second}.html`)).toContain('what: a <base> element');
		expect(block(`dist/downloads/playbook-${second}.zip: ${inZip}`)).toContain('what: an <iframe> element');
		expect(output).toContain('Nothing was checksummed or signed.');
	}, 300_000);
});
