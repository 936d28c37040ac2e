/**
 * Files an editor can break by saving them wrongly: the wrong encoding, a key written twice, a
 * syntax error. The readers of src/check/sources.ts refuse them, and the content check reports each
 * with its file, line and column, and the fix; shown on a copy of the small second guide
 * (tests/fixtures/newsroom, English and Persian, its content in guide/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Problem } from '../../src/check/check-content';
import { ContentError, decodeContent, firstInvalidUtf8, linePosition, parseJson, parseYaml, readStrings, readText } from '../../src/check/sources';
import { parseStrictJson } from '../../src/check/strict-json';
import { checkGuide, FIXTURE_DIR, fixtureLine, fixtureText, guideCopy, type GuideCopy } from '../helpers/fixture';

/** The second guide, as it is in tests/fixtures/, and its content folder. */
const CONTENT = 'guide';

let project: GuideCopy | undefined;
afterEach(() => {
	project?.cleanup();
	project = undefined;
});

// Every problem below is one the change adds: the guide has none to begin with.
beforeAll(() => {
	expect(checkGuide(FIXTURE_DIR, CONTENT).problems).toEqual([]);
});

/** Copies the second guide, changes files of it (text, or bytes for encodings), and returns what the check reports. */
function problemsAfter(changes: Record<string, (text: string) => string | Uint8Array>): Problem[] {
	project?.cleanup();
	project = guideCopy();
	expect(project.content).toBe(CONTENT);
	for (const [rel, change] of Object.entries(changes)) {
		const path = join(project.dir, rel);
		const text = readFileSync(path, 'utf8');
		const result = change(text);
		expect(result, `the change to ${rel} changed nothing: its pattern no longer matches`).not.toEqual(text);
		writeFileSync(path, result);
	}
	return checkGuide(project.dir, project.content).problems;
}


/** The text with its first `char` written as one Latin-1 byte, as an editor saving in Windows-1252 would. */
function latin1(text: string, char = 'é'): Uint8Array {
	const at = text.indexOf(char);
	expect(at).toBeGreaterThan(0);
	return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(char, 'latin1'), Buffer.from(text.slice(at + 1))]);
}

/** `line N, column M` of the first `needle` in a text. */
function placeIn(text: string, needle: string): string {
	const { line, column } = linePosition(text, text.indexOf(needle));
	return `line ${line}, column ${column}`;
}

const I18N_FA = `${CONTENT}/i18n/fa.json`;
const TEXT_FA = `${CONTENT}/text/fa.yaml`;
const INDEX_FA = `${CONTENT}/docs/fa/index.mdx`;

