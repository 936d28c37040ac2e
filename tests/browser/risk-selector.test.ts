/**
 * The risk check in real Chromium, with JavaScript and without, in English and Arabic: one plan
 * for the answers, that never names what it says to avoid, and that leaves no trace.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';
import { answer, answerAll, expectSamePlanWithoutScript, LABELS, QUESTIONS, shownPlan, shownQuestions, type Lang } from '../helpers/risk-check';

const site = useBuiltSite();

async function storageAndCookies(page: Page) {
	return {
		local: await page.evaluate(() => localStorage.length),
		session: await page.evaluate(() => sessionStorage.length),
		cookies: (await page.context().cookies()).length,
	};
}

/** Opens the risk check in a fresh context; `hash`, a link to answers, after its address. */
async function open(lang: Lang, javaScriptEnabled: boolean, hash = ''): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
	const context = await site.browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	const problems = watch(page);
	await page.goto(`${site.url}/${lang}/risk-check/${hash}`);
	return { context, page, problems };
}

const CASES = [
	{ name: 'watched, and secure apps illegal', values: ['yes', 'yes', 'no', 'no'] as const, route: 'direct', use: ['tool:whatsapp'] },
	// Contact dangerous: the partner's two questions are asked too (its secure apps only where the person's are not risky).
	{ name: 'direct contact dangerous', values: ['no', 'no', 'yes', 'no', 'no', 'yes'] as const, route: 'partner', use: ['tool:proton-mail', 'tool:signal', 'tool:wire'] },
	// No WhatsApp where contact is dangerous, and nothing to use over Tor where secure apps are risky: the partner in person or its own channels.
	{ name: 'direct contact dangerous, secure apps risky, Tor not', values: ['no', 'unsure', 'yes', 'no', 'no'] as const, route: 'partner', use: ['channel:in-person', 'channel:partner-channels'] },
	// Secure apps risky where the partner works: with it, in person or its own channels.
	{ name: 'direct contact dangerous, secure apps risky for the partner', values: ['no', 'no', 'yes', 'yes', 'yes', 'yes'] as const, route: 'partner', use: ['channel:in-person', 'channel:partner-channels'] },
];

