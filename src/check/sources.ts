/**
 * Where the editable content lives and how it is read from disk. Used at build time only.
 * Every content file is read here, one way: strict UTF-8 without a byte-order mark, YAML that
 * refuses a key written twice and limits aliases, JSON that refuses a key written twice. What
 * cannot be read so is a `ContentError` naming the file, the line and column, and what to do.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { JsonError, parseStrictJson } from './strict-json.ts';

/** The language-neutral data collections, each one YAML list in `content/data/<name>.yaml`: those of src/schemas/collections.ts. */
export { DATA_COLLECTIONS, type DataCollectionName } from '../schemas/collections.ts';
import type { DataCollectionName } from '../schemas/collections.ts';

/**
 * The guide's folder, from the project root: "content" unless the site gives another to the
 * plugin (`playbook({ content })`, src/index.ts). Kept on globalThis, since Astro loads the
 * config and the content collections as separate module instances in the one build process.
 */
const CONTENT_KEY = Symbol.for('playbook.content-dir');
export const contentDir = (): string => ((globalThis as Record<symbol, unknown>)[CONTENT_KEY] as string | undefined) ?? 'content';
/** Sets the guide's folder for this process: a path from the project root, such as "content" or "guides/ours". */
export function setContentDir(folder: string): void {
	(globalThis as Record<symbol, unknown>)[CONTENT_KEY] = folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || 'content';
}
export const dataFile = (name: DataCollectionName) => `${contentDir()}/data/${name}.yaml`;
export const uiFile = (lang: string) => `${contentDir()}/i18n/${lang}.json`;
export const textFile = (lang: string) => `${contentDir()}/text/${lang}.yaml`;
/** The pages' folder, from the project root: content/docs. */
export const docsDir = () => `${contentDir()}/docs`;

/** What is wrong with a content file, where, and what to do: a problem as the content check reports it. */
export interface ContentProblem {
	/** File to open, relative to the project root. */
	file: string;
	/** Where in the file: `line 12, column 3`. */
	field?: string;
	/** What is wrong. */
	message: string;
	/** What to do about it. */
	fix: string;
}

/** A content file that cannot be read as it must be: its problem, with the file, the place and the fix. */
export class ContentError extends Error {
	readonly problem: ContentProblem;
	constructor(problem: ContentProblem) {
		super(`${problem.file}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}. Fix: ${problem.fix}`);
		this.name = 'ContentError';
		this.problem = problem;
	}
}

/** The content files that are text, by extension: all are read as UTF-8. */
export const TEXT_EXTENSIONS = ['.mdx', '.md', '.yaml', '.yml', '.json'] as const;

const SAVE_AS_UTF8 =
	'in VS Code, click the encoding in the status bar, "Reopen with Encoding" (often "Western (Windows 1252)"), then "Save with Encoding", "UTF-8"; in Notepad++, Encoding, "Convert to UTF-8"; in Notepad, "Save as" with Encoding "UTF-8"';

/** The offset of the first byte that is not part of valid UTF-8, or -1 when every byte is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		// The length of the sequence, and the range its second byte must be in (RFC 3629: no overlong forms, no surrogates).
		const [length, low, high] =
			b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
		if (!length || i + length > bytes.length) return i;
		if (bytes[i + 1]! < low || bytes[i + 1]! > high) return i;
		for (let k = 2; k < length; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return i;
		i += length;
	}
	return -1;
}

/** The line and column (from 1; the column in characters) of a character offset in a text. */
export function linePosition(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	const lineStart = before.lastIndexOf('\n') + 1;
	return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

const at = ({ line, column }: { line: number; column: number }) => `line ${line}, column ${column}`;

/**
 * A content file's text: its bytes as strict UTF-8. A byte-order mark is refused rather than kept
 * or dropped (some readers would keep it in the first key or miss the frontmatter behind it), and
 * so is any byte that is not UTF-8 (it would reach readers as "�"), with the line and column.
 */
export function decodeContent(bytes: Uint8Array, file: string): string {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		throw new ContentError({
			file,
			field: 'line 1, column 1',
			message: 'the file starts with a byte-order mark (three invisible bytes, EF BB BF), which some readers keep as part of the first key or line',
			fix: 'save the file as "UTF-8" without BOM: in VS Code, click "UTF-8 with BOM" in the status bar, "Save with Encoding", "UTF-8"; in Notepad++, Encoding, "UTF-8"; in Notepad, "Save as" with Encoding "UTF-8".',
		});
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		throw new ContentError({ file, field: 'line 1, column 1', message: 'the file is saved as UTF-16, not UTF-8', fix: `save it as UTF-8: ${SAVE_AS_UTF8}.` });
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		const bad = firstInvalidUtf8(bytes);
		const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
		const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
		const before = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad))];
		const context = before.slice(-24).join('').trimStart();
		const latin = new TextDecoder('windows-1252').decode(bytes.subarray(bad, bad + 1));
		throw new ContentError({
			file,
			field: at({ line, column: before.length + 1 }),
			message:
				`the file is not UTF-8: the byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}${context ? ` after ‘${context}’` : ''} is not UTF-8 text` +
				(/\p{L}/u.test(latin) ? ` (in Windows-1252 or Latin-1, the encoding it was probably saved in, it is "${latin}")` : '') +
				'; readers would see "�" in its place',
			fix: `save the file as UTF-8 (${SAVE_AS_UTF8}), then check its accented letters.`,
		});
	}
}

