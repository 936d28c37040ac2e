/**
 * The risk selector in real Chromium: with JavaScript in English and Arabic, and without it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';

const site = useBuiltSite();


const LABELS = {
	en: { yes: 'Yes', no: 'No', unsure: 'Not sure', clear: 'Clear answers', share: 'Make a link to these answers' },
	ar: { yes: 'نعم', no: 'لا', unsure: 'لست متأكدًا', clear: 'امسح الإجابات', share: 'أنشئ رابطًا لهذه الإجابات' },
};
type Lang = keyof typeof LABELS;

/** Answers the question whose fieldset is marked with `id`, by clicking the labelled radio button. */
async function answer(page: Page, lang: Lang, id: string, value: 'yes' | 'no' | 'unsure') {
	await page.locator(`fieldset[data-question="${id}"]`).getByRole('radio', { name: LABELS[lang][value], exact: true }).check();
}

/** The ids of the tools and channels shown in the visible outcome, per group. */
async function visibleOutcome(page: Page) {
	const outcome = page.locator('[data-outcome]:visible');
	await expect(outcome.count()).resolves.toBe(1);
	const items = (group: string) => outcome.locator(`.rule:visible .${group} [data-item]`).evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.item!))].sort());
	return {
		route: await outcome.locator('.risk-outcome').getAttribute('data-route'),
		use: await items('use'),
		avoid: await items('avoid'),
		scenario: await outcome.locator('[data-scenario]:visible').getAttribute('data-scenario'),
	};
}

async function storageAndCookies(page: Page) {
	return {
		local: await page.evaluate(() => localStorage.length),
		session: await page.evaluate(() => sessionStorage.length),
		cookies: (await page.context().cookies()).length,
	};
}

describe.each(['en', 'ar'] as const)('the risk selector in %s, with JavaScript', (lang) => {
	test('shows the outcome with its reasons, keeps nothing, and clears', async () => {
		const context = await site.browser.newContext();
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.url}/${lang}/risk-check/`);
		expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
		await expect(page.locator('[data-static]').isHidden()).resolves.toBe(true);
		await expect(page.locator('[data-pending]').isVisible()).resolves.toBe(true);

		await answer(page, lang, 'surveilled', 'unsure');
		await answer(page, lang, 'secure-apps-risky', 'yes');
		await answer(page, lang, 'direct-contact-dangerous', 'no');
		await answer(page, lang, 'anonymity-tools-risky', 'no');

		// Watched (not sure counts as yes), secure apps risky, direct contact safe: partner meetings, WhatsApp as fallback.
		await expect(visibleOutcome(page)).resolves.toEqual({
			route: 'partner',
			use: ['tool:whatsapp'],
			avoid: ['channel:facebook', 'channel:ordinary-email', 'channel:phone', 'channel:skype', 'channel:sms', 'tool:signal', 'tool:wire'],
			scenario: 'via-partner',
		});
		// The reason names the answer, and says the reader was not sure.
		const readAs = page.locator('[data-outcome]:visible [data-rule="avoid-open-channels"] [data-question="surveilled"]');
		await expect(readAs.textContent()).resolves.toContain(`(${lang === 'en' ? 'you were not sure, so this counts as “Yes”' : 'لم تكن متأكدًا، لذا تُحتسب الإجابة «نعم»'})`);
		// A tool recommendation links to the tool's page in the same language.
		await expect(page.locator('[data-outcome]:visible .rule:visible .use a').first().getAttribute('href')).resolves.toBe(`/${lang}/tools/whatsapp/`);
		await expect(page.locator('[data-announce]').textContent()).resolves.toMatch(lang === 'en' ? /^What to do: Go through a partner/ : /^ما العمل: تواصل عبر منظمة شريكة/);

		// Nothing was stored and the address did not change.
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/`);
		await expect(storageAndCookies(page)).resolves.toEqual({ local: 0, session: 0, cookies: 0 });

		await page.getByRole('button', { name: LABELS[lang].clear }).click();
		await expect(page.locator('[data-outcome]:visible').count()).resolves.toBe(0);
		await expect(page.locator('input[type=radio]:checked').count()).resolves.toBe(0);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('puts the answers in the address only when asked, after #, and reads them back', async () => {
		const context = await site.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${site.url}/${lang}/risk-check/`);
		for (const id of ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky']) await answer(page, lang, id, 'no');
		expect(page.url()).not.toContain('#');
		await page.getByRole('button', { name: LABELS[lang].share }).click();
		const link = await page.locator('[data-share-output] input').inputValue();
		expect(link).toBe(`${site.url}/${lang}/risk-check/#answers=no,no,no,no`);

		const second = await context.newPage();
		await second.goto(link);
		await expect(visibleOutcome(second)).resolves.toMatchObject({ route: 'direct', use: ['tool:jitsi-meet', 'tool:proton-mail', 'tool:signal', 'tool:wire'], scenario: 'direct-contact' });
		await context.close();
	});

	test('can be used with the keyboard alone', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}/${lang}/risk-check/`);
		await page.locator('fieldset[data-question="surveilled"] input').first().focus();
		// Arrow keys move between the answers of one question; Tab goes to the next question.
		await page.keyboard.press('Space');
		await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
		for (const _ of [1, 2, 3]) {
			await page.keyboard.press('Tab');
			await page.keyboard.press('Space');
			await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
		}
		// Every question answered "No" by moving from "Yes" to the next answer.
		await expect(page.locator('input[type=radio][value=no]:checked').count()).resolves.toBe(4);
		await expect(visibleOutcome(page)).resolves.toMatchObject({ route: 'direct', scenario: 'direct-contact' });
		await page.close();
	});
});

describe.each(['en', 'ar'] as const)('the risk selector in %s, without JavaScript', (lang) => {
	test('reaches an outcome by following plain links, "not sure" included', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.url}/${lang}/risk-check/`);
		await expect(page.locator('form').isHidden()).resolves.toBe(true);
		for (const value of ['unsure', 'yes', 'no', 'no'] as const) {
			await page.locator(`.question a[data-answer="${value}"]`).click();
			await page.waitForLoadState();
		}
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/yes/yes/no/no/`);
		await expect(page.locator('.so-far li').count()).resolves.toBe(4);
		const outcome = page.locator('.risk-outcome');
		await expect(outcome.getAttribute('data-route')).resolves.toBe('partner');
		await expect(outcome.locator('.use [data-item]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item))).resolves.toEqual(['tool:whatsapp']);
		await expect(outcome.locator('[data-scenario]').getAttribute('href')).resolves.toBe(`/${lang}/scenarios/via-partner/`);
		expect(problems).toEqual([]);
		await context.close();
	});
});
