/**
 * The second guide's risk check in real Chromium, in English and Persian, with JavaScript and
 * without: its three questions, the second asked only after a "yes" (or "not sure") to the first,
 * and the plan its own rules make for the answers.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watch } from '../helpers/browser';
import { expectSamePlanWithoutScript, shownPlan } from '../helpers/risk-check';
import { LANGS, ui, useFixtureSite, type Lang } from './site';

const site = useFixtureSite();

type Value = 'yes' | 'no' | 'unsure';
const KEYS = { yes: 'risk.answer.yes', no: 'risk.answer.no', unsure: 'risk.answer.unsure' } as const;

/** Answers a question by clicking the radio button its label names, in the page's language. */
async function answer(page: Page, lang: Lang, question: string, value: Value) {
	await page.locator(`fieldset[data-question="${question}"]`).getByRole('radio', { name: ui(lang, KEYS[value]), exact: true }).check();
}

/** Whether the question is on screen. */
const shown = (page: Page, question: string) => page.locator(`fieldset[data-question="${question}"]`).isVisible();

async function open(lang: Lang, javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
	const context = await site.browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	const problems = watch(page);
	await page.goto(`${site.url}/${lang}/risk-check/`);
	return { context, page, problems };
}

/** Answers in the guide's order; `null` for a question the reader is not asked. */
const CASES = [
	{
		name: 'a source not at risk, no files',
		answers: { 'source-at-risk': 'no', 'tor-watched': null, 'receiving-files': 'no' },
		headline: 'open-source',
		use: ['tool:aegis', 'tool:onionshare'],
		avoid: [],
		steps: ['agree-channel', 'send-onionshare', 'check-story', 'clean-up'],
	},
	{
		name: 'a source at risk where Tor is safe, sending files',
		answers: { 'source-at-risk': 'yes', 'tor-watched': 'no', 'receiving-files': 'yes' },
		headline: 'anonymous-channel',
		use: ['tool:aegis', 'tool:dangerzone', 'tool:mat2', 'tool:onionshare', 'tool:securedrop'],
		avoid: ['channel:social-media-messages', 'channel:work-email'],
		steps: ['agree-channel', 'submit-securedrop', 'open-safely', 'remove-metadata', 'check-story', 'clean-up'],
	},
	{
		name: 'a source at risk where Tor is watched',
		answers: { 'source-at-risk': 'yes', 'tor-watched': 'yes', 'receiving-files': 'no' },
		headline: 'meet-in-person',
		use: ['channel:in-person', 'tool:aegis'],
		avoid: ['channel:social-media-messages', 'channel:work-email', 'tool:onionshare', 'tool:securedrop'],
		steps: ['agree-channel', 'hand-over', 'check-story', 'clean-up'],
	},
	{
		name: 'not sure of anything (read as the safer answers)',
		answers: { 'source-at-risk': 'unsure', 'tor-watched': 'unsure', 'receiving-files': 'unsure' },
		headline: 'meet-in-person',
		use: ['channel:in-person', 'tool:aegis', 'tool:dangerzone', 'tool:mat2'],
		avoid: ['channel:social-media-messages', 'channel:work-email', 'tool:onionshare', 'tool:securedrop'],
		steps: ['agree-channel', 'hand-over', 'open-safely', 'remove-metadata', 'check-story', 'clean-up'],
	},
] as const;

async function answerCase(page: Page, lang: Lang, answers: (typeof CASES)[number]['answers']) {
	for (const [question, value] of Object.entries(answers)) {
		if (value === null) expect(await shown(page, question), `${question} is not asked`).toBe(false);
		else await answer(page, lang, question, value);
	}
}

