import model from 'virtual:playbook/risk-model';
import { evaluate, type Answer, type Answers, type RiskModel } from '../src/lib/risk';
import type { ScenarioSequencer } from './scenario-sequencer';
import './scenario-sequencer';

interface Strings {
	readAsSafer: string;
	answers: Record<Answer, string>;
	outcome: string;
}

const ANSWERS = new Set<string>(['yes', 'no', 'unsure']);

/**
 * Turns the server-rendered risk assessment into a form: the static, one-question-per-page links
 * are hidden and the outcome for the current answers is shown as the reader answers. Answers live
 * only in the form: nothing is stored, and the URL changes only when the reader asks for a link.
 */
class RiskSelector extends HTMLElement {
	#model!: RiskModel;
	#strings!: Strings;
	#form!: HTMLFormElement;
	#outcomes!: HTMLElement;
	#announce!: HTMLElement;
	#shareOutput!: HTMLElement;

	connectedCallback() {
		this.#model = model;
		this.#strings = JSON.parse(this.dataset.strings!);
		this.#form = this.querySelector('form')!;
		this.#outcomes = this.querySelector('[data-outcomes]')!;
		this.#announce = this.querySelector('[data-announce]')!;
		this.#shareOutput = this.querySelector('[data-share-output]')!;

		this.querySelector<HTMLElement>('[data-static]')!.hidden = true;
		this.#form.hidden = false;
		this.#outcomes.hidden = false;

		this.#form.addEventListener('change', () => this.#update());
		// The reset event fires before the inputs are cleared, so the update is given no answers.
		this.#form.addEventListener('reset', () => {
			if (/answers=/.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
			this.#update({});
		});
		this.querySelector('[data-share]')!.addEventListener('click', () => this.#share());
		this.#applyShared();
		this.#update();
	}

	/** The reader's answers; unanswered questions are left out. */
	answers(): Answers {
		const data = new FormData(this.#form);
		const answers: Record<string, Answer> = {};
		for (const q of this.#model.questions) {
			const value = data.get(q.id);
			if (typeof value === 'string' && ANSWERS.has(value)) answers[q.id] = value as Answer;
		}
		return answers;
	}

	#update(answers: Answers = this.answers()) {
		const complete = this.#model.questions.every((q) => answers[q.id]);
		const outcome = complete ? evaluate(this.#model, answers) : undefined;
		this.#shareOutput.hidden = true;
		this.#outcomes.querySelector<HTMLElement>('[data-pending]')!.hidden = complete;
		const shown = this.#outcomes.querySelector<HTMLElement>('[data-outcome]')!;
		shown.hidden = !outcome;
		// Show the parts of the rendered outcome that the evaluation picks: its route, its rules, its scenario.
		const fired = new Set(outcome?.fired.map((f) => f.rule));
		shown.querySelector<HTMLElement>('.risk-outcome')!.dataset.route = outcome?.route ?? '';
		for (const el of shown.querySelectorAll<HTMLElement>('[data-route-text]')) el.hidden = el.dataset.routeText !== outcome?.route;
		for (const el of shown.querySelectorAll<HTMLElement>('[data-rule]')) el.hidden = !fired.has(el.dataset.rule!);
		for (const el of shown.querySelectorAll<HTMLElement>('[data-scenario-link]')) el.hidden = el.dataset.scenarioLink !== outcome?.scenario;
		// The matching scenario follows the outcome, with only the steps that fit these answers.
		for (const section of this.querySelectorAll<HTMLElement>('[data-sequence]')) {
			section.hidden = section.dataset.sequence !== outcome?.scenario;
			if (!section.hidden) section.querySelector<ScenarioSequencer>('scenario-sequencer')!.applyAnswers(answers);
		}
		if (!outcome) {
			this.#announce.textContent = '';
			return;
		}
		// Say, next to each reason, when an answer was "not sure" and counted as the safer one.
		for (const { rule, reasons } of outcome.fired)
			for (const reason of reasons)
				for (const note of shown.querySelectorAll<HTMLElement>(`[data-rule="${rule}"] [data-question="${reason.question}"] [data-read-as]`))
					note.textContent = reason.given === 'unsure' ? ` (${this.#strings.readAsSafer.replace('{{answer}}', this.#strings.answers[reason.readAs])})` : '';
		const route = shown.querySelector<HTMLElement>('[data-route-text]:not([hidden])')?.textContent?.trim() ?? '';
		this.#announce.textContent = `${this.#strings.outcome}: ${route}`;
	}

	/** Puts the answers in the page's address, after `#`, so they are never sent to a server. */
	#share() {
		const answers = this.answers();
		const value = this.#model.questions.map((q) => answers[q.id] ?? '').join(',');
		const url = new URL(location.href);
		url.hash = `answers=${value}`;
		history.replaceState(null, '', url);
		this.#shareOutput.hidden = false;
		const input = this.#shareOutput.querySelector('input')!;
		input.value = url.href;
		input.select();
	}

	/** Fills the form from a link made with #share. */
	#applyShared() {
		const match = /(?:^#|&)answers=([a-z,]*)/.exec(location.hash);
		if (!match) return;
		const values = match[1]!.split(',');
		this.#model.questions.forEach((q, i) => {
			const value = values[i];
			if (!value || !ANSWERS.has(value)) return;
			const input = this.#form.querySelector<HTMLInputElement>(`input[name="${q.id}"][value="${value}"]`);
			if (input) input.checked = true;
		});
	}
}

customElements.define('risk-selector', RiskSelector);
