import { ANSWERS as ANSWER_LIST, answersLink, readAnswersLink, type LinkQuestion } from '../src/plan/answers-link';
import type { ScenarioSequencer } from './scenario-sequencer';
import './scenario-sequencer';

/**
 * Adds to the risk check what needs a script; the plan itself is picked by CSS from the answers
 * (see RiskSelector.astro), with or without this script. It announces the plan to screen
 * readers, moves the focus to it when the last question is answered, and makes a link to the
 * answers on request. After a change that leaves the plan out of view, a line at the foot of the
 * screen says the plan was updated and leads to it; a link to the answers opens at the plan, and
 * one that does not fit the questions of this version of the guide (src/plan/answers-link.ts)
 * fills in nothing and says so.
 * Answers live only in the form: nothing is stored, and neither the address
 * bar nor the history ever holds them.
 *
 * Nor does the page keep them once it is left, for Back to show (after a quick exit on a page of
 * the plan, Back returns here): the form has `autocomplete="off"`, so a page loaded again is not
 * filled in, and a page kept in the back-forward cache is emptied as it goes in (`pagehide`).
 * The answers are kept aside in the script's memory only, and given back when the reader returns
 * from another page of this site (a page of the plan); returning from anywhere else, after a quick
 * exit for one, they are dropped. Which page the reader returns from is what the Navigation API
 * tells (`navigation.activation.from`, null for another site's page); a browser without it drops them.
 */
const ANSWERS = new Set(ANSWER_LIST);

class RiskSelector extends HTMLElement {
	#form!: HTMLFormElement;
	#announce!: HTMLElement;
	#shareOutput!: HTMLElement;
	#updated!: HTMLElement;
	#mismatch!: HTMLElement;
	#heading!: HTMLElement;
	/** Whether the plan's heading is on screen: then a change needs no line leading to it. */
	#planInView = false;
	#questions: string[] = [];
	/** For each question, the answers it is asked after, as [position, answer] pairs (fieldset's data-ask, "1=yes 3=no"). */
	#askIf: [number, string][][] = [];
	/** Whether the last answer was given with a pointer (a tap or a click) rather than the keyboard. */
	#pointer = false;
	/** Whether the plan has been shown once since the page opened or the form was cleared. */
	#seen = false;
	/** The answers while the page is in the back-forward cache, its form emptied. */
	#kept: string[] | undefined;

