import MiniSearch from 'minisearch';
import { excerptAround } from './search-excerpt';

/** What the offline bundles stage (scripts/build/offline.ts) writes into search/<lang>.js. */
export interface OfflineIndex {
	/** MiniSearch's serialised index. */
	index: string;
	/** Options the index was built with. */
	options: { fields: string[]; storeFields: string[] };
}

declare global {
	interface Window {
		playbookSearch?: Record<string, OfflineIndex>;
	}
}

/**
 * Full-text search in the offline bundle. Pagefind needs a server; this index is a classic script
 * file, loaded on first use, so it works from file:// with no network.
 */
class OfflineSearch extends HTMLElement {
	#search: MiniSearch | undefined;
	#loading: Promise<void> | undefined;

	connectedCallback() {
		const dialog = this.querySelector('dialog')!;
		const input = this.querySelector<HTMLInputElement>('input[type=search]')!;
		const open = this.querySelector<HTMLButtonElement>('[data-open]')!;
		open.disabled = false;
		open.addEventListener('click', () => {
			dialog.showModal();
			input.focus();
			void this.#load();
		});
		this.querySelector('[data-close]')!.addEventListener('click', () => dialog.close());
		dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
		input.addEventListener('input', () => void this.#show(input.value));
		document.addEventListener('keydown', (event) => {
			if ((event.ctrlKey || event.metaKey) && event.key === 'k') {
				event.preventDefault();
				open.click();
			}
		});
	}

	/** Loads search/<lang>.js with a classic script element: file:// allows that, unlike fetch. */
	#load(): Promise<void> {
		const lang = this.dataset.lang!;
		this.#loading ??= new Promise<void>((resolve, reject) => {
			const script = document.createElement('script');
			script.src = this.dataset.index!;
			script.onload = () => resolve();
			script.onerror = () => reject(new Error(`search index ${script.src} did not load`));
			document.head.append(script);
		}).then(() => {
			const data = window.playbookSearch![lang]!;
			this.#search = MiniSearch.loadJSON(data.index, data.options);
		});
		return this.#loading;
	}

	async #show(query: string) {
		await this.#load();
		const list = this.querySelector<HTMLOListElement>('[data-results]')!;
		const status = this.querySelector<HTMLElement>('[data-status]')!;
		const results = query.trim() ? this.#search!.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3 } }).slice(0, 20) : [];
		list.replaceChildren(
			...results.map((result) => {
				const item = document.createElement('li');
				const link = document.createElement('a');
				link.href = new URL(String(result.url), this.#root()).href;
				link.className = 'result-link';
				link.textContent = String(result.title);
				// The page's words around the first match, not its title and review date again.
				const { before, match, after } = excerptAround(String(result.text), result.terms);
				const excerpt = document.createElement('p');
				const mark = document.createElement('mark');
				mark.textContent = match;
				excerpt.append(before, ...(match ? [mark] : []), after);
				item.append(link, excerpt);
				return item;
			}),
		);
		status.textContent = query.trim() ? (results.length ? '' : this.dataset.noResults!) : '';
	}

	/** The bundle's root folder, from which the index's URLs are written. */
	#root(): string {
		return new URL(this.dataset.root!, location.href).href;
	}
}

customElements.define('offline-search', OfflineSearch);
