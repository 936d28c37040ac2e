/**
 * JSON read strictly. `JSON.parse` keeps the last of two equal keys without a word, and its syntax
 * errors name an offset in words an editor does not use. This scanner follows the JSON grammar
 * (RFC 8259) and says what is wrong, where, and what to do; the value itself is then `JSON.parse`'s.
 */

/** A JSON syntax error or a key written twice, at an offset of the text. */
export class JsonError extends Error {
	/** Where the problem is: the character offset in the text. */
	readonly offset: number;
	/** What to do about it. */
	readonly fix: string;
	/** For a key written twice: the offset of its first occurrence. */
	readonly firstOffset: number | undefined;
	constructor(message: string, offset: number, fix: string, firstOffset?: number) {
		super(message);
		this.offset = offset;
		this.fix = fix;
		this.firstOffset = firstOffset;
	}
}

const SYNTAX_FIX = 'correct the JSON at this place: every key and text in straight double quotes ("…"), a comma between two entries and none after the last, a colon after each key.';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Deeper than this, a file is not the guide's: refused before the stack runs out. */
const MAX_DEPTH = 200;
const QUOTE_FIX = 'write a double quote inside a text as \\" (or use typographic quotes “ ”), and end every text with a straight double quote.';

/** Parses JSON text like `JSON.parse`, but refuses a key written twice in one object; throws a `JsonError` saying where. */
export function parseStrictJson(text: string): unknown {
	let i = 0;
	const fail = (message: string, at = i, fix = SYNTAX_FIX): never => {
		throw new JsonError(message, at, fix);
	};
	const show = (at: number) => (at >= text.length ? 'the end of the file' : `"${text[at] === '\n' ? '\\n' : text[at]}"`);
	const space = () => {
		while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
	};
	const string = (): string => {
		const start = i;
		i++;
		while (i < text.length && text[i] !== '"') {
			const code = text.charCodeAt(i);
			if (code < 0x20) fail(text[i] === '\n' || text[i] === '\r' ? 'a text goes on past the end of its line (a closing double quote is missing, or a line break is written as it is)' : 'a control character (such as a tab) is written as it is inside a text', i, text[i] === '\n' || text[i] === '\r' ? `${QUOTE_FIX} A line break inside a text is written \\n.` : 'write a tab as \\t, or remove the character.');
			if (text[i] === '\\') {
				const next = text[i + 1];
				if (next === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('"\\u" is not followed by four hexadecimal digits', i, 'write a character as \\u followed by four digits 0-9 or a-f, or write it as it is.');
					i += 6;
				} else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
				else fail(`"\\${next ?? ''}" is not an escape JSON knows`, i, 'write a backslash as \\\\; the escapes JSON knows are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four digits.');
			} else i++;
		}
		if (i >= text.length) fail('a text is not closed: the file ends before its closing double quote', start, QUOTE_FIX);
		i++;
		return JSON.parse(text.slice(start, i)) as string;
	};
	const number = () => {
		NUMBER.lastIndex = i;
		const match = NUMBER.exec(text);
		if (!match) fail(`${show(i)} does not start a number`);
		i += match![0].length;
	};
	let depth = 0;
	const nested = (read: () => void) => {
		if (++depth > MAX_DEPTH) fail(`the JSON is nested more than ${MAX_DEPTH} levels deep`, i, 'keep the file flat: one object of keys and texts.');
		read();
		depth--;
	};
	const value = (): void => {
		space();
		const c = text[i];
		if (c === '{') return nested(object);
		if (c === '[') return nested(array);
		if (c === '"') return void string();
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
		for (const word of ['true', 'false', 'null'])
			if (text.startsWith(word, i)) {
				i += word.length;
				return;
			}
		if (c === "'") fail('a text is in single quotes', i, 'put every key and text in straight double quotes ("…").');
		fail(c === undefined ? 'the file ends where a value was expected' : `${show(i)} where a value was expected`, i, c === undefined ? 'complete the JSON: a value, and the closing } or ] it lacks.' : 'a text goes in straight double quotes ("…"); a number, true, false or null as it is.');
	};
	const object = () => {
		i++;
		const keys = new Map<string, number>();
		space();
		if (text[i] === '}') return void i++;
		for (;;) {
			space();
			if (text[i] !== '"') fail(text[i] === '}' ? 'a comma after the last entry, before "}", is not allowed in JSON' : text[i] === undefined ? 'the file ends inside an object ("}" is missing)' : `${show(i)} where a key in double quotes was expected`, i, text[i] === '}' ? 'remove the comma after the last entry.' : SYNTAX_FIX);
			const at = i;
			const key = string();
			const first = keys.get(key);
			if (first !== undefined) throw new JsonError(`the key "${key}" appears twice`, at, 'keep one of the two lines: JSON would silently keep only the last one.', first);
			keys.set(key, at);
			space();
			if (text[i] !== ':') fail(`a colon is missing after the key "${key}"`, i, `write "${key}": followed by its value.`);
			i++;
			value();
			space();
			if (text[i] === ',') {
				i++;
				continue;
			}
			if (text[i] === '}') return void i++;
			if (text[i - 1] === '"' && text[i] !== undefined) fail('a text ends early: it holds a double quote, or a comma is missing after it', i, `${QUOTE_FIX} Between two entries, write a comma.`);
			fail(text[i] === '"' ? 'a comma is missing between two entries (or a text holds a double quote that ends it early)' : text[i] === undefined ? 'the file ends inside an object ("}" is missing)' : `${show(i)} after a value, where a comma or "}" was expected`, i, text[i] === '"' ? `add a comma at the end of the entry before; ${QUOTE_FIX}` : SYNTAX_FIX);
		}
	};
	const array = () => {
		i++;
		space();
		if (text[i] === ']') return void i++;
		for (;;) {
			value();
			space();
			if (text[i] === ',') {
				i++;
				space();
				if (text[i] === ']') fail('a comma after the last item, before "]", is not allowed in JSON', i, 'remove the comma after the last item.');
				continue;
			}
			if (text[i] === ']') return void i++;
			if (text[i - 1] === '"' && text[i] !== undefined) fail('a text ends early: it holds a double quote, or a comma is missing after it', i, `${QUOTE_FIX} Between two items, write a comma.`);
			fail(text[i] === undefined ? 'the file ends inside a list ("]" is missing)' : `${show(i)} after an item, where a comma or "]" was expected`);
		}
	};
	value();
	space();
	if (i < text.length) fail(`${show(i)} after the end of the JSON`, i, 'remove what follows the last closing brace, or move it inside.');
	return JSON.parse(text);
}
