/**
 * Finds English interface strings in a page of another language: Starlight's own labels (callout
 * titles, "Section titled …", "On this page") and the project's (content/i18n/en.json). Pure: the
 * caller reads the files. A string is looked for as a whole phrase; a string with placeholders
 * ("Section titled “{{title}}”") is looked for as its longest fixed part.
 */
import { parse } from 'node-html-parser';
import { wordsOf } from '../build/html-text';

/** Strings and the fixed parts to look for: { phrase, from } where `from` names the source key. */
export interface EnglishPhrase {
	phrase: string;
	from: string;
}

/** The words of each string worth looking for; parts without three letters in a row are left out. */
export function englishPhrases(strings: Record<string, string>, sourceName: string): EnglishPhrase[] {
	return Object.entries(strings).flatMap(([key, value]) => {
		const parts = value
			.split(/\{\{[^}]*\}\}/)
			.map((part) => part.replace(/^[\s“”"'«»:.,()]+|[\s“”"'«»:.,()]+$/g, ''))
			.filter((part) => /\p{L}{3}/u.test(part));
		const longest = parts.sort((a, b) => b.length - a.length)[0];
		return longest ? [{ phrase: longest, from: `${sourceName} ${key}` }] : [];
	});
}

/** What a reader sees or hears on the page: its text and its labels (aria-label, title, alt, placeholder). */
export function readableText(html: string): string {
	const root = parse(html, { comment: false });
	for (const node of root.querySelectorAll('script, style, svg, template')) node.remove();
	const labels = root
		.querySelectorAll('[aria-label], [title], [alt], [placeholder]')
		.flatMap((el) => ['aria-label', 'title', 'alt', 'placeholder'].map((name) => el.getAttribute(name) ?? ''));
	// Each piece of text on its own, so that "…soupçons" and "Caution" in the next element stay two words.
	// Web addresses are not interface text ("Main_Page").
	return [wordsOf(root), ...labels].join(' ').replace(/https?:\/\/\S+/g, ' ').replace(/\s+/g, ' ');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What may look like English without being a leak. */
export interface Exceptions {
	/** Proper names, taken out of the text before looking ("Tor Browser" holds "Browser"). */
	names?: readonly string[];
	/** Phrases spelt the same in the page's language, such as "Menu" or "Note" in French. */
	sameWord?: readonly string[];
}

/** The English phrases found in `html`, apart from the exceptions. */
export function findEnglish(html: string, phrases: readonly EnglishPhrase[], { names = [], sameWord = [] }: Exceptions = {}): EnglishPhrase[] {
	let text = readableText(html);
	for (const name of [...names].sort((a, b) => b.length - a.length)) text = text.replaceAll(name, ' ');
	const skip = new Set(sameWord);
	return phrases.filter(({ phrase }) => !skip.has(phrase) && new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'u').test(text));
}