describe('a file that is not UTF-8', () => {
	// A word with an accented letter, written into a line of each kind of file: an interface string, a page, a text.
	const accented: Record<string, (text: string) => string> = {
		[`${CONTENT}/i18n/en.json`]: (t) => t.replace(/("site\.tagline": ")/, '$1Café talk: '),
		[`${CONTENT}/docs/en/index.mdx`]: (t) => t.replace('A source who trusts you', 'A source met at a café who trusts you'),
		[TEXT_FA]: (t) => t.replace(/^(category\.sources: )/m, '$1Café '),
	};
	for (const [rel, write] of Object.entries(accented))
		test(`is one problem with its line and column, the byte and the fix: ${rel}`, () => {
			const text = write(fixtureText(rel));
			expect(text).not.toBe(fixtureText(rel));
			const problems = problemsAfter({ [rel]: () => latin1(text) });
			// Nothing else is checked: every other reader would see something else in its place.
			expect(problems).toHaveLength(1);
			expect(problems[0]).toMatchObject({ file: rel, field: placeIn(text, 'é') });
			expect(problems[0]!.message).toMatch(/^the file is not UTF-8: the byte 0xE9 after ‘.+’ is not UTF-8 text \(in Windows-1252 or Latin-1, the encoding it was probably saved in, it is "é"\); readers would see "�" in its place$/);
			expect(problems[0]!.fix).toMatch(/^save the file as UTF-8 \(in VS Code, .*"Save with Encoding", "UTF-8".*\), then check its accented letters\.$/);
			expect(checkGuide(project!.dir, project!.content).problems).toHaveLength(1);
		});

	test('in any text file below the guide’s folder, even one nothing else reads', () => {
		project = guideCopy();
		writeFileSync(join(project.dir, CONTENT, 'data/notes.yml'), Buffer.from([0x61, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
		expect(checkGuide(project.dir, project.content).problems).toEqual([expect.objectContaining({ file: `${CONTENT}/data/notes.yml`, field: 'line 1, column 7' })]);
	});

	test('a byte-order mark is refused, at line 1, with how to save without it; every reader says the same', () => {
		const problems = problemsAfter({ [I18N_FA]: (t) => `\uFEFF${t}` });
		expect(problems).toEqual([
			{
				file: I18N_FA,
				field: 'line 1, column 1',
				message: 'the file starts with a byte-order mark (three invisible bytes, EF BB BF), which some readers keep as part of the first key or line',
				fix: 'save the file as "UTF-8" without BOM: in VS Code, click "UTF-8 with BOM" in the status bar, "Save with Encoding", "UTF-8"; in Notepad++, Encoding, "UTF-8"; in Notepad, "Save as" with Encoding "UTF-8".',
			},
		]);
		for (const read of [() => readText(project!.dir, I18N_FA), () => readStrings(project!.dir, I18N_FA)]) expect(read).toThrow(ContentError);
	});

	test("a byte-order mark before a page's frontmatter is refused too, rather than hiding the frontmatter", () => {
		const problems = problemsAfter({ [INDEX_FA]: (t) => `\uFEFF${t}` });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: INDEX_FA, field: 'line 1, column 1' });
	});
});

describe('a key written twice', () => {
	test('in an interface file (JSON) names both lines', () => {
		const title = fixtureLine(I18N_FA, '\t"site.title":');
		const added = fixtureLine(I18N_FA, '\t"site.readIn":');
		const problems = problemsAfter({ [I18N_FA]: (t) => t.replace('\t"site.readIn":', '\t"site.title": "عنوانی دیگر",\n\t"site.readIn":') });
		expect(problems).toEqual([{ file: I18N_FA, field: `line ${added}, column 2`, message: `the key "site.title" appears twice (first on line ${title})`, fix: 'keep one of the two lines: JSON would silently keep only the last one.' }]);
	});

	test('in an entry of a data list names both lines', () => {
		const rel = `${CONTENT}/data/tools.yaml`;
		const n = fixtureLine(rel, '- id: onionshare');
		const problems = problemsAfter({ [rel]: (t) => t.replace('- id: onionshare\n  name: OnionShare\n', '- id: onionshare\n  name: OnionShare\n  name: OnionShare app\n') });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: rel, field: `line ${n + 2}, column 3`, message: `the key "name" appears twice (first on line ${n + 1})` });
		expect(problems[0]!.fix).toMatch(/^keep one of the two/);
	});

	test('in a text file (YAML)', () => {
		const first = fixtureLine(TEXT_FA, 'category.sources:');
		const lines = fixtureText(TEXT_FA).split('\n').length;
		const problems = problemsAfter({ [TEXT_FA]: (t) => `${t}category.sources: منبع‌ها\n` });
		expect(problems).toEqual([expect.objectContaining({ file: TEXT_FA, field: `line ${lines}, column 1`, message: `the key "category.sources" appears twice (first on line ${first})` })]);
	});

	test("in a page's frontmatter, with the lines of the file", () => {
		const title = fixtureLine(INDEX_FA, 'title:');
		const added = fixtureLine(INDEX_FA, 'reviewed:') + 1;
		const problems = problemsAfter({ [INDEX_FA]: (t) => t.replace(/^reviewed: .*\n/m, '$&title: عنوانی دیگر\n') });
		expect(problems).toEqual([expect.objectContaining({ file: INDEX_FA, field: `line ${added}, column 1`, message: `the key "title" appears twice (first on line ${title})` })]);
	});
});

describe('interface strings', () => {
	test('an unknown key is refused with the nearest known one', () => {
		const line = fixtureLine(I18N_FA, '\t"site.readIn":');
		const problems = problemsAfter({ [I18N_FA]: (t) => t.replace('\t"site.readIn":', '\t"nav.strat": "شروع",\n\t"site.readIn":') });
		expect(problems).toEqual([
			{
				file: I18N_FA,
				field: `line ${line}, column 2`,
				message: 'unknown key "nav.strat": no page shows it',
				fix: `did you mean "nav.start"? Use a key of ${CONTENT}/i18n/en.json (src/schemas/ui.ts lists them, and the vocabulary of ${CONTENT}/data names its own), or remove the line.`,
			},
		]);
	});

	test("Starlight's own strings are known keys", () => {
		const problems = problemsAfter({ [I18N_FA]: (t) => t.replace('\t"site.readIn":', '\t"search.label": "جست‌وجو",\n\t"site.readIn":') });
		expect(problems).toEqual([]);
	});
});

describe('syntax errors', () => {
	test('in JSON: line, column, what and the fix', () => {
		const line = fixtureLine(I18N_FA, '\t"site.tagline":');
		const tagline = fixtureText(I18N_FA).split('\n')[line - 1]!;
		expect(tagline).toMatch(/^\t"site.tagline": ".*",$/);
		const problems = problemsAfter({ [I18N_FA]: (t) => t.replace(tagline, `${tagline},`) });
		expect(problems).toEqual([
			{
				file: I18N_FA,
				field: `line ${line}, column ${[...tagline].length + 1}`,
				message: 'the JSON cannot be read: "," where a key in double quotes was expected',
				fix: 'correct the JSON at this place: every key and text in straight double quotes ("…"), a comma between two entries and none after the last, a colon after each key.',
			},
		]);
	});

	test('in JSON: a comma after the last entry', () => {
		const lines = fixtureText(I18N_FA).trimEnd().split('\n').length;
		const problems = problemsAfter({ [I18N_FA]: (t) => t.replace(/"\n\}\s*$/, '",\n}\n') });
		expect(problems).toEqual([{ file: I18N_FA, field: `line ${lines}, column 1`, message: 'the JSON cannot be read: a comma after the last entry, before "}", is not allowed in JSON', fix: 'remove the comma after the last entry.' }]);
	});

	test('in YAML: a text holding ": " without quotes', () => {
		const line = fixtureLine(TEXT_FA, 'category.sources:');
		const problems = problemsAfter({ [TEXT_FA]: (t) => t.replace(/^category\.sources: (.*)$/m, 'category.sources: توجه: $1') });
		expect(problems).toEqual([
			{
				file: TEXT_FA,
				field: `line ${line}, column ${'category.sources: '.length + 1}`,
				message: 'a text holds ": " without quotes, so YAML reads what precedes it as another key',
				fix: 'put the text in double quotes ("…"), writing a double quote inside it as \\" (or use typographic quotes “ ”).',
			},
		]);
	});

	test('in YAML: a text in quotes that is not closed, at the line where it opens', () => {
		const line = fixtureLine(TEXT_FA, 'category.sources:');
		const problems = problemsAfter({ [TEXT_FA]: (t) => t.replace(/^category\.sources: (.*)$/m, 'category.sources: "$1') });
		expect(problems).toEqual([expect.objectContaining({ file: TEXT_FA, field: `line ${line}, column ${'category.sources: '.length + 1}`, message: 'a text in quotes is not closed' })]);
	});
});

describe('YAML aliases', () => {
	test('an alias bomb is refused at once, at its first alias', () => {
		const lines = fixtureText(TEXT_FA).split('\n').length;
		// The billion-laughs shape: nine levels of nine aliases each, 9^9 (387 million) leaves once expanded.
		const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
		const started = performance.now();
		const problems = problemsAfter({ [TEXT_FA]: (t) => `${t}${bomb}\n` });
		expect(performance.now() - started).toBeLessThan(10_000);
		expect(problems).toEqual([
			{
				file: TEXT_FA,
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
