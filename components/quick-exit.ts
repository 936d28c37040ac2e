/**
 * The quick exit's behaviour, on every page (components/QuickExit.astro): the button, or Escape
 * pressed twice on purpose, leaves for an ordinary site.
 *
 * - It leaves with location.replace, so Back from the other site skips this page; the pages read
 *   before it stay in the history (browsers let no page remove them), which the hint says.
 * - The page sends no referrer (`<meta name="referrer" content="no-referrer">` on every page):
 *   location.replace ignores the link's rel="noreferrer" and follows the page's policy.
 * - Before leaving it empties what the site stored in this browser: the theme, if one was picked;
 *   and every form of the page (the risk check's answers), so that nothing answered is shown again.
 * - Only deliberate Escape presses count: not a key held down (repeat), not one that ends text
 *   composition (an input method), and not one that closes a dialog (search) or a menu.
 */

/** Two presses within this many milliseconds leave. */
export const ESCAPE_WINDOW_MS = 1000;

/** Something open that an Escape press closes: a dialog, a popover, the mobile menu, a menu or list in focus. */
export function somethingToClose(doc: Document): boolean {
	if (doc.querySelector('dialog[open]')) return true;
	try {
		if (doc.querySelector(':popover-open')) return true;
	} catch {
		// A browser without popovers has none open.
	}
	if (doc.body?.hasAttribute('data-mobile-menu-expanded')) return true;
	return Boolean(doc.activeElement?.closest('[aria-expanded="true"], [role="menu"], [role="listbox"]'));
}

/** Whether this key press is a deliberate Escape that should count toward leaving. */
export function deliberateEscape(event: KeyboardEvent, doc: Document): boolean {
	if (event.key !== 'Escape') return false;
	// 229: the key went to an input method, as during composition in some browsers.
	if (event.repeat || event.isComposing || event.keyCode === 229) return false;
	return !somethingToClose(doc);
}

/** Empties the storage of this site in this browser; a browser that refuses storage has none to empty. */
export function clearStorage(win: Window): void {
	for (const area of ['localStorage', 'sessionStorage'] as const) {
		try {
			win[area].clear();
		} catch {
			// Storage blocked: nothing was stored.
		}
	}
}

export class QuickExit extends HTMLElement {
	#lastEscape = -Infinity;

	connectedCallback() {
		const link = this.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
		if (!link) return;
		const leave = () => {
			clearStorage(window);
			for (const form of document.forms) form.reset();
			location.replace(link.href);
		};
		link.addEventListener('click', (event) => {
			event.preventDefault();
			leave();
		});
		// One count of Escape presses for the page: the first quick exit keeps it (the search dialog holds a second one).
		if (document.querySelector('quick-exit') !== this) return;
		// Capture, on window: seen before any dialog or menu handles the key and closes.
		window.addEventListener(
			'keydown',
			(event) => {
				if (event.key !== 'Escape') return;
				if (!deliberateEscape(event, document)) {
					// An Escape that closed something, or was not meant, starts the count again.
					if (!event.repeat) this.#lastEscape = -Infinity;
					return;
				}
				const now = performance.now();
				if (now - this.#lastEscape < ESCAPE_WINDOW_MS) leave();
				else this.#lastEscape = now;
			},
			true,
		);
	}
}

if (!customElements.get('quick-exit')) customElements.define('quick-exit', QuickExit);
