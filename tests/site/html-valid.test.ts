/**
 * Valid HTML: every page the build writes, the single-file guides, the handout's and the quick
 * card's print sources and the pages inside the offline bundles pass an HTML validator
 * (html-validate, which runs in Node) set to the rules of the HTML standard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { HtmlValidate, type ConfigData, type Report } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST, requireDist } from '../helpers/project';
import { htmlFiles, readDist, siteData } from '../helpers/site';

/**
 * The rules of the HTML standard: html-validate's `standard` preset (content models, permitted
 * parents and ancestors, required attributes and content, attribute values, duplicate ids and
 * attributes, deprecated elements and attributes, stray and misnested end tags, character
 * references), plus the rules of its other presets that the standard makes errors of:
 * - missing-doctype: a document without a doctype is a parse error;
 * - empty-title: a title's content must be text other than white space;
 * - input-attributes: an attribute that does not apply to the input's type is not allowed;
 * - no-self-closing: `/>` on an element that is neither void nor foreign (SVG) is a parse error;
 * - no-missing-references: an id reference (for, aria-labelledby, aria-describedby, aria-controls…)
 *   must name an element of the page;
 * - no-unknown-attributes: an attribute the element does not have. Its table lacks a few the
 *   standard allows, added below: `media` on style, `property` on meta (RDFa, as in Open Graph
 *   tags), and on svg the SVG attributes the pages' icons use.
 *
 * Rules of the `recommended`, `document` and `a11y` presets that are not enabled, as they are
 * matters of style or advice that valid HTML need not follow (the accessibility of the pages is
 * tested with axe in a browser, tests/browser/accessibility.test.ts); the pages' markup, much of it
 * Starlight's, breaks these while being valid:
 * - void-style, doctype-style, attr-quotes, attr-case, element-case,
 *   attribute-boolean-style, attribute-empty-style, no-trailing-whitespace: how markup is spelled
 *   (`<meta/>` and `<!doctype html>` are valid; Astro writes both);
 * - no-inline-style: a style attribute is valid (Starlight's search dialog has one);
 * - no-implicit-button-type, no-implicit-input-type, prefer-button, prefer-tbody, script-type,
 *   tel-non-breaking, no-dup-class, no-implicit-close, attr-delimiter: preferences, the standard
 *   gives each a default or allows it;
 * - valid-id in its strict form: ids that start with `_` (Starlight's `_top`) or hold Arabic letters
 *   (headings' ids) are valid; the standard's rule, any text without white space, stays on (relaxed);
 * - heading-level: several h1 (the root page's language list) and a first heading below h1
 *   (Starlight's "On this page") are valid;
 * - long-title: the standard sets no length to a title;
 * - unique-landmark, wcag/h32 (a form with no submit button: the risk check's answers update the
 *   plan as they change), input-missing-label, text-content and the other a11y rules: advice,
 *   tested with axe;
 * - require-sri, require-csp-nonce: the integrity of scripts is held by the output check and the
 *   policy (README, Safe to read), not by integrity attributes;
 * - no-unknown-elements: custom elements (`<quick-exit>`, Starlight's `<site-search>`) are valid.
 */
