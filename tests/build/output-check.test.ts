/**
 * The output check stage on a real build of a copy of the project: it passes on the build as made,
 * then, with foreign things put into the copy's dist/ afterwards (as content running at build time
 * could), it stops the build and names each page and file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { copyProject } from '../helpers/project';

const SOURCES = ['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const copy = copyProject(SOURCES, { buildable: true });
afterAll(() => copy.cleanup());

function build(...args: string[]) {
	const run = spawnSync(process.execPath, ['scripts/build.ts', ...args], { cwd: copy.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 280_000 });
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the output check stage', () => {
	test('passes on the build as made, and stops on foreign things put into dist/ after it, naming each page', () => {
		// Every stage that writes HTML; the handouts only print PDFs from pages the check reads anyway.
		const made = build('--only', 'site,policy,search index,offline bundles,single files,scripts,output check');
		expect(made.status, made.output).toBe(0);
		expect(made.output).toMatch(/output check +✓ \d+ HTML files checked: \d+ of the site, \d+ in 5 zips, \d+ single files; \d+ script files, all the build's own/);

		const dist = join(copy.dir, 'dist');
		const edit = (file: string, change: (html: string) => string) => {
			const before = readFileSync(join(dist, file), 'utf8');
			const after = change(before);
			expect(after, file).not.toBe(before);
			writeFileSync(join(dist, file), after);
		};
		edit('fr/tools/signal/index.html', (h) => h.replace('<h1', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><h1'));
		edit('es/tools/signal/index.html', (h) => h.replace('<h1', '<style>quick-exit{display:none!important}</style><h1'));
		edit('en/tools/signal/index.html', (h) => h.replace('<h1', '<img src="https://tracker.example/p.png" alt=""><h1'));
		writeFileSync(join(dist, 'x.js'), 'document.title = "x";');
		edit('downloads/guide-ar.html', (h) => h.replace('</head>', '<base href="https://evil.example/"></head>'));
		const zipFile = join(dist, 'downloads', 'playbook-fr.zip');
		const entries = unzipSync(readFileSync(zipFile));
		const inZip = 'playbook-fr/fr/tools/signal/index.html';
		entries[inZip] = new TextEncoder().encode(new TextDecoder().decode(entries[inZip]).replace('<h1', '<iframe src="https://evil.example/"></iframe><h1'));
		writeFileSync(zipFile, zipSync(entries));

		const { status, output } = build('--only', 'output check');
		expect(status, output).not.toBe(0);
		expect(output).toContain('build: stage "output check" failed: 6 things the generator does not write found in 6 built files:');
		const block = (page: string) => output.slice(output.indexOf(`. ${page}\n`), output.indexOf('fix:', output.indexOf(`. ${page}\n`)));
		expect(block('dist/fr/tools/signal/index.html')).toContain('what: a <meta http-equiv="refresh">');
		expect(block('dist/fr/tools/signal/index.html')).toContain('from: content/docs/fr/tools/signal.mdx');
		expect(block('dist/es/tools/signal/index.html')).toContain('what: a <style> element the generator does not write: <style>quick-exit{display:none!important}</style>');
		expect(block('dist/en/tools/signal/index.html')).toContain('what: an address the browser would fetch from another host: src="https://tracker.example/p.png" in <img>');
		expect(block('dist/x.js')).toContain('what: a script file the build did not emit');
		expect(block('dist/downloads/guide-ar.html')).toContain('what: a <base> element');
		expect(block(`dist/downloads/playbook-fr.zip: ${inZip}`)).toContain('what: an <iframe> element');
		expect(output).toContain('Nothing was checksummed or signed.');
	}, 300_000);
});
