import { loadTextIndex, showResults } from './text-search.ts';

/**
 * Full-text search in the offline bundle. Pagefind needs a server; this index is a classic script
 * file, loaded on first use, so it works from file:// with no network.
 */
class OfflineSearch extends HTMLElement {
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

	#load() {
		return loadTextIndex(this.dataset.index!, this.dataset.lang!);
	}

	async #show(query: string) {
		const search = await this.#load();
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