describe.each(['en', 'ar'] as const)('the risk check in %s', (lang) => {
	test.each(CASES)('shows one plan for "$name" that uses something and never names what it avoids', async ({ values, route, use }) => {
		const { context, page, problems } = await open(lang, true);
		expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
		await expect(page.locator('[data-pending]').isVisible()).resolves.toBe(true);
		await answerAll(page, lang, values);
		const plan = await shownPlan(page);
		expect(plan.route).toBe(route);
		expect(plan.use).toEqual(use);
		expect(plan.avoidNames.length).toBeGreaterThan(0);
		for (const name of plan.avoidNames) expect(plan.stepText).not.toContain(name);
		for (const item of plan.stepTools) expect(plan.avoid).not.toContain(item);
		for (const item of plan.use) expect(plan.avoid).not.toContain(item);
		expect(plan.steps.length).toBeGreaterThan(3);
		// The step-by-step guide counts the plan's steps only.
		await expect(page.locator('[data-steps]:visible [data-progress]').textContent()).resolves.toMatch(new RegExp(`\\b${plan.steps.length}\\b`));
		await expect(page.locator('[data-pending]').isVisible()).resolves.toBe(false);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('says where "not sure" was read as the safer answer, moves to the plan, keeps nothing, and clears', async () => {
		const { context, page, problems } = await open(lang, true);
		await answerAll(page, lang, ['unsure', 'yes', 'no', 'no']);
		const plan = page.locator('.plan');
		// The plan's heading takes the focus once the last question is answered.
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(LABELS[lang].plan);
		await expect(shownPlan(page)).resolves.toMatchObject({ headline: 'whatsapp-fallback', route: 'direct' });
		const why = plan.locator('[data-avoid="avoid-open-channels"]:visible .why');
		await why.locator('summary').click();
		await expect(why.locator('.unsure:visible').textContent()).resolves.toContain(lang === 'en' ? 'you were not sure, so this counts as “Yes”' : 'لم تكن متأكدًا، لذا تُحتسب الإجابة «نعم»');
		await expect(plan.locator('[data-avoid="encrypted-apps"]:visible .unsure:visible').count()).resolves.toBe(0);
		// A recommended tool links to the tool's page in the same language; the announcement says the plan.
		await expect(plan.locator('.use > li:visible a[href$="/tools/whatsapp/"]').getAttribute('href')).resolves.toBe(`/${lang}/tools/whatsapp/`);
		await expect(page.locator('[data-announce]').textContent()).resolves.toMatch(lang === 'en' ? /^Your plan: Contact the person directly, over WhatsApp/ : /^خطتك: تواصل مع الشخص مباشرةً عبر WhatsApp/);
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/`);
		await expect(storageAndCookies(page)).resolves.toEqual({ local: 0, session: 0, cookies: 0 });

		await page.getByRole('button', { name: LABELS[lang].clear }).click();
		await expect.poll(() => page.locator('[data-part]:visible').count()).toBe(0);
		await expect(page.locator('input[type=radio]:checked').count()).resolves.toBe(0);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('makes a link to the answers without putting them in the address bar or history, and reads it back', async () => {
		const { context, page } = await open(lang, true);
		const length = await page.evaluate(() => history.length);
		await answerAll(page, lang, ['no', 'no', 'no', 'no']);
		await page.getByRole('button', { name: LABELS[lang].share }).click();
		const link = await page.locator('[data-share-output] input').inputValue();
		// Each answer is named by its question; the partner's questions, not asked, are not in the link.
		expect(link).toBe(`${site.url}/${lang}/risk-check/#answers=surveilled:no,secure-apps-risky:no,direct-contact-dangerous:no,anonymity-tools-risky:no`);
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/`);
		await expect(page.evaluate(() => history.length)).resolves.toBe(length);

		const second = await context.newPage();
		await second.goto(link);
		await expect(shownPlan(second)).resolves.toMatchObject({ headline: 'secure-apps', route: 'direct', use: ['tool:jitsi-meet', 'tool:proton-mail', 'tool:signal', 'tool:wire'], scenario: 'direct-contact' });
		// Once read, the answers leave the address bar.
		expect(second.url()).toBe(`${site.url}/${lang}/risk-check/`);
		await expect(second.locator('[data-mismatch]').isVisible()).resolves.toBe(false);
		await context.close();
	});

	test('reads a link by the questions it names, in any order, to the same plan', async () => {
		const { context, page, problems } = await open(lang, true, '#answers=anonymity-tools-risky:yes,partner-secure-apps-risky:yes,direct-contact-dangerous:yes,partner-surveilled:no,secure-apps-risky:no,surveilled:no');
		const plan = await shownPlan(page);
		expect(plan).toMatchObject({ route: 'partner', use: ['channel:in-person', 'channel:partner-channels'] });
		expect(plan.steps).toContain('partner-at-risk-channel');
		await expect(page.locator('input[type=radio]:checked').evaluateAll((els) => els.map((e) => `${(e as HTMLInputElement).name}:${(e as HTMLInputElement).value}`))).resolves.toEqual([
			'surveilled:no',
			'secure-apps-risky:no',
			'direct-contact-dangerous:yes',
			'partner-surveilled:no',
			'partner-secure-apps-risky:yes',
			'anonymity-tools-risky:yes',
		]);
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/`);
		expect(problems).toEqual([]);
		await context.close();
	});

	test.each([
		['the older form, by position', 'no,no,no,,,no'],
		['an unknown question', 'surveilled:no,secure-apps-risky:no,direct-contact-dangerous:no,anonymity-tools-risky:no,tor-watched:no'],
		['an unknown answer', 'surveilled:no,secure-apps-risky:maybe,direct-contact-dangerous:no,anonymity-tools-risky:no'],
		// The partner's questions are asked only where direct contact is dangerous.
		['an answer to a question the other answers do not ask', 'surveilled:no,secure-apps-risky:no,direct-contact-dangerous:no,partner-surveilled:no,anonymity-tools-risky:no'],
	])('shows no plan, but says the link does not fit, for a link with %s', async (_, answers) => {
		const { context, page, problems } = await open(lang, true, `#answers=${answers}`);
		const mismatch = page.locator('[data-mismatch]');
		await expect.poll(() => mismatch.isVisible()).toBe(true);
		await expect(mismatch.textContent()).resolves.toBe(LABELS[lang].mismatch);
		await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-mismatch'))).toBe(true);
		// Nothing is filled in: no part of any plan shows, and the page asks for the answers.
		await expect(page.locator('input[type=radio]:checked').count()).resolves.toBe(0);
		await expect(page.locator('[data-part]:visible').count()).resolves.toBe(0);
		await expect(page.locator('[data-pending]').isVisible()).resolves.toBe(true);
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/`);
		// Answering again takes the line away.
		await answerAll(page, lang, ['no', 'no', 'no', 'no']);
		await expect(shownPlan(page)).resolves.toMatchObject({ headline: 'secure-apps' });
		await expect(mismatch.isVisible()).resolves.toBe(false);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('can be used with the keyboard alone', async () => {
		const { context, page } = await open(lang, true);
		await page.locator('fieldset[data-question="surveilled"] input').first().focus();
		// Arrow keys move between the answers of one question; Tab goes to the next question.
		await page.keyboard.press('Space');
		await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
		for (const _ of [1, 2, 3]) {
			await page.keyboard.press('Tab');
			await page.keyboard.press('Space');
			await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
		}
		await expect(page.locator('input[type=radio][value=no]:checked').count()).resolves.toBe(4);
		await expect(shownPlan(page)).resolves.toMatchObject({ headline: 'secure-apps', route: 'direct' });
		// The focus stayed on the answer, where the arrow keys work; the plan was announced, and the
		// last arrow key, which changed a complete set of answers, announced it as updated.
		await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name)).resolves.toBe('anonymity-tools-risky');
		await expect(page.locator('[data-announce]').textContent()).resolves.toMatch(lang === 'en' ? /^Plan updated: Contact the person directly/ : /^تغيّرت الخطة: /);
		await context.close();
	});

	test('without JavaScript, shows the same plan as with it, and leaves the address and history as they were', async () => {
		for (const { values } of [...CASES, { values: ['unsure', 'no', 'unsure', 'no', 'unsure', 'no'] as const }]) {
			const { context, page, problems } = await expectSamePlanWithoutScript((js) => open(lang, js), (p) => answerAll(p, lang, values), `${site.url}/${lang}/risk-check/`);
			// "Not sure" is explained without JavaScript too, and the link maker, which needs it, is not offered.
			if (values[0] === 'unsure') await expect(page.locator('.plan [data-avoid="avoid-open-channels"]:visible .unsure').evaluate((e) => getComputedStyle(e).display)).resolves.toBe('inline');
			await expect(page.getByRole('button', { name: LABELS[lang].share }).isVisible()).resolves.toBe(false);
			await page.getByRole('button', { name: LABELS[lang].clear }).click();
			await expect.poll(() => page.locator('[data-part]:visible').count()).toBe(0);
			expect(problems).toEqual([]);
			await context.close();
		}
	});

	test.each([true, false])('asks a question only once the answer it waits for is given, and ignores it once not asked (JavaScript: %s)', async (javaScriptEnabled) => {
		const { context, page, problems } = await open(lang, javaScriptEnabled);
		const [surveilled, appsRisky, dangerous, partnerWatched, partnerApps, torRisky] = QUESTIONS as [string, string, string, string, string, string];
		expect(await shownQuestions(page)).toEqual([surveilled, appsRisky, dangerous, torRisky]);
		await answer(page, lang, surveilled, 'no');
		await answer(page, lang, appsRisky, 'no');
		await answer(page, lang, torRisky, 'yes');
		await answer(page, lang, dangerous, 'no');
		await expect(shownPlan(page)).resolves.toMatchObject({ route: 'direct' });
		// Contact dangerous: the partner's questions appear, and the plan waits for them.
		await answer(page, lang, dangerous, 'yes');
		expect(await shownQuestions(page)).toEqual(QUESTIONS);
		await expect(page.locator('[data-pending]').isVisible()).resolves.toBe(true);
		await expect(page.locator('[data-part]:visible').count()).resolves.toBe(0);
		await answer(page, lang, partnerWatched, 'no');
		await answer(page, lang, partnerApps, 'yes');
		const atRisk = await shownPlan(page);
		expect(atRisk).toMatchObject({ route: 'partner', use: ['channel:in-person', 'channel:partner-channels'] });
		expect(atRisk.steps).toContain('partner-at-risk-channel');
		// Secure apps risky for the person: the partner's question on them is no longer asked, and its answer, still
		// checked, counts for nothing: the plan is the one without it.
		await answer(page, lang, appsRisky, 'yes');
		expect(await shownQuestions(page)).toEqual([surveilled, appsRisky, dangerous, partnerWatched, torRisky]);
		await expect(page.locator(`fieldset[data-question="${partnerApps}"] input:checked`).count()).resolves.toBe(1);
		const appsRiskyPlan = await shownPlan(page);
		expect(appsRiskyPlan).toMatchObject({ route: 'partner', use: ['channel:in-person', 'channel:partner-channels'] });
		expect(appsRiskyPlan.steps).toContain('partner-own-channel');
		expect(appsRiskyPlan.steps).not.toContain('partner-at-risk-channel');
		// Contact not dangerous: neither partner question is asked, and the plan needs no answer to them.
		await answer(page, lang, dangerous, 'no');
		expect(await shownQuestions(page)).toEqual([surveilled, appsRisky, dangerous, torRisky]);
		await expect(shownPlan(page)).resolves.toMatchObject({ route: 'direct', use: ['tool:whatsapp'] });
		if (javaScriptEnabled) {
			await page.getByRole('button', { name: LABELS[lang].share }).click();
			await expect(page.locator('[data-share-output] input').inputValue()).resolves.toBe(`${site.url}/${lang}/risk-check/#answers=surveilled:no,secure-apps-risky:yes,direct-contact-dangerous:no,anonymity-tools-risky:yes`);
		}
		expect(problems).toEqual([]);
		await context.close();
	});
});