	connectedCallback() {
		this.#form = this.querySelector('form')!;
		this.#announce = this.querySelector('[data-announce]')!;
		this.#shareOutput = this.querySelector('[data-share-output]')!;
		this.#updated = this.querySelector('[data-updated]')!;
		this.#mismatch = this.querySelector('[data-mismatch]')!;
		this.#heading = this.querySelector('#plan-heading')!;
		// The line leads to the plan without adding its address to the history.
		this.#updated.querySelector('a')!.addEventListener('click', (event) => {
			event.preventDefault();
			this.#goToPlan();
		});
		new IntersectionObserver(([entry]) => {
			this.#planInView = entry!.isIntersecting;
			if (this.#planInView) this.#updated.hidden = true;
		}).observe(this.#heading);
		const fieldsets = [...this.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')];
		this.#questions = fieldsets.map((f) => f.dataset.question!);
		this.#askIf = fieldsets.map((f) =>
			f.dataset.ask === 'never' ? [[0, 'never']] : (f.dataset.ask ?? '').split(' ').filter(Boolean).map((c) => [Number(c.split('=')[0]), c.split('=')[1]!] as [number, string]),
		);

		const share = this.querySelector<HTMLButtonElement>('[data-share]')!;
		share.hidden = false;
		share.addEventListener('click', () => this.#share());
		this.#form.addEventListener('pointerdown', () => (this.#pointer = true));
		this.#form.addEventListener('keydown', () => (this.#pointer = false));
		this.#form.addEventListener('change', (event) => this.#changed(event.target as HTMLInputElement));
		// The reset event fires before the inputs are cleared.
		this.#form.addEventListener('reset', () => {
			this.#seen = false;
			this.#mismatch.hidden = true;
			this.#shareOutput.hidden = true;
			this.#updated.hidden = true;
			this.#announce.textContent = '';
		});
		const shared = this.#applyShared();
		if (shared && this.complete()) this.#changed(shared, true);
		window.addEventListener('pagehide', (event) => {
			if (event.persisted) this.#putAside();
		});
		window.addEventListener('pageshow', (event) => {
			if (event.persisted) this.#giveBack();
		});
	}

	/** Empties the form as the page goes into the back-forward cache, keeping the answers in memory. */
	#putAside() {
		const answers = this.answers();
		this.#kept = answers.some(Boolean) ? answers : undefined;
		this.#form.reset();
	}

	/** Back in the page from the back-forward cache: the answers return only from another page of this site. */
	#giveBack() {
		const kept = this.#kept;
		this.#kept = undefined;
		if (!kept || !returnedFromThisSite()) return;
		let last: HTMLInputElement | undefined;
		this.#questions.forEach((id, i) => {
			const input = kept[i] ? this.#form.querySelector<HTMLInputElement>(`input[name="${id}"][value="${kept[i]}"]`) : null;
			if (input) last = input;
			if (input) input.checked = true;
		});
		this.#pointer = false;
		if (last) this.#changed(last);
	}

	/**
	 * What each question reads as, in question order: the answer chosen (`value`) or the answer it
	 * counts as (`reads`, "not sure" read as the safer one); empty where none is chosen, and for a
	 * question not asked (its askIf does not hold), whatever is left checked in it. The CSS of the
	 * page shows the same questions (src/plan/risk-css.ts).
	 */
	#read(key: 'value' | 'reads'): string[] {
		const values: string[] = [];
		const reads: string[] = [];
		this.#questions.forEach((id, i) => {
			const asked = this.#askIf[i]!.every(([n, answer]) => reads[n - 1] === answer);
			const input = asked ? this.#form.querySelector<HTMLInputElement>(`input[name="${id}"]:checked`) : null;
			values.push(input && ANSWERS.has(input.value) ? input.value : '');
			// "Yes" and "no" read as themselves; "not sure" carries the answer it reads as.
			reads.push(input && ANSWERS.has(input.value) ? (input.dataset.reads ?? input.value) : '');
		});
		return key === 'value' ? values : reads;
	}

	/** The answer chosen for each question, in question order; empty where none is, or where the question is not asked. */
	answers(): string[] {
		return this.#read('value');
	}

	/** Which questions are asked for the answers given so far, in question order. */
	asked(): boolean[] {
		const reads = this.#read('reads');
		return this.#askIf.map((conditions) => conditions.every(([n, answer]) => reads[n - 1] === answer));
	}

	/** Whether every question that is asked has an answer: then CSS shows the plan for them. */
	complete(): boolean {
		const answers = this.answers();
		return this.asked().every((asked, i) => !asked || answers[i]);
	}

	/** An answer was given or changed; `go` moves to the plan whatever gave the answer (a link to the answers). */
	#changed(input: HTMLInputElement, go = false) {
		this.#shareOutput.hidden = true;
		this.#mismatch.hidden = true;
		if (!this.complete()) {
			this.#announce.textContent = '';
			this.#updated.hidden = true;
			return;
		}
		// The step-by-step guide of the plan counts only the steps made for these answers.
		const reads = this.#read('reads');
		for (const sequencer of this.querySelectorAll<ScenarioSequencer>('scenario-sequencer')) sequencer.applyAnswers(reads);
		const headline = [...this.querySelectorAll<HTMLElement>('[data-headline]')].find((el) => el.checkVisibility())?.textContent?.trim() ?? '';
		// When a tap or click gives the last answer, or completes the set for the first time, go to the
		// plan. A keyboard user keeps the focus in the form, where arrow keys change the answer; the
		// plan is announced to them, and Tab reaches it. A change that stays in the form is announced
		// as an update, and shown by the line that leads to the plan while the plan is out of view.
		const first = !this.#seen;
		this.#seen = true;
		const label = first ? `${this.#heading.textContent}:` : this.#updated.querySelector('span')!.textContent;
		this.#announce.textContent = `${label} ${headline}`;
		const asked = this.asked();
		const last = this.#questions.filter((_, i) => asked[i]).at(-1);
		if (go || (this.#pointer && (first || input.name === last))) this.#goToPlan(go ? 'auto' : undefined);
		else this.#updated.hidden = this.#planInView;
	}

	/** Moves the focus to the plan's heading and brings it to the top of the screen. */
	#goToPlan(behavior?: ScrollBehavior) {
		this.#updated.hidden = true;
		this.#heading.focus({ preventScroll: true });
		this.#heading.scrollIntoView({ block: 'start', behavior: behavior ?? (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth') });
	}

	/** The questions of the page as a link to the answers names them: id, safer answer, and the answers they are asked after. */
	#linkQuestions(): LinkQuestion[] {
		return this.#questions.map((id, i) => ({
			id,
			saferAnswer: this.#form.querySelector<HTMLInputElement>(`input[name="${id}"][data-reads]`)?.dataset.reads ?? '',
			askedWhen: this.#askIf[i]![0]?.[1] === 'never' ? undefined : this.#askIf[i]!.map(([n, answer]) => ({ question: this.#questions[n - 1]!, answer })),
		}));
	}

	/**
	 * Shows a link that carries the answers after `#`, which browsers never send to a server, each
	 * named by its question. The link is only shown, to copy: the page's own address and the
	 * history stay as they were.
	 */
	#share() {
		const url = new URL(location.href);
		url.hash = `answers=${answersLink(this.#linkQuestions(), this.answers())}`;
		this.#shareOutput.hidden = false;
		const input = this.#shareOutput.querySelector('input')!;
		input.value = url.href;
		input.select();
	}

	/**
	 * Fills the form from a link made by #share, then takes the answers out of the address bar;
	 * gives the last answer filled in. A link that does not fit these questions exactly fills in
	 * nothing, so no plan shows, and the line that says so takes the focus.
	 */
	#applyShared(): HTMLInputElement | undefined {
		const match = /(?:^#|&)answers=([^&]*)/.exec(location.hash);
		if (!match) return;
		history.replaceState(history.state, '', location.pathname + location.search);
		const values = readAnswersLink(match[1]!, this.#linkQuestions());
		if (!values) {
			this.#mismatch.hidden = false;
			this.#mismatch.focus();
			return;
		}
		let last: HTMLInputElement | undefined;
		this.#questions.forEach((id, i) => {
			const input = values[i] ? this.#form.querySelector<HTMLInputElement>(`input[name="${id}"][value="${values[i]}"]`) : null;
			if (input) input.checked = true;
			if (input) last = input;
		});
		return last;
	}
}

/**
 * Whether the page was shown again by going back from another page of this site: the Navigation
 * API gives the entry left (`navigation.activation.from`) only when it was of this origin, null
 * for another site's page; its index is -1 once that entry has left the history (Firefox keeps an
 * earlier return's entry there when the page returns from another site). Its address stays
 * unread: under the site's no-referrer policy it is null. Without the API, no.
 */
function returnedFromThisSite(): boolean {
	const nav = (window as { navigation?: { activation?: { from?: { index: number } | null } | null } }).navigation;
	const from = nav?.activation?.from;
	return Boolean(from && from.index >= 0);
}

customElements.define('risk-selector', RiskSelector);
