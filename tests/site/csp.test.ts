/**
 * The Content-Security-Policy of the built site, read from the files: every page carries one
 * that lists exactly its inline scripts, and the server snippets send the same with every hash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inlineScriptHashes, policy, scriptHash, withPolicy } from '../../src/lib/csp';
import { DIST } from '../helpers/project';
import { htmlFiles, readDist } from '../helpers/site';

const pages = htmlFiles().filter((f) => !f.startsWith('pagefind/'));

describe('the policy on every page', () => {
	test('is the first thing after the charset, and allows exactly the page’s inline scripts', () => {
		expect(pages.length).toBeGreaterThan(150);
		for (const file of pages) {
			const html = readDist(file);
			const metas = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g) ?? [];
			expect(metas, file).toEqual([`<meta http-equiv="Content-Security-Policy" content="${policy(inlineScriptHashes(html))}">`]);
			if (html.includes('<script')) expect(html.indexOf(metas[0]!), file).toBeLessThan(html.indexOf('<script'));
			expect(html, file).toMatch(/<head><meta charset="utf-8"\/?><meta http-equiv="Content-Security-Policy"/);
		}
	});

	test('never allows inline scripts, eval or other origins for scripts', () => {
		for (const file of pages) {
			const scriptSrc = /script-src ([^;"]*)/.exec(readDist(file))![1]!.split(' ');
			expect(scriptSrc.filter((s) => !s.startsWith("'sha256-")), file).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		}
	});

	test('hashes what the browser runs: a script changed after the build no longer matches', () => {
		const sealed = withPolicy('<html><head><meta charset="utf-8"><script>run()</script></head><body></body></html>');
		expect(sealed).toContain(scriptHash('run()'));
		expect(sealed.replace('run()', 'run(1)')).not.toContain(scriptHash('run(1)'));
		// Sealing again replaces the policy rather than adding one.
		expect(withPolicy(sealed).match(/Content-Security-Policy/g)).toHaveLength(1);
	});
});

describe('the server snippets', () => {
	const all = [...new Set(pages.flatMap((f) => inlineScriptHashes(readDist(f))))];
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
