/**
 * The search index that needs no WebAssembly: MiniSearch's, one per language, shipped as a classic
 * script file (`search/<lang>.js`) that sets `window.playbookSearch[<lang>]`. The offline bundles
 * search with it (Pagefind needs a server), and so does the site where WebAssembly is off (Tor
 * Browser from its "Safer" level on), with the same code (components/text-search.ts). Built from
 * the same part of each page that Pagefind indexes: `[data-pagefind-body]`.
 */
import MiniSearch from 'minisearch';
import type { HTMLElement } from 'node-html-parser';
import { wordsOf } from '../build/html-text.ts';
import { serializeTextIndexTree } from './text-index-tree.ts';

/** The fields indexed and stored; the browser loads the index with the same options. */
export const TEXT_INDEX_OPTIONS = { fields: ['title', 'text'], storeFields: ['title', 'url', 'text'] };

export interface TextIndexEntry {
	id: string;
	/** The page's address relative to the site's root folder: `en/tools/signal/` online, `en/tools/signal/index.html` in a bundle. */
	url: string;
	title: string;
	/** The page's words, without its title, its "reviewed on" line or what Pagefind ignores, so that an excerpt shows the page's own words. */
	text: string;
}

/** What the index script holds for a language. */
export interface TextIndexPayload {
	/** The index as JSON, in the form that loads fast (src/search/text-index-tree.ts), kept in a string: parsing JSON is faster than parsing a script's object of the same size. */
	index: string;
	options: typeof TEXT_INDEX_OPTIONS;
}

/**
 * A page's entry: its searchable body, or undefined for a page kept out of search (a fallback
 * page). The title is indexed on its own; the text leaves out the title, the "reviewed on" line and
 * what Pagefind ignores (screen-reader labels of headings), so that a result's excerpt, cut from
 * the text around the first match (components/search-excerpt.ts), shows the page's own words.
 */
export function textIndexEntry(document: HTMLElement, url: string): TextIndexEntry | undefined {
	const body = document.querySelector('[data-pagefind-body]');
	if (!body) return undefined;
	const title = document.querySelector('h1')?.text.trim() ?? url;
	const text = wordsOf(body, (element) => element.rawTagName.toLowerCase() === 'h1' || element.classList.contains('reviewed') || element.hasAttribute('data-pagefind-ignore'));
	return { id: url, url, title, text };
}

/** The script file of one language's index. */
export function textIndexScript(lang: string, entries: TextIndexEntry[]): string {
	const mini = new MiniSearch(TEXT_INDEX_OPTIONS);
	mini.addAll(entries);
	const payload: TextIndexPayload = { index: serializeTextIndexTree(mini), options: TEXT_INDEX_OPTIONS };
	return `(window.playbookSearch=window.playbookSearch||{})[${JSON.stringify(lang)}]=${JSON.stringify(payload)};\n`;
}