const VALIDITY: ConfigData = {
	extends: ['html-validate:standard'],
	elements: [
		'html5',
		{
			style: { attributes: { media: {} } },
			meta: { attributes: { property: {} } },
			svg: { attributes: Object.fromEntries(['viewbox', 'width', 'height', 'fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'xmlns', 'preserveaspectratio'].map((a) => [a, {}])) },
		},
	],
	rules: {
		'missing-doctype': 'error',
		'empty-title': 'error',
		'input-attributes': 'error',
		'no-self-closing': 'error',
		'no-missing-references': 'error',
		'no-unknown-attributes': 'error',
	},
};

const validator = new HtmlValidate(VALIDITY);

/**
 * The problems of one document, one line each (`name:line:column rule: message`). Besides the
 * validator's rules: anything after `</html>` other than white space, where the HTML checker
 * reports a stray tag and html-validate sees nothing.
 */
function problems(html: string, name: string): string[] {
	const report: Report = validator.validateStringSync(html, name);
	const found = report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
	const end = html.lastIndexOf('</html>');
	if (end < 0 || html.slice(end + '</html>'.length).trim()) found.push(`${name}: content after </html> (or no </html>): a stray tag for the HTML checker`);
	return found;
}

const page = (head: string, body: string, after = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>${head}</head><body>${body}</body></html>${after}`;

describe('the validator’s rules', () => {
	test('accept the valid markup the pages use: a style with media, Open Graph meta, SVG icons, custom elements, data attributes, self-closed void elements', () => {
		const html = page(
			'<meta property="og:title" content="x"/><style media="print">p{color:red}</style>',
			'<quick-exit data-x="1"><a href="/">Exit</a></quick-exit><svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor" aria-hidden="true"><path d="M0 0h24"/></svg><p id="_top" aria-describedby="d">x</p><p id="d">y</p><input type="checkbox" checked>',
		);
		expect(problems(html, 'valid.html')).toEqual([]);
	});

	test.each([
		['a style after </html>', page('', '<p>x</p>', '<style>p{}</style>'), 'after </html>'],
		['a style in body', page('', '<p>x</p><style>p{}</style>'), 'element-permitted-content'],
		['a duplicate id', page('', '<p id="a">x</p><p id="a">y</p>'), 'no-dup-id'],
		['a self-closed div', page('', '<div/>'), 'no-self-closing'],
		['a block inside a paragraph', page('', '<p><div>x</div></p>'), 'close-order'],
		['a list item without a list', page('', '<li>x</li>'), 'element-permitted-parent'],
		['a link inside a link', page('', '<a href="a"><a href="b">x</a></a>'), 'element-permitted-content'],
		['a button inside a link', page('', '<a href="a"><button type="button">x</button></a>'), 'element-permitted-content'],
		['an attribute HTML does not have', page('', '<p foo="x">x</p>'), 'no-unknown-attributes'],
		['a reference to a missing id', page('', '<input aria-describedby="none">'), 'no-missing-references'],
		['no doctype', '<html lang="en"><head><title>t</title></head><body></body></html>', 'missing-doctype'],
		['an empty title', '<!doctype html><html lang="en"><head><title></title></head><body></body></html>', 'empty-title'],
		['a meta refresh in body', page('', '<meta http-equiv="refresh" content="0">'), 'element-permitted-content'],
		['an unknown character reference', page('', '<p>&nosuch;</p>'), 'unrecognized-char-ref'],
	])('refuse %s', (_, html, rule) => {
		expect(problems(html, 'invalid.html').join('\n')).toContain(rule);
	});
});

describe('the built site', () => {
	beforeAll(requireDist);
	const languages = siteData().languages.map((l) => l.id);

	test('every page is valid HTML', () => {
		const files = htmlFiles();
		expect(files.length).toBeGreaterThan(100);
		const invalid = files.flatMap((f) => problems(readDist(f), f));
		expect(invalid).toEqual([]);
	});

	test('the single-file guides and the handout’s and quick card’s print sources are among them, and valid', () => {
		const files = new Set(htmlFiles());
		for (const lang of languages)
			for (const file of [`downloads/guide-${lang}.html`, `${lang}/handout/index.html`, `${lang}/card/index.html`]) {
				expect(files.has(file), file).toBe(true);
				expect(problems(readDist(file), file)).toEqual([]);
			}
	});

	test.each([...languages, 'all'])('every page inside playbook-%s.zip is valid HTML', (lang) => {
		const entries = unzipSync(readFileSync(join(DIST, 'downloads', `playbook-${lang}.zip`)));
		const pages = Object.keys(entries).filter((name) => name.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		expect(pages.flatMap((name) => problems(new TextDecoder().decode(entries[name]), `playbook-${lang}.zip/${name}`))).toEqual([]);
	});
});
