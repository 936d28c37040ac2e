/**
 * The excerpt of an offline search result (components/offline-search.ts): the page's text around
 * the first place one of the matched words occurs, cut at word boundaries, with that word apart
 * so that it can be marked. No I/O and no DOM: the same in the browser and in the tests.
 */

export interface Excerpt {
	/** Text before the match, starting with "…" when the page's text goes on before it. */
	before: string;
	/** The matched word as it is written in the page ("" when none of the words was found). */
	match: string;
	/** Text after the match, ending with "…" when the page's text goes on after it. */
	after: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `terms`: the words that matched, as the index holds them (lower case). A match must start a word
 * (a letter or digit may not come before it), in any script; the earliest one wins. `length`: about
 * how many characters to show; the match comes after a short lead of the words before it.
 */
export function excerptAround(text: string, terms: string[], length = 160, lead = 40): Excerpt {
	const words = terms.filter(Boolean).sort((a, b) => b.length - a.length);
	const found = words.length ? new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${words.map(escape).join('|')})`, 'iu').exec(text) : null;
	if (!found) {
		const end = cut(text, length);
		return { before: '', match: '', after: text.slice(0, end) + (end < text.length ? '…' : '') };
	}
	const at = found.index;
	// Start a few words before the match, at the start of a word.
	let start = Math.max(0, at - lead);
	if (start > 0) {
		const space = text.indexOf(' ', start);
		start = space >= 0 && space < at ? space + 1 : at;
	}
	const matchEnd = at + found[0].length;
	const rest = text.slice(matchEnd);
	const end = cut(rest, Math.max(0, length - (matchEnd - start)));
	return {
		before: (start > 0 ? '…' : '') + text.slice(start, at),
		match: found[0],
		after: rest.slice(0, end) + (end < rest.length ? '…' : ''),
	};
}

/** Where to cut `text` to about `length` characters: at the last space before, or at `length` in a word longer than that. */
function cut(text: string, length: number): number {
	if (text.length <= length) return text.length;
	const space = text.lastIndexOf(' ', length);
	return space > 0 ? space : length;
}
