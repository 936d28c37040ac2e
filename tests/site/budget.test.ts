/**
 * Page weight budgets, checked on the built site by reading dist/ (never by timing anything).
 * What a page costs is worked out by scripts/bench/page-weight.ts, which says how each figure is
 * counted; in short:
 *
 * - First view: an empty cache. The document, every stylesheet (with its @import and @font-face
 *   files), every script and the modules it imports statically, preloaded fonts. Counted gzipped.
 * - Repeat view: files under /_astro/ are named after their content and stay cached; the document
 *   is fetched again.
 * - Requests before the text is shown: the document, stylesheets for screens, classic scripts in
 *   <head> without async or defer, and preloaded fonts. Module scripts are deferred and block nothing.
 *
 * Content pages: every HTML page under dist/<lang>/, the language picker at the root and the 404
 * page. The handout and the quick card (/<lang>/handout/, /<lang>/card/) are not: they are the
 * print sources of the PDFs, embed the fonts the PDFs need (about 230 KB), and no navigation links
 * to them.
 *
 * That a page's HTML does not grow with the guide (within 10 % on a guide ten times larger) needs
 * two builds of its own: tests/build/page-growth.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { definedElements, pageWeight, staticImports, type PageWeight } from '../../scripts/bench/page-weight.ts';
import { DIST, requireDist } from '../helpers/project';
import { htmlFiles, siteData } from '../helpers/site';

const KB = 1024;
const BUDGET = { firstView: 30 * KB, repeatView: 10 * KB, blockingRequests: 6 };
const HANDOUT = /^[a-z-]+\/(handout|card)\/index\.html$/;

const languages = siteData().languages.map((l) => l.id);
let pages: PageWeight[] = [];

beforeAll(() => {
	requireDist();
	const files = htmlFiles().filter((f) => f === 'index.html' || f === '404.html' || (languages.some((l) => f.startsWith(`${l}/`)) && !HANDOUT.test(f)));
	pages = files.map((f) => pageWeight(DIST, f, { brotli: false }));
});

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const largest = (key: (p: PageWeight) => number) => [...pages].sort((a, b) => key(b) - key(a))[0]!;

describe('every content page', () => {
	test('is measured: every language, the root and the 404 page, with the stylesheet and scripts a Starlight page loads', () => {
		expect(pages.length).toBeGreaterThan(150);
		for (const lang of languages) expect(pages.some((p) => p.page === `${lang}/tools/signal/index.html`), lang).toBe(true);
		expect(pages.map((p) => p.page)).toEqual(expect.arrayContaining(['index.html', '404.html', 'en/risk-check/index.html']));
		expect(pages.some((p) => HANDOUT.test(p.page))).toBe(false);
		const signal = pages.find((p) => p.page === 'en/tools/signal/index.html')!;
		const html = readFileSync(join(DIST, signal.page));
		expect(signal.first.byKind.html.bytes).toBe(html.length);
		expect(signal.first.byKind.css.gzip).toBeGreaterThan(5 * KB);
		expect(signal.first.byKind.js.gzip).toBeGreaterThan(1 * KB);
		expect(signal.resources.filter((r) => r.kind === 'css' && r.blocking).length).toBeGreaterThan(0);
		// The repeat view is the document alone when everything else is named after its content.
		expect(signal.repeat.gzip).toBe(signal.first.byKind.html.gzip);
	});

	test(`loads at most ${BUDGET.firstView / KB} KB gzipped on a first view (HTML, CSS, JavaScript and fonts)`, () => {
		const heaviest = largest((p) => p.first.gzip);
		console.log(`largest first view: ${heaviest.page} ${kb(heaviest.first.gzip)} (HTML ${kb(heaviest.first.byKind.html.gzip)}, CSS ${kb(heaviest.first.byKind.css.gzip)}, JS ${kb(heaviest.first.byKind.js.gzip)}, fonts ${kb(heaviest.first.byKind.font.gzip)})`);
		expect(pages.filter((p) => p.first.gzip > BUDGET.firstView).map((p) => `${p.page}: ${kb(p.first.gzip)}`)).toEqual([]);
	});

	test(`loads at most ${BUDGET.repeatView / KB} KB gzipped on a repeat view`, () => {
		const heaviest = largest((p) => p.repeat.gzip);
		console.log(`largest repeat view: ${heaviest.page} ${kb(heaviest.repeat.gzip)}`);
		expect(pages.filter((p) => p.repeat.gzip > BUDGET.repeatView).map((p) => `${p.page}: ${kb(p.repeat.gzip)}`)).toEqual([]);
	});

	test(`needs at most ${BUDGET.blockingRequests} requests before its text is shown`, () => {
		const most = largest((p) => p.blocking);
		console.log(`most requests before text: ${most.page} ${most.blocking} (${most.resources.filter((r) => r.blocking).map((r) => r.url).join(', ')})`);
		expect(pages.filter((p) => p.blocking > BUDGET.blockingRequests).map((p) => `${p.page}: ${p.blocking}`)).toEqual([]);
	});

	test('runs JavaScript only where it has search or an island, and only scripts for what is on it', () => {
		const islands = (p: PageWeight) => [...p.elements].filter((el) => p.scripts.some((s) => s.defines.includes(el)));
		for (const page of pages) {
			if (!page.elements.has('site-search') && islands(page).length === 0) {
				expect(page.scripts, `${page.page} has no search and no island, yet runs scripts`).toEqual([]);
				continue;
			}
			// Every script file the page loads defines (itself or through what it imports) an element the page has.
			for (const script of page.scripts.filter((s) => !s.inline))
				expect(script.defines.filter((el) => page.elements.has(el)), `${page.page} loads ${script.entry}, which defines only ${script.defines.join(', ') || 'no element'}`).not.toEqual([]);
		}
		// The language picker at the root is plain HTML with the quick exit, the same as on every page; a tool page has search but no island of its own.
		expect(pages.find((p) => p.page === 'index.html')!.scripts.map((s) => s.defines)).toEqual([['quick-exit']]);
		expect(pages.find((p) => p.page === '404.html')!.scripts.map((s) => s.defines)).toEqual([['quick-exit']]);
		expect(pages.find((p) => p.page === 'en/risk-check/index.html')!.scripts.some((s) => s.defines.includes('risk-selector'))).toBe(true);
		expect(pages.find((p) => p.page === 'en/tools/signal/index.html')!.scripts.some((s) => s.defines.includes('risk-selector'))).toBe(false);
	});
});

describe('the site ships only what its pages use', () => {
	test('no code highlighting: no page shows a code block, and no stylesheet or script is for one', () => {
		for (const page of pages) expect(readFileSync(join(DIST, page.page), 'utf8'), page.page).not.toMatch(/<pre[\s>]|class="expressive-code/);
		const assets = readdirSync(join(DIST, '_astro')).filter((f) => /\.(css|js)$/.test(f));
		for (const file of assets) expect(readFileSync(join(DIST, '_astro', file), 'utf8'), file).not.toMatch(/expressive-code|\.ec-line|\.frame\.is-terminal/);
	});

	test('every stylesheet, script and font in dist/_astro/ is used by a page', () => {
		const used = new Set<string>();
		for (const file of htmlFiles()) for (const r of pageWeight(DIST, file, { brotli: false }).resources) used.add(r.url);
		// Scripts imported on demand (Pagefind's interface, when search opens) and the stylesheets
		// scripts add (the search interface's) count as used.
		const queue = [...used].filter((u) => u.endsWith('.js'));
		while (queue.length) {
			const url = queue.pop()!;
			const code = readFileSync(join(DIST, url), 'utf8');
			for (const m of code.matchAll(/["'`](\/_astro\/[\w.-]+\.css)["'`]/g)) used.add(m[1]!);
			const targets = [...staticImports(code), ...[...code.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!)];
			for (const target of targets) {
				if (!target.startsWith('.') && !target.startsWith('/')) continue;
				const resolved = target.startsWith('/') ? target : posix.join(posix.dirname(url), target);
				if (!used.has(resolved) && existsSync(join(DIST, resolved))) {
					used.add(resolved);
					queue.push(resolved);
				}
			}
		}
		const shipped = readdirSync(join(DIST, '_astro')).filter((f) => /\.(css|m?js|woff2?)$/.test(f)).map((f) => `/_astro/${f}`);
		// Starlight's Footer imports its components barrel, so Astro emits the script of Tabs, which
		// no page renders. No page loads it and the offline bundles leave it out; it only sits on the server.
		const notLoaded = (f: string) => !used.has(f) && !/^\/_astro\/Tabs\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(f);
		expect(shipped.filter(notLoaded)).toEqual([]);
		// The sanity of this check: it knows the scripts that define the site's islands.
		expect([...used].filter((u) => u.endsWith('.js')).some((u) => definedElements(readFileSync(join(DIST, u), 'utf8')).includes('scenario-sequencer'))).toBe(true);
	});
});
