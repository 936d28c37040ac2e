/**
 * The Content-Security-Policy of the built site, read from the files: every page carries one
 * that lists exactly its inline scripts, and the server snippets send the same with every hash.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inlineScriptHashes, policy, scriptHash, sealSite, withPolicy } from '../../src/build/csp';
import { findScriptSource, generatorInlineScripts, unknownScriptsError } from '../../src/build/inline-scripts';
import { DIST, ROOT } from '../helpers/project';
import { htmlFiles, readDist } from '../helpers/site';

const pages = htmlFiles().filter((f) => !f.startsWith('pagefind/'));
/**
 * The pages the server sends. The single-file guides in downloads/ are not among them: they are
 * downloaded and opened from the reader's device, where their own policy lists their own script
 * (tests/browser/single-file.test.ts).
 */
const served = pages.filter((f) => !f.startsWith('downloads/'));

/** The policy a page carries: its inline scripts by hash, and on the site the site's own files; a single file loads none. */
const expectedPolicy = (file: string, html: string) => policy(inlineScriptHashes(html), { scripts: file.startsWith('downloads/') ? 'inline' : 'self' });

describe('the policy on every page', () => {
	test('is the first thing after the charset, and allows exactly the page’s inline scripts', () => {
		expect(pages.length).toBeGreaterThan(150);
		for (const file of pages) {
			const html = readDist(file);
			const metas = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g) ?? [];
			expect(metas, file).toEqual([`<meta http-equiv="Content-Security-Policy" content="${expectedPolicy(file, html)}">`]);
			if (html.includes('<script')) expect(html.indexOf(metas[0]!), file).toBeLessThan(html.indexOf('<script'));
			expect(html, file).toMatch(/<head><meta charset="utf-8"\/?><meta http-equiv="Content-Security-Policy"/);
		}
	});

	test('never allows inline scripts, eval or other origins for scripts; a single file allows no script file and no WebAssembly', () => {
		for (const file of pages) {
			const scriptSrc = /script-src ([^;"]*)/.exec(readDist(file))![1]!.split(' ');
			expect(scriptSrc.filter((s) => !s.startsWith("'sha256-")), file).toEqual(file.startsWith('downloads/') ? [] : ["'self'", "'wasm-unsafe-eval'"]);
		}
		expect(pages.filter((f) => f.startsWith('downloads/guide-')).length).toBeGreaterThan(0);
		expect(policy([], { scripts: 'inline' })).toContain("script-src 'none';");
	});

	test('hashes what the browser runs: a script changed after the build no longer matches', () => {
		const known = new Set([scriptHash('run()')]);
		const sealed = withPolicy('<html><head><meta charset="utf-8"><script>run()</script></head><body></body></html>', known);
		expect(sealed).toContain(scriptHash('run()'));
		expect(sealed.replace('run()', 'run(1)')).not.toContain(scriptHash('run(1)'));
		// Sealing again replaces the policy rather than adding one.
		expect(withPolicy(sealed, known).match(/Content-Security-Policy/g)).toHaveLength(1);
	});

	test('lists only inline scripts the generator writes, each found in a component of the project', () => {
		const known = generatorInlineScripts(ROOT);
		const files = new Set([...known.values()].map((k) => k.file));
		expect(files).toContain('src/overrides/ThemeProvider.astro');
		expect(files).toContain('src/overrides/ThemeSelect.astro');
		for (const file of served) for (const hash of inlineScriptHashes(readDist(file))) expect(known.has(hash), `${file}: ${hash}`).toBe(true);
	});
});

describe('an inline script that the generator does not write', () => {
	const known = new Set(generatorInlineScripts(ROOT).keys());
	const page = (body: string) => `<html><head><meta charset="utf-8"></head><body>${body}<script>alert(document.cookie)</script></body></html>`;

	test('is never listed in a page’s policy, and sealing a single page throws, naming the page', () => {
		expect(() => withPolicy(page(''), known, 'playbook-en/en/index.html')).toThrow('playbook-en/en/index.html holds an inline script that the generator does not write: <script>alert(document.cookie)</script>');
	});

	test('stops the policy stage before any page is written, naming the page and the content file it came from', () => {
		const dist = mkdtempSync(join(tmpdir(), 'playbook-seal-'));
		try {
			mkdirSync(join(dist, 'en'));
			writeFileSync(join(dist, 'en', 'index.html'), page(''));
			const result = sealSite(dist, known);
			expect(result.unknown).toEqual([{ file: 'en/index.html', body: 'alert(document.cookie)' }]);
			expect(readFileSync(join(dist, 'en', 'index.html'), 'utf8')).not.toContain('Content-Security-Policy');
			const message = unknownScriptsError([{ page: 'dist/en/index.html', excerpt: 'StarlightThemeProvider.updatePickers();', source: findScriptSource(ROOT, 'quickExit: https://en.wikipedia.org/') }]).message;
			expect(message).toContain('1. dist/en/index.html');
			expect(message).toContain('from: content/data/languages.yaml, line ');
			expect(message).toContain('fix:  remove the script from the file named.');
		} finally {
			rmSync(dist, { recursive: true, force: true });
		}
	});
});

describe('the server snippets', () => {
	const all = [...new Set(served.flatMap((f) => inlineScriptHashes(readDist(f))))];
	const nginx = readFileSync(join(DIST, '_server', 'headers.nginx'), 'utf8');
	const caddy = readFileSync(join(DIST, '_server', 'headers.caddy'), 'utf8');

	test('send the policy with the hash of every inline script of the site, and forbid framing', () => {
		const header = policy(all, { header: true });
		expect(header).toContain("frame-ancestors 'none'");
		expect(nginx).toContain(`add_header Content-Security-Policy "${header}" always;`);
		expect(caddy).toContain(`\tContent-Security-Policy "${header}"`);
	});

	test('send the other security headers', () => {
		for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options', 'Permissions-Policy']) {
			expect(nginx).toContain(`add_header ${name} `);
			expect(caddy).toContain(`\t${name} `);
		}
	});
});
