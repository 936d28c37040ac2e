/**
 * The content check against content that tries to run code, and against content files that would
 * break the site silently: the problems it names, with file, line and fix.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { checkContent, type Problem } from '../../src/check/check-content';
import { checkMarkupText } from '../../src/check/check-markup';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, ROOT } from '../helpers/project';

let project: ReturnType<typeof copyProject> | undefined;
afterEach(() => project?.cleanup());

function problemsAfter(edits: Record<string, (text: string) => string>, writes: Record<string, string> = {}): Problem[] {
	project = copyProject(['content']);
	for (const [rel, change] of Object.entries(edits)) project.edit(rel, change);
	for (const [rel, text] of Object.entries(writes)) project.write(rel, text);
	return checkContent(project.dir).problems;
}

describe('active markup in content', () => {
	test('errors on a script in an MDX page, with its line and column', () => {
		const problems = problemsAfter({ 'content/docs/en/tools/signal.mdx': (t) => `${t}\nRead this.\n\n<script>alert(1)</script>\n` });
		expect(problems).toHaveLength(1);
		// Reported once, by the check of pages as MDX (src/check/check-mdx.ts), not again by the text check on the same line.
		expect(problems[0]).toMatchObject({ file: 'content/docs/en/tools/signal.mdx', message: '<script> is not allowed in a page: it would run a script in readers’ browsers' });
		expect(problems[0]!.field).toMatch(/^line \d+, column 1$/);
		expect(problems[0]!.fix).toContain('remove the element');
	});

	test('errors on a script in an interface string, written raw or escaped', () => {
		const problems = problemsAfter({ 'content/i18n/fr.json': (t) => t.replace('"downloads.version": "Version', '"downloads.version": "\\u003cscript>alert(1)\\u003c/script>Version') });
		const line = readFileSync(join(ROOT, 'content/i18n/fr.json'), 'utf8').split('\n').findIndex((l) => l.includes('"downloads.version"')) + 1;
		expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([['content/i18n/fr.json', `line ${line}, column 24`, '<script> is not allowed in content']]);
	});

	test('errors on a script in a language label, and stops before any other check', () => {
		const problems = problemsAfter({ 'content/data/languages.yaml': (t) => t.replace('label: Español', 'label: Español<script>alert(1)</script>') });
		expect(problems).toHaveLength(1);
		const line = readFileSync(join(ROOT, 'content/data/languages.yaml'), 'utf8').split('\n').indexOf('  label: Español') + 1;
		expect(problems[0]).toMatchObject({ file: 'content/data/languages.yaml', field: `line ${line}, column 17`, message: '<script> is not allowed in content' });
	});

	test.each([
		['<img src="x.png" onerror="alert(1)">', 'the event attribute "onerror" is not allowed in content'],
		['<a href="/" onClick={() => go()}>go</a>', 'the event attribute "onClick" is not allowed in content'],
		['<iframe src="https://example.org"></iframe>', '<iframe> is not allowed in content'],
		['<object data="x.swf"></object>', '<object> is not allowed in content'],
		['<EMBED src="x.swf">', '<embed> is not allowed in content'],
		['[home](javascript:alert(1))', 'a javascript: address is not allowed in content'],
		['[home](&#106;avascript:alert(1))', 'a javascript: address is not allowed in content'],
		['<a href="VBScript:msgbox">x</a>', 'a vbscript: address is not allowed in content'],
		['![x](data:text/html;base64,PHNjcmlwdD4=)', 'a data: address is not allowed in content'],
		['<Fragment set:html={text} />', 'set:html (raw HTML) is not allowed in content'],
		['![The logo](https://example.org/logo.png)', 'an image from another site (https://example.org/logo.png) is not allowed in content'],
		['![The logo](//example.org/logo.png "Logo")', 'an image from another site (//example.org/logo.png) is not allowed in content'],
		['<img alt="" src="https://example.org/a.png" />', '<img src> loads https://example.org/a.png from another site, which is not allowed in content'],
		['<picture><source srcset="http://example.org/a.webp" /></picture>', '<source srcset> loads http://example.org/a.webp from another site, which is not allowed in content'],
		['<video poster={"https://example.org/p.jpg"} />', '<video poster> loads https://example.org/p.jpg from another site, which is not allowed in content'],
		['<span style="background: url(https://example.org/t.gif)">x</span>', 'url() loads https://example.org/t.gif from another site, which is not allowed in content'],
	])('errors on %s', (line, message) => {
		expect(checkMarkupText('content/docs/en/x.mdx', `---\ntitle: x\n---\n\n${line}\n`).map((p) => [p.field.split(',')[0], p.message])).toEqual([['line 5', message]]);
	});

	test('errors on a script added through the frontmatter’s head', () => {
		const text = '---\ntitle: x\nhead:\n  - tag: script\n    content: alert(1)\n---\n\nText.\n';
		expect(checkMarkupText('content/docs/en/x.mdx', text).map((p) => [p.field.split(',')[0], p.message])).toEqual([['line 4', "a <script> in the frontmatter's head is not allowed in content"]]);
	});

	test('leaves ordinary prose alone: metadata, the word "on", links', () => {
		const text = 'Metadata: who talks to whom.\nClick on = the button.\nA [link](https://example.org/data:1) and <a href="/en/">home</a>.\nkey: data: the value\n![A picture](/images/a.png) and <a href="https://example.org/">a site</a>.\n';
		expect(checkMarkupText('content/docs/en/x.mdx', text)).toEqual([]);
	});
});

describe('content files that break silently', () => {
	test('errors on a Markdown page next to an MDX page of the same name', () => {
		const problems = problemsAfter({}, { 'content/docs/en/tools/signal.md': '---\ntitle: Signal\nreviewed: 2026-11-23\n---\n\nOther text.\n' });
		expect(problems).toEqual([
			{
				file: 'content/docs/en/tools/signal.md',
				message: 'two files for one page: content/docs/en/tools/signal.md and content/docs/en/tools/signal.mdx; only one of them would be shown',
				fix: 'keep one of them: move what this file adds into content/docs/en/tools/signal.mdx and delete content/docs/en/tools/signal.md.',
			},
		]);
	});

	test('errors on a page whose slug is another page’s address', () => {
		const problems = problemsAfter({ 'content/docs/en/tools/wire.mdx': (t) => t.replace('title: Wire', 'title: Wire\nslug: en/tools/signal') });
		expect(problems).toEqual([
			{
				file: 'content/docs/en/tools/wire.mdx',
				field: 'frontmatter → slug',
				message: 'the address "/en/tools/signal/" is already the address of content/docs/en/tools/signal.mdx; only one of the two pages would be shown',
				fix: 'give this page another slug, or remove "slug:" so the page takes its address from its file name.',
			},
		]);
	});

	test('errors on two pages with the same slug', () => {
		const problems = problemsAfter({
			'content/docs/en/tools/wire.mdx': (t) => t.replace('title: Wire', 'title: Wire\nslug: en/messengers'),
			'content/docs/en/tools/signal.mdx': (t) => t.replace('title: Signal', 'title: Signal\nslug: en/messengers'),
		});
		// The page's own links, relative to an address two folders up, are reported too: they would lead nowhere.
		expect(problems.filter((p) => !p.message.startsWith('the link')).map((p) => [p.file, p.message])).toEqual([['content/docs/en/tools/wire.mdx', 'the address "/en/messengers/" is already the address of content/docs/en/tools/signal.mdx; only one of the two pages would be shown']]);
	});

	test('reports one YAML syntax error as one problem, not as every reference into the file', () => {
		const problems = problemsAfter({ 'content/data/tools.yaml': (t) => t.replace('- id: wire\n', '- id: wire\n  name: [Wire\n') });
		expect(problems).toHaveLength(1);
		// The broken flow list opens on the line after "- id: wire"; the parser stops on the line after it.
		const line = readFileSync(join(ROOT, 'content/data/tools.yaml'), 'utf8').split('\n').indexOf('- id: wire') + 3;
		expect(problems[0]).toMatchObject({ file: 'content/data/tools.yaml', field: `line ${line}, column 3` });
		expect(problems[0]!.message).toBe('a list in brackets ("[") is not closed with "]" before this line');
		expect(problems[0]!.fix).toMatch(/^close it on the line where it starts/);
	});
});

describe('links between pages', () => {
	// The pages the generator makes (src/routes/) and the files of public/ are addresses too.
	const problemsAfter = (edits: Record<string, (text: string) => string>, writes: Record<string, string> = {}) => {
		project = copyProject(['content', 'src/routes', 'public']);
		for (const [rel, change] of Object.entries(edits)) project.edit(rel, change);
		for (const [rel, text] of Object.entries(writes)) project.write(rel, text);
		return checkContent(project.dir).problems;
	};

	test('errors on a link in a page that leads to no page, with its line and the address it meant', () => {
		const problems = problemsAfter({ 'content/docs/en/tools/whatsapp.mdx': (t) => `${t}\nSee also [a page](../signall/).\n` });
		const line = readFileSync(join(ROOT, 'content/docs/en/tools/whatsapp.mdx'), 'utf8').split('\n').length + 1;
		expect(problems).toEqual([
			{
				file: 'content/docs/en/tools/whatsapp.mdx',
				field: `line ${line}, column 19`,
				message: 'the link "../signall/" leads to /en/tools/signall/, which is no page of the guide',
				fix: 'did you mean /en/tools/signal/ (written from this page as "../signal/")? Correct the address.',
			},
		]);
	});

	test('errors on an <a href> and an address from the site root as well', () => {
		const problems = problemsAfter({ 'content/docs/fr/resources.mdx': (t) => `${t}\n<a href="/fr/outils/">Outils</a> et [le guide](/fr/risk-chek/).\n` });
		expect(problems.map((p) => p.message)).toEqual([
			'the link "/fr/outils/" leads to /fr/outils/, which is no page of the guide',
			'the link "/fr/risk-chek/" leads to /fr/risk-chek/, which is no page of the guide',
		]);
		expect(problems[1]!.fix).toContain('did you mean /fr/risk-check/');
	});

	test('accepts a page of the guide in any language, a page the generator makes, a file of public/ and a download; leaves other sites, parts of a page and code alone', () => {
		const text = [
			'[Signal](../signal/) [tools](../) [all](/es/all-pages/) [card](../../card/) [icon](/favicon.svg) [zip](/downloads/playbook-es.zip)',
			'[site](https://example.org/nothing/) [mail](mailto:a@example.org) [part](#what-it-protects) `[code](../nothing/)`',
		].join('\n');
		expect(problemsAfter({ 'content/docs/es/tools/wire.mdx': (t) => `${t}\n${text}\n` })).toEqual([]);
	});

	test('accepts a link to a page that exists only in the source language: the other languages fall back to it', () => {
		const problems = problemsAfter({ 'content/docs/fr/tools/wire.mdx': (t) => `${t}\n[Nouveau](../new-tool/)\n` }, { 'content/docs/en/tools/new-tool.mdx': '---\ntitle: New\nreviewed: 2026-11-23\n---\n\nText.\n' });
		expect(problems.filter((p) => p.message.includes('link'))).toEqual([]);
	});
});
