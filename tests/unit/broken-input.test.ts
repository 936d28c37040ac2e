import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkContent, type Problem } from '../../src/check/check-content';
import { ContentError, decodeContent, firstInvalidUtf8, linePosition, parseJson, parseYaml, readStrings, readText } from '../../src/check/sources';
import { parseStrictJson } from '../../src/check/strict-json';
import { copyProject, ROOT } from '../helpers/project';

let project: ReturnType<typeof copyProject> | undefined;
afterEach(() => project?.cleanup());

/** The problems of the shipped content, so that each case below is judged by what it adds. */
let before: Set<string>;
beforeAll(() => {
	before = new Set(checkContent(ROOT).problems.map((p) => JSON.stringify(p)));
});

/** Copies the content, changes files (text, or bytes for encodings), and returns what the check reports that it did not before. */
function added(changes: Record<string, (text: string) => string | Uint8Array>): Problem[] {
	project = copyProject(['content']);
	for (const [rel, change] of Object.entries(changes)) {
		const path = join(project.dir, rel);
		const text = readFileSync(path, 'utf8');
		const result = change(text);
		expect(result, `the change to ${rel} changed nothing: its pattern no longer matches`).not.toEqual(text);
		writeFileSync(path, result);
	}
	return checkContent(project.dir).problems.filter((p) => !before.has(JSON.stringify(p)));
}

/** The text with its first `char` written as one Latin-1 byte, as an editor saving in Windows-1252 would. */
function latin1(text: string, char = 'é'): Uint8Array {
	const at = text.indexOf(char);
	expect(at).toBeGreaterThan(0);
	return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(char, 'latin1'), Buffer.from(text.slice(at + 1))]);
}

/** `line N, column M` of the first `needle` in the shipped file. */
function placeOf(rel: string, needle: string, from = 0): string {
	const text = readFileSync(join(ROOT, rel), 'utf8');
	const { line, column } = linePosition(text, text.indexOf(needle, from));
	return `line ${line}, column ${column}`;
}

