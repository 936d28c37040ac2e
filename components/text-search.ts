/**
 * Search with the index that needs no WebAssembly (src/search/text-index.ts), in the browser: the
 * offline bundles' search box (offline-search.ts) and the site's search where WebAssembly is off
 * (src/overrides/Search.astro) both use it.
 */
import type MiniSearch from 'minisearch';
import type { TextIndexPayload } from '../src/search/text-index.ts';
import { loadTextIndexTree } from '../src/search/text-index-tree.ts';
import { excerptAround } from './search-excerpt';

declare global {
	interface Window {
		playbookSearch?: Record<string, TextIndexPayload>;
	}
}

const loaded = new Map<string, Promise<MiniSearch>>();

/**
 * Loads a language's index from its script file with a classic script element: file:// allows
 * that, unlike fetch, and the Content-Security-Policy allows the site's own scripts. Once per
 * page; a failed load is tried again at the next call.
 */
export function loadTextIndex(src: string, lang: string): Promise<MiniSearch> {
	let loading = loaded.get(lang);
	if (!loading) {
		loading = new Promise<void>((resolve, reject) => {
			const script = document.createElement('script');
			script.src = src;
			script.onload = () => resolve();
			script.onerror = () => {
				script.remove();
				reject(new Error(`search index ${script.src} did not load`));
			};
			document.head.append(script);
		}).then(() => {
			const data = window.playbookSearch?.[lang];
			if (!data) throw new Error(`search index ${src} holds no index for "${lang}"`);
			return loadTextIndexTree(data.index, data.options);
		});
		loading.catch(() => loaded.delete(lang));
		loaded.set(lang, loading);
	}
	return loading;
}

/**
 * Searches as the reader types: at each change of `input`, once the index is loaded, shows the
 * results for what the box holds. Changes made while the index loads are not searched one after
 * the other when it is ready: only the last, so that its results come first.
 */
export function searchAsYouType(input: HTMLInputElement, load: () => Promise<MiniSearch>, show: (search: MiniSearch, query: string) => void) {
	let latest = 0;
	input.addEventListener('input', async () => {
		const change = ++latest;
		const search = await load();
		if (change === latest) show(search, input.value);
	});
}

/** Class names of the result list's parts: the offline bundle's own, or Pagefind's on the site, whose styles then apply. */
export interface ResultClasses {
	item?: string;
	/** When set, the link stands in a paragraph of this class, inside a block of class `inner`. */
	title?: string;
	inner?: string;
	link: string;
	excerpt?: string;
}

/**
 * Shows the pages that match `query` in `list`, as links resolved against `root` (the site's root
 * folder), each with its words around the first match; `status` says when nothing matches.
 */
export function showResults(
	search: MiniSearch,
	query: string,
	{ list, status, root, noResults, classes = { link: 'result-link' } }: { list: HTMLElement; status: HTMLElement; root: string; noResults: string; classes?: ResultClasses },
) {
	const results = query.trim() ? search.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3 } }).slice(0, 20) : [];
	const element = (tag: string, className?: string) => Object.assign(document.createElement(tag), className ? { className } : {});
	list.replaceChildren(
		...results.map((result) => {
			const item = element('li', classes.item);
			const link = element('a', classes.link) as HTMLAnchorElement;
			link.href = new URL(String(result.url), root).href;
			link.textContent = String(result.title);
			// The page's words around the first match, not its title and review date again.
			const { before, match, after } = excerptAround(String(result.text), result.terms);
			const excerpt = element('p', classes.excerpt);
			const mark = document.createElement('mark');
			mark.textContent = match;
			excerpt.append(before, ...(match ? [mark] : []), after);
			if (classes.title) {
				const inner = element('div', classes.inner);
				const title = element('p', classes.title);
				title.append(link);
				inner.append(title, excerpt);
				item.append(inner);
			} else item.append(link, excerpt);
			return item;
		}),
	);
	status.textContent = query.trim() && !results.length ? noResults : '';
}