/** Reads a content file below `root` as strict UTF-8 (`decodeContent`); `undefined` when it does not exist. */
export function readText(root: string, rel: string): string | undefined {
	const path = join(root, rel);
	return existsSync(path) ? decodeContent(readFileSync(path), rel) : undefined;
}

/** Every text file below `content/` (see `TEXT_EXTENSIONS`) that is not strict UTF-8 without a byte-order mark: one problem each. */
export function encodingProblems(root: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const walk = (dir: string) => {
		if (!existsSync(join(root, dir))) return;
		for (const name of readdirSync(join(root, dir)).sort()) {
			if (name.startsWith('.')) continue;
			const rel = `${dir}/${name}`;
			if (statSync(join(root, rel)).isDirectory()) walk(rel);
			else if (TEXT_EXTENSIONS.some((ext) => name.endsWith(ext)))
				try {
					readText(root, rel);
				} catch (error) {
					if (!(error instanceof ContentError)) throw error;
					problems.push(error.problem);
				}
		}
	};
	walk(contentDir());
	return problems;
}

/** How many times over aliases may repeat what their anchors hold; the guide's files use none. */
export const MAX_ALIAS_COUNT = 100;

const YAML_FIX = 'correct the YAML at this line: a colon and a space after each key, the items of one list indented alike with spaces, and a text that holds ": " or " #", or starts with a quote, [ or {, put in quotes.';
const INDENT_FIX = 'indent the keys of one entry by the same number of spaces, and a text that goes on over several lines further than its key.';
const QUOTE_FIX = 'put the text in double quotes ("…"), writing a double quote inside it as \\" (or use typographic quotes “ ”).';

/** What a YAML error means in an editor's words, where it is and what to do. */
function yamlError(error: { code: string; message: string; pos: [number, number] }, text: string, doc: Document.Parsed): { offset: number; message: string; fix: string } {
	const offset = error.pos[0];
	const rest = text.slice(offset, text.indexOf('\n', offset) < 0 ? undefined : text.indexOf('\n', offset));
	switch (error.code) {
		case 'BLOCK_AS_IMPLICIT_KEY':
		case 'MULTILINE_IMPLICIT_KEY':
		case 'BAD_INDENT':
			if (/^Flow (sequence|mapping)/.test(error.message)) return { offset, message: `a ${error.message.includes('sequence') ? 'list in brackets ("[") is not closed with "]"' : 'mapping in braces ("{") is not closed with "}"'} before this line`, fix: 'close it on the line where it starts, with a comma between its items, or put a text that starts with [ or { in quotes.' };
			if (/: /.test(rest) && /: /.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))) return { offset, message: 'a text holds ": " without quotes, so YAML reads what precedes it as another key', fix: QUOTE_FIX };
			return { offset, message: `the indentation here does not fit the lines around it (${error.message.charAt(0).toLowerCase()}${error.message.slice(1)})`, fix: INDENT_FIX };
		case 'MISSING_CHAR':
			if (/quote/.test(error.message)) {
				// The text that is not closed: where it opens is the line to look at.
				let start = offset;
				visit(doc, {
					Scalar(_, node) {
						if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[0] < offset && node.range[1] >= offset) start = node.range[0];
					},
				});
				return { offset: start, message: 'a text in quotes is not closed', fix: 'end the text with the same quote it starts with; inside a text in double quotes write a double quote as \\", inside one in single quotes write a single quote twice (\'\').' };
			}
			break;
		case 'TAB_AS_INDENT':
			return { offset, message: 'a line is indented with a tab', fix: 'indent with spaces, not tabs.' };
		case 'MULTIPLE_DOCS':
			return { offset, message: 'a "---" line starts a second document in the file', fix: 'remove the "---" line, or what follows it: a file holds one document.' };
		case 'TAG_RESOLVE_FAILED':
			return { offset, message: `a tag the guide's YAML does not use (${error.message.replace(/^Unresolved tag: /, '')})`, fix: 'remove the "!…" before the value: the guide\'s files use no tags.' };
	}
	return { offset, message: `the YAML cannot be read: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`, fix: YAML_FIX };
}

/**
 * Parses YAML the way the whole project does: the core schema, so that dates stay text and are
 * checked strictly instead of being silently rolled over (2026-02-30 is not March 2); a key written
 * twice in one mapping is an error; aliases (`*name`) may not expand a file more than
 * `MAX_ALIAS_COUNT` times over. Errors are `ContentError`s with the line in `file`, counting from
 * `firstLine` (2 for a page's frontmatter, which starts after its `---` line).
 */
