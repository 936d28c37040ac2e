/**
 * The generator holds nothing of this guide: no id of content/data and no page slug of
 * content/docs is written in src/, components/ or scripts/, so that another guide builds with the
 * same generator. What the generator needs of a guide it reads from the guide's data.
 *
 * The rule, chosen to find what code depends on without flagging ordinary words:
 * - Only string literals count (quoted, or the fixed parts of a template literal), read with
 *   TypeScript's scanner; comments and names in code do not. An .astro file is scanned whole, its
 *   frontmatter as code and its markup for its quoted attribute values and expressions.
 * - A literal that is exactly an id or a slug counts: `=== 'partner'`, `'email'`, `'risk-check'`.
 * - Inside a longer literal, an id or slug counts as a whole word only when it is more than one
 *   word (it has a hyphen or a slash): `risk.suspect.anonymity-tools`, `practices/leave-fewer-traces`.
 *   One-word ids inside longer texts (the "tools" of 'nav.tools', the "email" of a sentence) are
 *   ordinary words of the generator's own keys and messages.
 * - The generator's own names are not the guide's even where an id is spelt the same: the names
 *   of the data collections and of the page folders named after them (`getCollection('tools')`),
 *   "index", a folder's own page, the folder of dist/ the downloads are written into
 *   (DOWNLOADS_FOLDER, served at /downloads/ whatever the guide's downloads page is called), and
 *   the font packages the generator ships for the PDFs (FONT_FILES of src/pdf/print-css.ts, whose
 *   imports Vite must see), which a guide's print font may be named after; and the words of the
 *   web platform that some ids happen to spell (PLATFORM_WORDS).
 *
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { parseYaml, listPages } from '../../src/check/sources';
import { DATA_COLLECTIONS } from '../../src/schemas/collections';
import { SECTIONS } from '../../src/check/model';
import { DOWNLOADS_FOLDER } from '../../src/build/files';
import { FONT_FILES } from '../../src/pdf/print-css';
import { ROOT } from '../helpers/project';

/** Words of HTML, CSS and the JavaScript platform that ids of this guide happen to spell: `block: 'start'` in scrollIntoView and an <ol start>, Intl's part type "element". */
const PLATFORM_WORDS = ['start', 'element'];

/** Every `id` in a YAML value, at any depth (a scenario's steps have theirs). */
function idsIn(value: unknown, into: Set<string>): Set<string> {
	if (Array.isArray(value)) for (const item of value) idsIn(item, into);
	else if (value && typeof value === 'object')
		for (const [key, inner] of Object.entries(value)) {
			if (key === 'id' && typeof inner === 'string') into.add(inner);
			else idsIn(inner, into);
		}
	return into;
}

