/**
 * Reading the risk check in a browser: answering its questions by their labels, and what the plan
 * on screen says. For the site's page and for the single-file guide alike.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const LABELS = {
	en: {
		yes: 'Yes',
		no: 'No',
		unsure: 'Not sure',
		clear: 'Clear answers',
		share: 'Make a link to these answers',
		plan: 'Your plan',
		mismatch: 'This link does not fit this version of the guide. Answer the questions again.',
	},
	ar: {
		yes: 'نعم',
		no: 'لا',
		unsure: 'لست متأكدًا',
		clear: 'امسح الإجابات',
		share: 'أنشئ رابطًا لهذه الإجابات',
		plan: 'خطتك',
		mismatch: 'هذا الرابط لا يطابق هذه النسخة من الدليل. أجب عن الأسئلة من جديد.',
	},
};
export type Lang = keyof typeof LABELS;
export type Value = 'yes' | 'no' | 'unsure';
/** This guide's questions in the order they are asked; the partner's two only on its route (askIf). */
export const QUESTIONS = ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'partner-surveilled', 'partner-secure-apps-risky', 'anonymity-tools-risky'];

/** Answers the question whose fieldset is marked with `id`, by clicking the labelled radio button. */
export async function answer(page: Page, lang: Lang, id: string, value: Value) {
	await page.locator(`fieldset[data-question="${id}"]`).getByRole('radio', { name: LABELS[lang][value], exact: true }).check();
}

/** The questions on screen, in order: those asked for the answers given so far. */
export async function shownQuestions(page: Page): Promise<string[]> {
	return page.locator('fieldset[data-question]').evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => (e as HTMLElement).dataset.question!));
}

/**
 * Gives the answers in order to the questions as a reader sees them: the first to the first question
 * on screen, the next to the next one on screen once it is answered (a question asked only after
 * some answers shows up then), and so on.
 */
export async function answerAll(page: Page, lang: Lang, values: readonly Value[]) {
	for (const [i, value] of values.entries()) {
		const shown = await shownQuestions(page);
		if (!shown[i]) throw new Error(`answer ${i + 1} (${value}): only ${shown.length} questions are shown (${shown.join(', ')})`);
		await answer(page, lang, shown[i]!, value);
	}
}

/** The steps of a sequencer that apply to the answers: shown, or hidden only by the one-at-a-time view. */
const applicable = (els: Element[]) =>
	els.filter((el) => !el.hasAttribute('data-skipped') && ((el as HTMLElement).hidden || getComputedStyle(el).display !== 'none'));

/**
 * The item a name of the plan stands for ("tool:signal", "practice:updates", "channel:in-person"),
 * run in the page: a name without a page carries it as data-item, a link's address names its page,
 * on the site (/en/tools/signal/), in a zip (../tools/signal/index.html) or in a single file
 * (#tools-signal).
 */
const itemOf = (el: Element) => {
	const item = (el as HTMLElement).dataset.item;
	if (item) return item;
	const page = /(tool|practice)s[-/]([a-z0-9-]+?)(?:\/(?:index\.html)?)?$/.exec((el.getAttribute('href') ?? '').replace(/[?#].*$/, '') || (el.getAttribute('href') ?? ''));
	return page ? `${page[1]}:${page[2]}` : `link:${el.getAttribute('href')}`;
};
/** The names of a plan's items and steps: the links and the names without a page, not the reasons under "Why". */
const NAMES = ':is(a[href], [data-item]):not(details.why *)';

/** What the plan on screen says: its headline rule, route, the items of its Use and Avoid lists, the steps, and the text of the steps. */
export async function shownPlan(page: Page) {
	await expect.poll(() => page.locator('.plan [data-headline]:visible').count()).toBe(1);
	await expect(page.locator('[data-steps]:visible').count()).resolves.toBe(1);
	const plan = page.locator('.plan');
	const headline = plan.locator('[data-headline]:visible');
	const steps = page.locator('[data-steps]:visible li[data-step]');
	const items = (selector: string) => plan.locator(`${selector} > li:visible ${NAMES}`).evaluateAll((els, fn) => els.map(new Function(`return ${fn}`)()).sort(), itemOf.toString());
	return {
		headline: await headline.getAttribute('data-headline'),
		route: await headline.getAttribute('data-route'),
		use: await items('.use'),
		avoid: await items('.avoid'),
		avoidNames: await plan.locator(`.avoid > li:visible ${NAMES}`).evaluateAll((els, fn) => els.filter((e) => new Function(`return ${fn}`)()(e).startsWith('tool:')).map((e) => e.textContent!), itemOf.toString()),
		steps: await steps.evaluateAll((els, fn) => new Function(`return ${fn}`)()(els).map((e: HTMLElement) => e.dataset.step!), applicable.toString()),
		stepTools: await steps.evaluateAll(
			(els, [fn, item, names]) => new Function(`return ${fn}`)()(els).flatMap((e: HTMLElement) => [...e.querySelectorAll(names!)].map(new Function(`return ${item}`)()).filter((id) => String(id).startsWith('tool:'))),
			[applicable.toString(), itemOf.toString(), NAMES] as const,
		),
		stepText: (await steps.evaluateAll((els, fn) => new Function(`return ${fn}`)()(els).map((e: HTMLElement) => e.textContent), applicable.toString())).join('\n'),
		scenario: await page.locator('[data-steps]:visible a[data-scenario]').getAttribute('data-scenario'),
	};
}


/** A risk check page opened with or without JavaScript, with what goes wrong on it. */
export type OpenRiskCheck = (javaScriptEnabled: boolean) => Promise<{ context: import('playwright-core').BrowserContext; page: Page; problems: string[] }>;

/**
 * Answers the risk check with `fill` once with JavaScript and once without, and expects the page
 * without JavaScript to show no plan before the answers and then the same plan, at the same address
 * (`url`) and with the history as it was. Returns the page without JavaScript, still open, for the
 * caller's own checks; the caller closes its context.
 */
export async function expectSamePlanWithoutScript(open: OpenRiskCheck, fill: (page: Page) => Promise<void>, url: string) {
	const withScript = await open(true);
	await fill(withScript.page);
	const expected = await shownPlan(withScript.page);
	await withScript.context.close();

	const without = await open(false);
	const { page } = without;
	const length = await page.evaluate(() => history.length);
	await expect(page.locator('[data-part]:visible').count()).resolves.toBe(0);
	await fill(page);
	await expect(shownPlan(page)).resolves.toEqual(expected);
	expect(page.url()).toBe(url);
	await expect(page.evaluate(() => history.length)).resolves.toBe(length);
	return without;
}
