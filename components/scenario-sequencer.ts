
interface Strings {
	progress: string;
	showAll: string;
	oneByOne: string;
}

/**
 * Shows a scenario one step at a time, with back, next and done. The full list stays in the page,
 * so printing and reading without JavaScript show every step. Progress lives only in the page.
 */
export class ScenarioSequencer extends HTMLElement {
	#steps: HTMLLIElement[] = [];
	#strings!: Strings;
	#current = 0;
	#showAll = false;

	connectedCallback() {
		this.#strings = JSON.parse(this.dataset.strings!);
		// A step is an item of the list: one step, or alternatives shown as one step with a choice.
		this.#steps = [...this.querySelectorAll<HTMLLIElement>(':scope > ol > li')];
		this.querySelector<HTMLElement>('.controls')!.hidden = false;
		this.querySelector('[data-next]')!.addEventListener('click', () => this.go(this.#current + 1));
		this.querySelector('[data-back]')!.addEventListener('click', () => this.go(this.#current - 1));
		this.querySelector('[data-toggle]')!.addEventListener('click', () => {
			this.#showAll = !this.#showAll;
			this.#render();
			// Back to one step at a time, the list shrinks and the page would leave the reader far
			// below, at the footer: bring the current step into view, with the focus on it.
			if (!this.#showAll) this.#focusCurrent();
		});
		this.querySelector('[data-print]')!.addEventListener('click', () => print());
		for (const box of this.querySelectorAll<HTMLInputElement>('li[data-step] > .done input'))
			// Ticking a step marks it, nothing more: the reader moves on with "Next" when ready.
			box.addEventListener('change', () => box.closest('li')!.toggleAttribute('data-done', box.checked));
		this.#render();
	}

	/** The steps that apply, in order. */
	#visible(): HTMLLIElement[] {
		return this.#steps.filter((li) => !li.hasAttribute('data-skipped'));
	}

	/**
	 * Keeps only the steps made for these answers and starts again. `reads` holds the effective
	 * answer to each question in order ("not sure" read as the safer one), or "" where none is
	 * given; a step made for answers (data-a1, data-a2, ... by question position) applies when they
	 * match. CSS hides the others too (RiskSelector.astro); this keeps the count and the buttons right.
	 */
	applyAnswers(reads: readonly string[]) {
		for (const li of this.#steps) {
			const skipped = reads.some((answer, i) => {
				const wanted = li.getAttribute(`data-a${i + 1}`);
				return wanted !== null && wanted !== answer;
			});
			li.toggleAttribute('data-skipped', skipped);
		}
		this.#current = 0;
		this.#render();
	}

	/** Moves to step `index` (counted among the steps that apply) and puts the focus on it. */
	go(index: number) {
		const visible = this.#visible();
		this.#current = Math.max(0, Math.min(index, visible.length - 1));
		this.#render();
		if (!this.#showAll) visible[this.#current]?.querySelector<HTMLElement>('.body')?.focus();
	}

	/** Puts the focus on the current step and scrolls to its start, below the page's header. */
	#focusCurrent() {
		const li = this.#visible()[this.#current];
		li?.querySelector<HTMLElement>('.body')?.focus({ preventScroll: true });
		li?.scrollIntoView({ block: 'start' });
	}

	#render() {
		const visible = this.#visible();
		for (const li of this.#steps) li.hidden = li.hasAttribute('data-skipped') || (!this.#showAll && li !== visible[this.#current]);
		const last = this.#current >= visible.length - 1;
		// With every step shown, stepping makes no sense: the step buttons and the count go.
		const back = this.querySelector<HTMLButtonElement>('[data-back]')!;
		const next = this.querySelector<HTMLButtonElement>('[data-next]')!;
		back.hidden = next.hidden = this.#showAll;
		this.querySelector<HTMLElement>('[data-progress]')!.hidden = this.#showAll;
		back.disabled = this.#current === 0;
		next.disabled = last;
		this.querySelector<HTMLElement>('[data-finished]')!.hidden = this.#showAll || !last;
		this.querySelector('[data-progress]')!.textContent = this.#showAll
			? ''
			: this.#strings.progress.replace('{{n}}', String(this.#current + 1)).replace('{{total}}', String(visible.length));
		this.querySelector('[data-toggle]')!.textContent = this.#showAll ? this.#strings.oneByOne : this.#strings.showAll;
		// Ordered-list numbers follow the steps that apply.
		visible.forEach((li, i) => (li.value = i + 1));
	}
}

if (!customElements.get('scenario-sequencer')) customElements.define('scenario-sequencer', ScenarioSequencer);
