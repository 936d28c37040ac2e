/**
 * The CSS that shows the risk check's questions and plan without a script (src/plan/risk-css.ts),
 * written for a small model and tried in Chromium with JavaScript off, on a page laid out as
 * components/RiskSelector.astro lays out its questions and the parts of its plans.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askAttributes, riskCss } from '../../src/plan/risk-css';
import type { RiskModel } from '../../src/plan/risk';
import { launch } from '../helpers/browser';

/** "b" is asked only after a = yes, "c" only after b = no; "d" always. */
const questions: RiskModel['questions'] = [
	{ id: 'a', saferAnswer: 'yes' },
	{ id: 'b', saferAnswer: 'yes', askIf: [{ question: 'a', answer: 'yes' }] },
	{ id: 'c', saferAnswer: 'no', askIf: [{ question: 'b', answer: 'no' }] },
	{ id: 'd', saferAnswer: 'yes' },
];

/** Parts of plans, each made for some answers by position, as RiskPlans.astro marks them. */
const PARTS: Record<string, Record<string, 'yes' | 'no'>> = {
	always: {},
	'a-no': { a1: 'no' },
	'b-yes': { a2: 'yes' },
	'b-no-c-yes': { a2: 'no', a3: 'yes' },
	'c-no': { a3: 'no' },
	'd-yes': { a4: 'yes' },
};

function html(): string {
	const asks = askAttributes(questions);
	const fieldsets = questions
		.map((q, i) => {
			const ask = asks[i] ? ` data-ask="${asks[i]}"` : '';
			const radios = (['yes', 'no', 'unsure'] as const).map((a) => `<label><input type="radio" name="${q.id}" value="${a}"${a === 'unsure' ? ` data-reads="${q.saferAnswer}"` : ''}>${q.id}-${a}</label>`).join('');
			return `<fieldset data-question="${q.id}" data-q="${i + 1}"${ask}>${radios}</fieldset>`;
		})
		.join('');
	const parts = Object.entries(PARTS)
		.map(([id, attrs]) => `<p data-part id="${id}" ${Object.entries(attrs).map(([k, v]) => `data-${k}="${v}"`).join(' ')}>${id} <span class="unsure" data-unsure-q="3">c unsure</span></p>`)
		.join('');
	return `<!doctype html><style>.pending,.unsure{display:none}${riskCss(questions)}</style><risk-selector><form>${fieldsets}</form><p class="pending">answer all</p><section data-part>${parts}</section></risk-selector>`;
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
	browser = await launch();
	page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
}, 60_000);
afterAll(async () => browser?.close());

const shownQuestions = () => page.locator('fieldset:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question));
const shownParts = () => page.locator('[data-part][id]:visible').evaluateAll((els) => els.map((e) => e.id));
const pending = () => page.locator('.pending').isVisible();
const choose = (id: string, answer: string) => page.locator(`input[name="${id}"][value="${answer}"]`).check();

describe('riskCss, without JavaScript', () => {
	test('shows a question only once the answers it waits for are given, and hides it again when they change', async () => {
		await page.setContent(html());
		expect(await shownQuestions()).toEqual(['a', 'd']);
		await choose('a', 'yes');
		expect(await shownQuestions()).toEqual(['a', 'b', 'd']);
		await choose('b', 'no');
		expect(await shownQuestions()).toEqual(['a', 'b', 'c', 'd']);
		// "Not sure" reads as the safer answer: for b, yes, so c is no longer asked.
		await choose('b', 'unsure');
		expect(await shownQuestions()).toEqual(['a', 'b', 'd']);
		await choose('a', 'no');
		expect(await shownQuestions()).toEqual(['a', 'd']);
	});

	test('shows the plan once every question asked is answered, with the parts for those answers only', async () => {
		await page.setContent(html());
		await choose('a', 'yes');
		await choose('d', 'yes');
		// b is asked and has no answer: nothing of the plan yet.
		expect(await pending()).toBe(true);
		expect(await shownParts()).toEqual([]);
		await choose('b', 'no');
		expect(await pending()).toBe(true);
		await choose('c', 'yes');
		expect(await pending()).toBe(false);
		expect(await shownParts()).toEqual(['always', 'b-no-c-yes', 'd-yes']);
	});

	test('an answer left in a question no longer asked counts for nothing', async () => {
		await page.setContent(html());
		await choose('a', 'yes');
		await choose('b', 'no');
		await choose('c', 'no');
		await choose('d', 'no');
		expect(await shownParts()).toEqual(['always', 'c-no']);
		// a = no: b and c are no longer asked; their answers stay checked but count for nothing.
		await choose('a', 'no');
		expect(await pending()).toBe(false);
		expect(await shownParts()).toEqual(['always', 'a-no']);
	});

	test('explains "not sure" only for a question that is asked', async () => {
		await page.setContent(html());
		await choose('a', 'yes');
		await choose('b', 'no');
		await choose('c', 'unsure');
		await choose('d', 'yes');
		expect(await shownParts()).toEqual(['always', 'c-no', 'd-yes']);
		await expect(page.locator('#always .unsure').isVisible()).resolves.toBe(true);
		await choose('b', 'yes');
		await expect(page.locator('#always .unsure').isVisible()).resolves.toBe(false);
	});
});

describe('riskCss, as text', () => {
	test('grows with the questions, not with their combinations, and names no question by id', () => {
		const many = (n: number): RiskModel['questions'] => Array.from({ length: n }, (_, i) => ({ id: `question-${i}`, saferAnswer: 'yes', ...(i % 2 ? { askIf: [{ question: `question-${i - 1}`, answer: 'yes' as const }] } : {}) }));
		const ten = riskCss(many(10)).length;
		const twenty = riskCss(many(20)).length;
		expect(twenty).toBeLessThan(ten * 2.3);
		expect(riskCss(many(10))).not.toContain('question-');
		expect(riskCss(many(10))).toContain('[data-a10=no]');
	});

	test('writes no rule about asking when no question waits for an answer', () => {
		expect(riskCss([{ id: 'x', saferAnswer: 'yes' }])).not.toContain('data-ask');
		expect(askAttributes([{ id: 'x', saferAnswer: 'yes' }])).toEqual(['']);
	});
});