describe('a file that is not UTF-8', () => {
	for (const rel of ['content/i18n/fr.json', 'content/docs/fr/index.mdx', 'content/text/fr.yaml'])
		test(`is one problem with its line and column, the byte and the fix: ${rel}`, () => {
			const problems = added({ [rel]: (t) => latin1(t) });
			// Nothing else is checked: every other reader would see something else in its place.
			expect(problems).toHaveLength(1);
			expect(problems[0]).toMatchObject({ file: rel, field: placeOf(rel, 'é') });
			expect(problems[0]!.message).toMatch(/^the file is not UTF-8: the byte 0xE9 after ‘.+’ is not UTF-8 text \(in Windows-1252 or Latin-1, the encoding it was probably saved in, it is "é"\); readers would see "�" in its place$/);
			expect(problems[0]!.fix).toMatch(/^save the file as UTF-8 \(in VS Code, .*"Save with Encoding", "UTF-8".*\), then check its accented letters\.$/);
			expect(checkContent(project!.dir).problems).toHaveLength(1);
		});

	test('in any text file below content/, even one nothing else reads', () => {
		project = copyProject(['content']);
		writeFileSync(join(project.dir, 'content/data/notes.yml'), Buffer.from([0x61, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
		expect(checkContent(project.dir).problems).toEqual([expect.objectContaining({ file: 'content/data/notes.yml', field: 'line 1, column 7' })]);
	});

	test('a byte-order mark is refused, at line 1, with how to save without it; every reader says the same', () => {
		const problems = added({ 'content/i18n/es.json': (t) => `\uFEFF${t}` });
		expect(problems).toEqual([
			{
				file: 'content/i18n/es.json',
				field: 'line 1, column 1',
				message: 'the file starts with a byte-order mark (three invisible bytes, EF BB BF), which some readers keep as part of the first key or line',
				fix: 'save the file as "UTF-8" without BOM: in VS Code, click "UTF-8 with BOM" in the status bar, "Save with Encoding", "UTF-8"; in Notepad++, Encoding, "UTF-8"; in Notepad, "Save as" with Encoding "UTF-8".',
			},
		]);
		for (const read of [() => readText(project!.dir, 'content/i18n/es.json'), () => readStrings(project!.dir, 'content/i18n/es.json')]) expect(read).toThrow(ContentError);
	});

	test('a byte-order mark before a page\'s frontmatter is refused too, rather than hiding the frontmatter', () => {
		const problems = added({ 'content/docs/fr/index.mdx': (t) => `\uFEFF${t}` });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/docs/fr/index.mdx', field: 'line 1, column 1' });
	});
});

describe('a key written twice', () => {
	test('in an interface file (JSON) names both lines', () => {
		const rel = 'content/i18n/fr.json';
		const problems = added({ [rel]: (t) => t.replace('\t"site.readIn":', '\t"site.title": "Autre titre",\n\t"site.readIn":') });
		expect(problems).toEqual([{ file: rel, field: 'line 4, column 2', message: 'the key "site.title" appears twice (first on line 2)', fix: 'keep one of the two lines: JSON would silently keep only the last one.' }]);
	});

	test('in an entry of a data list names both lines', () => {
		const rel = 'content/data/tools.yaml';
		const line = placeOf(rel, '- id: wire').replace(/, column \d+$/, '');
		const n = Number(/\d+/.exec(line)![0]);
		const problems = added({ [rel]: (t) => t.replace('- id: wire\n  name: Wire\n', '- id: wire\n  name: Wire\n  name: Wire app\n') });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: rel, field: `line ${n + 2}, column 3`, message: `the key "name" appears twice (first on line ${n + 1})` });
		expect(problems[0]!.fix).toMatch(/^keep one of the two/);
	});

	test('in a text file (YAML)', () => {
		const rel = 'content/text/fr.yaml';
		const problems = added({ [rel]: (t) => `${t}category.devices: Appareils\n` });
		const lines = readFileSync(join(ROOT, rel), 'utf8').split('\n').length;
		expect(problems).toEqual([expect.objectContaining({ file: rel, field: `line ${lines}, column 1`, message: 'the key "category.devices" appears twice (first on line 2)' })]);
	});

	test("in a page's frontmatter, with the lines of the file", () => {
		const rel = 'content/docs/fr/index.mdx';
		const problems = added({ [rel]: (t) => t.replace(/^reviewed: .*\n/m, '$&title: Un autre titre\n') });
		const lines = readFileSync(join(ROOT, rel), 'utf8').split('\n');
		const title = lines.findIndex((l) => l.startsWith('title:')) + 1;
		const addedLine = lines.findIndex((l) => l.startsWith('reviewed:')) + 2;
		expect(problems).toEqual([expect.objectContaining({ file: rel, field: `line ${addedLine}, column 1`, message: `the key "title" appears twice (first on line ${title})` })]);
	});
});

describe('interface strings', () => {
	test('an unknown key is refused with the nearest known one', () => {
		const rel = 'content/i18n/fr.json';
		const problems = added({ [rel]: (t) => t.replace('\t"site.readIn":', '\t"nav.strat": "Commencer",\n\t"site.readIn":') });
		expect(problems).toEqual([
			{ file: rel, field: 'line 4, column 2', message: 'unknown key "nav.strat": no page shows it', fix: 'did you mean "nav.start"? Use a key of content/i18n/en.json (src/schemas/ui.ts lists them, and the vocabulary of content/data names its own), or remove the line.' },
		]);
	});

	test("Starlight's own strings are known keys", () => {
		const problems = added({ 'content/i18n/fr.json': (t) => t.replace('\t"site.readIn":', '\t"search.label": "Rechercher",\n\t"site.readIn":') });
		expect(problems).toEqual([]);
	});
});

describe('syntax errors', () => {
	test('in JSON: line, column, what and the fix', () => {
		const rel = 'content/i18n/fr.json';
		const tagline = readFileSync(join(ROOT, rel), 'utf8').split('\n')[2]!;
		expect(tagline).toMatch(/^\t"site.tagline": ".*",$/);
		const problems = added({ [rel]: (t) => t.replace(tagline, `${tagline},`) });
		expect(problems).toEqual([
			{
				file: rel,
				field: `line 3, column ${tagline.length + 1}`,
				message: 'the JSON cannot be read: "," where a key in double quotes was expected',
				fix: 'correct the JSON at this place: every key and text in straight double quotes ("…"), a comma between two entries and none after the last, a colon after each key.',
			},
		]);
	});

	test('in JSON: a comma after the last entry', () => {
		const rel = 'content/i18n/fr.json';
		const text = readFileSync(join(ROOT, rel), 'utf8');
		const lines = text.trimEnd().split('\n').length;
		const problems = added({ [rel]: (t) => t.replace(/"\n\}\s*$/, '",\n}\n') });
		expect(problems).toEqual([{ file: rel, field: `line ${lines}, column 1`, message: 'the JSON cannot be read: a comma after the last entry, before "}", is not allowed in JSON', fix: 'remove the comma after the last entry.' }]);
	});

	test('in YAML: a text holding ": " without quotes', () => {
		const rel = 'content/text/fr.yaml';
		const problems = added({ [rel]: (t) => t.replace('category.devices: Téléphones et ordinateurs', 'category.devices: Attention: téléphones') });
		expect(problems).toEqual([
			{ file: rel, field: 'line 2, column 19', message: 'a text holds ": " without quotes, so YAML reads what precedes it as another key', fix: 'put the text in double quotes ("…"), writing a double quote inside it as \\" (or use typographic quotes “ ”).' },
		]);
	});

	test('in YAML: a text in quotes that is not closed, at the line where it opens', () => {
		const rel = 'content/text/fr.yaml';
		const problems = added({ [rel]: (t) => t.replace('category.devices: Téléphones et ordinateurs', 'category.devices: "Téléphones et ordinateurs') });
		expect(problems).toEqual([expect.objectContaining({ file: rel, field: 'line 2, column 19', message: 'a text in quotes is not closed' })]);
	});
});

describe('YAML aliases', () => {
	test('an alias bomb is refused at once, at its first alias', () => {
		const rel = 'content/text/fr.yaml';
		const lines = readFileSync(join(ROOT, rel), 'utf8').split('\n').length;
		// The billion-laughs shape: nine levels of nine aliases each, 9^9 (387 million) leaves once expanded.
		const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
		const started = performance.now();
		const problems = added({ [rel]: (t) => `${t}${bomb}\n` });
		expect(performance.now() - started).toBeLessThan(10_000);
		expect(problems).toEqual([
			{
				file: rel,
				field: `line ${lines + 1}, column 8`,
				message: 'the YAML\'s aliases ("*name") repeat what their anchors ("&name") hold more than 100 times over',
				fix: 'write the values out instead of using "&name" and "*name"; no file of the guide needs them.',
			},
		]);
	});

	test('a few aliases are read as before, and an alias to no anchor is refused', () => {
		expect(parseYaml('a: &x [1, 2]\nb: *x\n', 'x.yaml')).toEqual({ a: [1, 2], b: [1, 2] });
		expect(() => parseYaml('a: *nope\n', 'x.yaml')).toThrow('the alias "*nope" names no anchor ("&nope") before it');
	});
});

describe('the readers', () => {
	test('YAML keeps the core schema: dates stay text, and no tag makes them dates', () => {
		expect(parseYaml('reviewed: 2026-02-30\nn: 12\nyes: no\nnothing: ~\n', 'x.yaml')).toEqual({ reviewed: '2026-02-30', n: 12, yes: 'no', nothing: null });
		expect(() => parseYaml('reviewed: !!timestamp 2026-02-30\n', 'x.yaml')).toThrow(ContentError);
	});

	test('JSON: accepts what JSON.parse accepts, and a key written twice even when escaped', () => {
		const valid = ['{}', '[]', ' {"a": [1, -2.5e+3, true, false, null, {"b": "\\u00e9\\n\\"\\\\/"}]} ', '"x"', '0'];
		for (const text of valid) expect(parseStrictJson(text)).toEqual(JSON.parse(text));
		expect(() => parseJson('{"a": 1,\n "\\u0061": 2}', 'x.json')).toThrow('the key "a" appears twice (first on line 1)');
		for (const text of ['{"a": 1,}', '[1,]', '{"a" 1}', "{'a': 1}", '{"a": "x\ny"}', '01', '{"a": 1} x', '[', '"\\x"']) {
			expect(() => JSON.parse(text)).toThrow();
			expect(() => parseJson(text, 'x.json')).toThrow(ContentError);
		}
	});

	test('UTF-8: the first byte that does not belong, overlong forms and surrogates included', () => {
		const bytes = (...b: number[]) => new Uint8Array(b);
		expect(firstInvalidUtf8(Buffer.from('aé€😀'))).toBe(-1);
		expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0xaf))).toBe(1); // overlong "/"
		expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xed, 0xa0, 0x80))).toBe(2); // a surrogate
		expect(firstInvalidUtf8(bytes(0xe2, 0x82))).toBe(0); // cut short
		expect(firstInvalidUtf8(bytes(0x61, 0xf5, 0x80, 0x80, 0x80))).toBe(1); // beyond U+10FFFF
		expect(() => decodeContent(bytes(0x61, 0x0a, 0xc3, 0xa9, 0x62, 0xe9), 'x.md')).toThrow(expect.objectContaining({ problem: expect.objectContaining({ field: 'line 2, column 3' }) }));
		expect(() => decodeContent(bytes(0xff, 0xfe, 0x61, 0x00), 'x.md')).toThrow('the file is saved as UTF-16, not UTF-8');
	});
});