export function parseYaml(text: string, file: string, firstLine = 1): unknown {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { schema: 'core', merge: false, resolveKnownTags: false, uniqueKeys: true, prettyErrors: false, lineCounter });
	const where = (offset: number) => {
		const { line, col } = lineCounter.linePos(offset);
		return at({ line: line + firstLine - 1, column: col });
	};
	const error = doc.errors[0] ?? doc.warnings[0];
	if (error) {
		if (error.code === 'DUPLICATE_KEY') {
			const [first, key] = firstOfKey(doc.contents, error.pos[0]);
			throw new ContentError({
				file,
				field: where(error.pos[0]),
				message: `the key "${key}" appears twice${first === undefined ? '' : ` (first on ${where(first).replace(/, column \d+$/, '')})`}`,
				fix: 'keep one of the two: remove or rename the other (the YAML reader would otherwise keep only one of them).',
			});
		}
		const { offset, message, fix } = yamlError(error, text, doc);
		throw new ContentError({ file, field: where(offset), message, fix });
	}
	try {
		return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? undefined;
	} catch (error) {
		if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
		let first = 0;
		let name = '';
		visit(doc, {
			Alias(_, node) {
				first = node.range?.[0] ?? 0;
				name = node.source;
				return visit.BREAK;
			},
		});
		if (!/excessive/i.test(error.message))
			throw new ContentError({ file, field: where(first), message: `the alias "*${name}" names no anchor ("&${name}") before it`, fix: 'write the value out instead of using "*name".' });
		throw new ContentError({
			file,
			field: where(first),
			message: `the YAML's aliases ("*name") repeat what their anchors ("&name") hold more than ${MAX_ALIAS_COUNT} times over`,
			fix: 'write the values out instead of using "&name" and "*name"; no file of the guide needs them.',
		});
	}
}

/** For a key at `offset` that repeats one before it in the same mapping: the offset of the first, and the key. */
function firstOfKey(contents: Node | null, offset: number): [number | undefined, string] {
	let found: [number | undefined, string] = [undefined, '?'];
	visit(contents ?? ({} as Node), {
		Map(_, map) {
			if (!isMap(map)) return undefined;
			const seen = new Map<string, number>();
			for (const pair of map.items) {
				const key = isScalar(pair.key) ? String(pair.key.value) : isAlias(pair.key) ? `*${pair.key.source}` : String(pair.key);
				const start = (pair.key as Node | null)?.range?.[0];
				if (start === offset) {
					found = [seen.get(key), key];
					return visit.BREAK;
				}
				if (start !== undefined && !seen.has(key)) seen.set(key, start);
			}
			return undefined;
		},
	});
	return found;
}

/** Parses JSON strictly (src/check/strict-json.ts): a key written twice, like a syntax error, is a `ContentError` with the line in `file`. */
export function parseJson(text: string, file: string): unknown {
	try {
		return parseStrictJson(text);
	} catch (error) {
		if (!(error instanceof JsonError)) throw error;
		const first = error.firstOffset === undefined ? '' : ` (first on line ${linePosition(text, error.firstOffset).line})`;
		throw new ContentError({ file, field: at(linePosition(text, error.offset)), message: error.firstOffset === undefined ? `the JSON cannot be read: ${error.message}` : `${error.message}${first}`, fix: error.fix });
	}
}

/** Splits a Markdown or MDX file into its YAML frontmatter text and body. */
export function splitFrontmatter(source: string): { frontmatter: string | undefined; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
	if (!match) return { frontmatter: undefined, body: source };
	return { frontmatter: match[1], body: source.slice(match[0].length) };
}

export interface PageFile {
	/** Path from the project root, with forward slashes: `content/docs/en/tools/signal.mdx`. */
	file: string;
	/** First folder below `content/docs`: the language. */
	lang: string;
	/** Path below the language folder without extension: `tools/signal`, `index`. */
	slug: string;
}

/** Every Markdown and MDX page below `content/docs`, skipping names that start with `_`. */
export function listPages(root: string): PageFile[] {
	const base = join(root, docsDir());
	if (!existsSync(base)) return [];
	const pages: PageFile[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			if (name.startsWith('_') || name.startsWith('.')) continue;
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.mdx?$/.test(name)) {
				const rel = relative(base, path).split(sep).join('/');
				const [lang, ...rest] = rel.split('/');
				pages.push({
					file: `${docsDir()}/${rel}`,
					lang: lang!,
					slug: rest.join('/').replace(/\.mdx?$/, '') || lang!.replace(/\.mdx?$/, ''),
				});
			}
		}
	};
	walk(base);
	return pages;
}

/**
 * The strings of an interface file (JSON) or a text file (YAML), key by key: only string values,
 * none when the file is missing. A file that cannot be read throws a `ContentError` naming the
 * file, the line and the fix, as the content check reports it.
 */
export function readStrings(root: string, rel: string): Record<string, string> {
	const text = readText(root, rel);
	if (text === undefined) return {};
	const value = rel.endsWith('.json') ? parseJson(text, rel) : parseYaml(text, rel);
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
	return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}