/** The guide's ids and page slugs, less the generator's own names. */
export function guideNames(root: string): Set<string> {
	const names = new Set<string>();
	const dataDir = join(root, 'content/data');
	for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.yaml'))) idsIn(parseYaml(readFileSync(join(dataDir, file), 'utf8'), `content/data/${file}`), names);
	for (const page of listPages(root)) names.add(page.slug.replace(/\/index$/, ''));
	const fontPackages = Object.keys(FONT_FILES).map((pkg) => pkg.replace(/^@fontsource\//, ''));
	for (const own of [...DATA_COLLECTIONS, ...SECTIONS.map((s) => s.folder), 'index', DOWNLOADS_FOLDER, ...fontPackages, ...PLATFORM_WORDS]) names.delete(own);
	return names;
}

/**
 * The string literals of a file's code, with their lines: every quoted string and every fixed part
 * of a template literal, from TypeScript's parse of it (so that quotes in comments and regular
 * expressions are not taken for strings). The markup of an .astro file is parsed as JSX: its
 * attribute values and the literals of its expressions count, its text does not.
 */
export function stringLiterals(text: string, astro = false): { value: string; line: number }[] {
	const parts: { code: string; offset: number; jsx: boolean }[] = [];
	const front = astro ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text) : null;
	if (!astro) parts.push({ code: text, offset: 0, jsx: false });
	else {
		if (front) parts.push({ code: front[1]!, offset: front[0].indexOf(front[1]!), jsx: false });
		const start = front ? front[0].length : 0;
		// HTML comments are no JSX: blanked, keeping the lines.
		const markup = text.slice(start).replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
		parts.push({ code: `<>${markup}</>`, offset: start - 2, jsx: true });
	}
	const found: { value: string; line: number }[] = [];
	for (const { code, offset, jsx } of parts) {
		const file = ts.createSourceFile(jsx ? 'x.tsx' : 'x.ts', code, ts.ScriptTarget.Latest, true, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
		const visit = (node: ts.Node) => {
			if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
				found.push({ value: node.text, line: text.slice(0, offset + node.getStart(file)).split('\n').length });
			ts.forEachChild(node, visit);
		};
		visit(file);
	}
	return found;
}

/** The names of `names` that a literal holds, by the rule above. */
export function namesIn(literal: string, names: ReadonlySet<string>): string[] {
	if (names.has(literal)) return [literal];
	const words = literal.match(/[a-z0-9]+(?:[-/][a-z0-9]+)+/g) ?? [];
	const hits = new Set<string>();
	for (const word of words) {
		// A longer path holds shorter names: "practices/leave-fewer-traces" holds "leave-fewer-traces".
		const parts = word.split('/');
		for (let i = 0; i < parts.length; i++)
			for (let j = i + 1; j <= parts.length; j++) {
				const piece = parts.slice(i, j).join('/');
				if (/[-/]/.test(piece) && names.has(piece)) hits.add(piece);
			}
	}
	return [...hits];
}

/** Every file of the generator's code below `dir`. */
function codeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return codeFiles(path);
		return /\.(ts|mts|mjs|js|astro)$/.test(name) ? [path] : [];
	});
}

describe('the generator holds no id or page slug of this guide', () => {
	test('the rule: a literal that is a name, or holds a name of more than one word', () => {
		const names = new Set(['partner', 'anonymity-tools', 'leave-fewer-traces', 'practices/leave-fewer-traces', 'email']);
		expect(namesIn('partner', names)).toEqual(['partner']);
		expect(namesIn('risk.suspect.anonymity-tools', names)).toEqual(['anonymity-tools']);
		expect(namesIn('see practices/leave-fewer-traces.mdx', names).sort()).toEqual(['leave-fewer-traces', 'practices/leave-fewer-traces']);
		expect(namesIn('an email address', names)).toEqual([]);
		expect(namesIn('partner-person', names)).toEqual([]);
		const literals = stringLiterals("// 'partner' in a comment, isn't it\nconst a = x === 'partner' ? `risk.${y}.anonymity-tools` : /'/.test(\"b\");\n");
		expect(literals).toEqual([
			{ value: 'partner', line: 2 },
			{ value: 'risk.', line: 2 },
			{ value: '.anonymity-tools', line: 2 },
			{ value: 'b', line: 2 },
		]);
		const astro = stringLiterals("---\nconst kind = 'partner';\n---\n<!-- isn't 'email' -->\n<p class=\"email\">Don't {t(`a.${kind}`)}</p>\n", true);
		expect(astro).toEqual([
			{ value: 'partner', line: 2 },
			{ value: 'email', line: 5 },
			{ value: 'a.', line: 5 },
			{ value: '', line: 5 },
		]);
	});

	test('no file of src/, components/ or scripts/ names one in a string literal', () => {
		const names = guideNames(ROOT);
		expect(names.size).toBeGreaterThan(0);
		const where: string[] = [];
		for (const file of ['src', 'components', 'scripts'].flatMap((dir) => codeFiles(join(ROOT, dir)))) {
			const rel = relative(ROOT, file).split('\\').join('/');
			for (const { value, line } of stringLiterals(readFileSync(file, 'utf8'), file.endsWith('.astro')))
				for (const name of namesIn(value, names)) where.push(`${rel}:${line}: "${name}" in ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value)}`);
		}
		expect(where, 'names of this guide in the generator: read them from content/data').toEqual([]);
	});
});
