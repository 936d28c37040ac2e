/**
 * The page weight reader (scripts/bench/page-weight.ts) on a small site written for the test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { definedElements, pageWeight, staticImports } from '../../scripts/bench/page-weight.ts';

const dist = mkdtempSync(join(tmpdir(), 'page-weight-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
const write = (rel: string, text: string) => {
	mkdirSync(dirname(join(dist, rel)), { recursive: true });
	writeFileSync(join(dist, rel), text);
};

write('_astro/site.abc.css', '@import "./extra.def.css"; @font-face { font-family: X; src: url(./x.ghi.woff2) format("woff2"); } body { color: red }');
write('_astro/extra.def.css', 'p { margin: 0 }');
write('_astro/print.jkl.css', '@media print { body { color: black } }');
write('_astro/x.ghi.woff2', 'FONT'.repeat(100));
write('_astro/island.mno.js', 'import"./shared.pqr.js";class A extends HTMLElement{}customElements.define(`risk-box`,A);');
write('_astro/shared.pqr.js', 'export const s=1;customElements.define("shared-bit",class extends HTMLElement{});const later=()=>import("./lazy.stu.js");');
write('_astro/lazy.stu.js', 'export default 1;');
write('legacy.js', 'window.x = 1;');
write('favicon.svg', '<svg/>');
const html = `<!doctype html><html><head><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/site.abc.css"><link rel="stylesheet" href="/_astro/print.jkl.css" media="print"><script src="/legacy.js"></script><script>var inline = 1;</script></head><body><risk-box></risk-box><script type="module" src="/_astro/island.mno.js"></script><script src="/legacy.js" defer></script></body></html>`;
write('en/page/index.html', html);

describe('pageWeight', () => {
	const weight = pageWeight(dist, 'en/page/index.html');
	const urls = weight.resources.map((r) => r.url).sort();

	test('follows stylesheets, their imports and fonts, and module imports, but not dynamic imports', () => {
		expect(urls).toEqual(['/_astro/extra.def.css', '/_astro/island.mno.js', '/_astro/print.jkl.css', '/_astro/shared.pqr.js', '/_astro/site.abc.css', '/_astro/x.ghi.woff2', '/en/page/', '/favicon.svg', '/legacy.js']);
	});

	test('counts as blocking the document, screen stylesheets and what they import, and classic scripts in head', () => {
		expect(weight.resources.filter((r) => r.blocking).map((r) => r.url).sort()).toEqual(['/_astro/extra.def.css', '/_astro/site.abc.css', '/en/page/', '/legacy.js']);
		expect(weight.blocking).toBe(4);
	});

	test('measures gzip sizes, and keeps hashed files cached on a repeat view', () => {
		expect(weight.first.byKind.html.gzip).toBe(gzipSync(Buffer.from(html), { level: 6 }).length);
		expect(weight.first.requests).toBe(9);
		// The document and the unhashed script are fetched again; the icon is not counted in the budgets' total.
		expect(weight.repeat.requests).toBe(3);
		expect(weight.repeat.gzip).toBe(weight.first.byKind.html.gzip + weight.resources.find((r) => r.url === '/legacy.js')!.gzip);
		expect(weight.first.gzip).toBe(weight.resources.filter((r) => r.kind !== 'other').reduce((n, r) => n + r.gzip, 0));
		expect(weight.first.byKind.font.bytes).toBe(400);
	});

	test('lists each script with the custom elements it and its static imports define, and the elements on the page', () => {
		expect(weight.scripts.map((s) => [s.entry, s.inline, s.defines])).toEqual([
			['/legacy.js', false, []],
			['inline:var inline = 1;', true, []],
			['/_astro/island.mno.js', false, ['risk-box', 'shared-bit']],
			['/legacy.js', false, []],
		]);
		expect([...weight.elements]).toEqual(['risk-box']);
	});
});

describe('script reading', () => {
	test('finds static imports in minified and formatted code', () => {
		expect(staticImports('import"./a.js";import{b as c}from"./b.js";export*from"./c.js";const d=import("./d.js")')).toEqual(['./a.js', './b.js', './c.js']);
		expect(staticImports("import x from './x.js';\nimport { y } from '/y.js';")).toEqual(['./x.js', '/y.js']);
	});

	test('finds the custom elements a script defines', () => {
		expect(definedElements('customElements.define(`site-search`,A);customElements.define("x-y", B)')).toEqual(['site-search', 'x-y']);
	});
});
