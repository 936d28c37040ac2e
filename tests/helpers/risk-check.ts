/**
 * Reading the risk check in a browser: answering its questions by their labels, and what the plan
 * on screen says. For the site's page and for the single-file guide alike.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const LABELS = {
	en: { yes: 'Yes', no: 'No', unsure: 'Not sure', clear: 'Clear answers', share: 'Make a link to these answers', plan: 'Your plan' },
	ar: { yes: 'نعم', no: 'لا', unsure: 'لست متأكدًا', clear: 'امسح الإجابات', share: 'أنشئ رابطًا لهذه الإجابات', plan: 'خطتك' },
};
export type Lang = keyof typeof LABELS;
export type Value = 'yes' | 'no' | 'unsure';
export const QUESTIONS = ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky'];

/** Answers the question whose fieldset is marked with `id`, by clicking the labelled radio button. */
export async function answer(page: Page, lang: Lang, id: string, value: Value) {
	await page.locator(`fieldset[data-question="${id}"]`).getByRole('radio', { name: LABELS[lang][value], exact: true }).check();
}

export async function answerAll(page: Page, lang: Lang, values: readonly Value[]) {
	for (const [i, value] of values.entries()) await answer(page, lang, QUESTIONS[i]!, value);
}

/** The steps of a sequencer that apply to the answers: shown, or hidden only by the one-at-a-time view. */
const applicable = (els: Element[]) =>
	els.filter((el) => !el.hasAttribute('data-skipped') && ((el as HTMLElement).hidden || getComputedStyle(el).display !== 'none'));

/** What the plan on screen says: its headline rule, route, the items of its Use and Avoid lists, the steps, and the text of the steps. */
export async function shownPlan(page: Page) {
	await expect.poll(() => page.locator('.plan [data-headline]:visible').count()).toBe(1);
	await expect(page.locator('[data-steps]:visible').count()).resolves.toBe(1);
	const plan = page.locator('.plan');
	const headline = plan.locator('[data-headline]:visible');
	const steps = page.locator('[data-steps]:visible li[data-step]');
	const items = (selector: string) => plan.locator(`${selector} > li:visible [data-item]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item!).sort());
	return {
		headline: await headline.getAttribute('data-headline'),
		route: await headline.getAttribute('data-route'),
		use: await items('.use'),
		avoid: await items('.avoid'),
		avoidNames: await plan.locator('.avoid > li:visible [data-item^="tool:"]').allTextContents(),
		steps: await steps.evaluateAll((els, fn) => new Function(`return ${fn}`)()(els).map((e: HTMLElement) => e.dataset.step!), applicable.toString()),
		stepTools: await steps.evaluateAll((els, fn) => new Function(`return ${fn}`)()(els).flatMap((e: HTMLElement) => [...e.querySelectorAll<HTMLElement>('[data-item]')].map((a) => a.dataset.item!)), applicable.toString()),
		stepText: (await steps.evaluateAll((els, fn) => new Function(`return ${fn}`)()(els).map((e: HTMLElement) => e.textContent), applicable.toString())).join('\n'),
		scenario: await page.locator('[data-steps]:visible a[data-scenario]').getAttribute('data-scenario'),
	};
}