describe.each(LANGS.map((lang) => [lang, lang === 'fa' ? 'rtl' : 'ltr'] as const))('the second guide’s risk check in %s', (lang, dir) => {
	test.each(CASES)('with JavaScript: $name gives its own plan', async ({ answers, headline, use, avoid, steps }) => {
		const { context, page, problems } = await open(lang, true);
		expect(await page.locator('html').getAttribute('dir')).toBe(dir);
		expect(await page.locator('fieldset[data-question]').evaluateAll((f) => f.map((e) => e.getAttribute('data-question')))).toEqual(['source-at-risk', 'tor-watched', 'receiving-files']);
		await answerCase(page, lang, answers);
		const plan = await shownPlan(page);
		expect({ headline: plan.headline, route: plan.route, use: plan.use, avoid: plan.avoid, steps: plan.steps }).toEqual({ headline, route: 'with-source', use, avoid, steps });
		// What the plan avoids is not named in the steps it shows.
		for (const name of plan.avoidNames) expect(plan.stepText).not.toContain(name);
		// Every label is the guide's own text in the page's language (who uses what with whom is a role of guide/data/roles.yaml): no key, nothing undefined.
		const shownText = await page.locator('risk-selector').innerText();
		expect(shownText).not.toMatch(/undefined|\b(?:risk|seq)\.[a-z-]+/);
		expect(shownText).toContain(ui(lang, 'risk.between.source'));
		await expect(page.locator('[data-pending]').isVisible()).resolves.toBe(false);
		expect(problems).toEqual([]);
		await context.close();
	});

	test.each([true, false])('the question about Tor comes only after a "yes" or "not sure" to the first, and goes after a "no" (JavaScript %s)', async (javaScriptEnabled) => {
		const { context, page, problems } = await open(lang, javaScriptEnabled);
		expect(await shown(page, 'tor-watched')).toBe(false);
		await answer(page, lang, 'source-at-risk', 'yes');
		expect(await shown(page, 'tor-watched')).toBe(true);
		await answer(page, lang, 'source-at-risk', 'unsure');
		expect(await shown(page, 'tor-watched')).toBe(true);
		// Answered, then no longer asked: the answer left in it counts for nothing.
		await answer(page, lang, 'tor-watched', 'yes');
		await answer(page, lang, 'source-at-risk', 'no');
		expect(await shown(page, 'tor-watched')).toBe(false);
		await answer(page, lang, 'receiving-files', 'no');
		await expect(shownPlan(page)).resolves.toMatchObject({ headline: 'open-source', avoid: [] });
		// Asked again, and still answered: the plan follows it.
		await answer(page, lang, 'source-at-risk', 'yes');
		await expect(shownPlan(page)).resolves.toMatchObject({ headline: 'meet-in-person' });
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/`);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('a link to the answers names each by its question and opens the same plan; a link that does not fit shows none, and says so', async () => {
		const { context, page, problems } = await open(lang, true);
		await answerCase(page, lang, CASES[1].answers);
		await page.getByRole('button', { name: ui(lang, 'risk.share') }).click();
		const link = await page.locator('[data-share-output] input').inputValue();
		expect(link).toBe(`${site.url}/${lang}/risk-check/#answers=source-at-risk:yes,tor-watched:no,receiving-files:yes`);
		const shared = await context.newPage();
		await shared.goto(link);
		await expect(shownPlan(shared)).resolves.toMatchObject({ headline: CASES[1].headline, use: CASES[1].use });
		// The question about Tor is not asked after a "no" to the first: a link that answers it does not fit.
		const wrong = await context.newPage();
		await wrong.goto(`${site.url}/${lang}/risk-check/#answers=source-at-risk:no,tor-watched:no,receiving-files:yes`);
		await expect.poll(() => wrong.locator('[data-mismatch]').isVisible()).toBe(true);
		await expect(wrong.locator('[data-mismatch]').textContent()).resolves.toBe(ui(lang, 'risk.linkMismatch'));
		await expect(wrong.locator('input[type=radio]:checked').count()).resolves.toBe(0);
		await expect(wrong.locator('[data-part]:visible').count()).resolves.toBe(0);
		expect(wrong.url()).toBe(`${site.url}/${lang}/risk-check/`);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('without JavaScript, each case shows the plan the page shows with it, and nothing enters the history', async () => {
		for (const { answers } of CASES) {
			const { context, problems } = await expectSamePlanWithoutScript((js) => open(lang, js), (page) => answerCase(page, lang, answers), `${site.url}/${lang}/risk-check/`);
			expect(problems).toEqual([]);
			await context.close();
		}
	});
});
