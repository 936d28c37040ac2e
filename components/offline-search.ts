import type MiniSearch from 'minisearch';
import { loadTextIndex, searchAsYouType, showResults } from './text-search.ts';

/**
 * Full-text search in the offline bundle. Pagefind needs a server; this index is a classic script
 * file, loaded on first use, so it works from file:// with no network. It loads as soon as the
 * reader goes for the search button (the pointer over it, or the focus), so that it is ready by
 * the time they have typed; not with every page, which a reader mostly opens to read.
 */
class OfflineSearch extends HTMLElement {
	connectedCallback() {
		const dialog = this.querySelector('dialog')!;
		const input = this.querySelector<HTMLInputElement>('input[type=search]')!;
		const open = this.querySelector<HTMLButtonElement>('[data-open]')!;
		open.disabled = false;
		for (const type of ['pointerenter', 'focus']) open.addEventListener(type, () => void this.#load().catch(() => {}), { once: true });
		open.addEventListener('click', () => {
			dialog.showModal();
			input.focus();
			void this.#load();
		});
		this.querySelector('[data-close]')!.addEventListener('click', () => dialog.close());
		dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
		searchAsYouType(input, () => this.#load(), (search, query) => this.#show(search, query));
		document.addEventListener('keydown', (event) => {
			if ((event.ctrlKey || event.metaKey) && event.key === 'k') {
				event.preventDefault();
				open.click();
			}
		});
	}

	#load() {
		return loadTextIndex(this.dataset.index!, this.dataset.lang!);
	}

	#show(search: MiniSearch, query: string) {
		showResults(search, query, {
			list: this.querySelector<HTMLOListElement>('[data-results]')!,
			status: this.querySelector<HTMLElement>('[data-status]')!,
			// The bundle's root folder, from which the index's URLs are written.
			root: new URL(this.dataset.root!, location.href).href,
			noResults: this.dataset.noResults!,
		});
	}
}

customElements.define('offline-search', OfflineSearch);
