/**
 * The scenario sequencer in real Chromium: walked to its end in English and Arabic, read
 * without JavaScript, printed, and opened from the risk selector with the answers applied.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';
import { siteData } from '../helpers/site';

const site = useBuiltSite();
const scenarios = siteData().scenarios;


const LABELS = {
	en: { next: 'Next step', back: 'Previous step', done: 'Done', progress: (n: number, total: number) => `Step ${n} of ${total}`, finished: 'This is the last step.' },
	ar: { next: 'الخطوة التالية', back: 'الخطوة السابقة', done: 'تم', progress: (n: number, total: number) => `الخطوة ${n} من ${total}`, finished: 'هذه هي الخطوة الأخيرة.' },
};

const visibleSteps = (page: Page) => page.locator('scenario-sequencer li[data-step]:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.step));

describe.each(['en', 'ar'] as const)('the sequencer in %s', (lang) => {
	test('walks the direct-contact scenario to its end, one step at a time, with the keyboard', async () => {
		const page = await site.browser.newPage();
		const problems = watch(page);
		await page.goto(`${site.url}/${lang}/scenarios/direct-contact/`);
		const steps = scenarios.find((s) => s.id === 'direct-contact')!.steps.map((s) => s.id);
		const labels = LABELS[lang];
		const next = page.getByRole('button', { name: labels.next });
		for (const [i, id] of steps.entries()) {
			await expect(visibleSteps(page)).resolves.toEqual([id]);
			await expect(page.locator('[data-progress]').textContent()).resolves.toBe(labels.progress(i + 1, steps.length));
			if (i < steps.length - 1) {
				await next.focus();
				await page.keyboard.press('Enter');
			}
		}
		await expect(next.isDisabled()).resolves.toBe(true);
		await expect(page.locator('[data-finished]').textContent()).resolves.toBe(labels.finished);
		// Marking the last step done is kept in the page only.
		await page.locator('li[data-step="delete-channels"]').getByRole('checkbox', { name: labels.done }).check();
		await expect(page.locator('li[data-step="delete-channels"]').getAttribute('data-done')).resolves.toBe('');
		await page.getByRole('button', { name: labels.back }).click();
		await expect(visibleSteps(page)).resolves.toEqual([steps.at(-2)]);
		// Ticking "Done" marks the step and stays on it, with the focus on the tick box: "Next" then shows the following step.
		const box = page.locator(`li[data-step="${steps.at(-2)}"]`).getByRole('checkbox', { name: labels.done });
		await box.check();
		await expect(visibleSteps(page)).resolves.toEqual([steps.at(-2)]);
		await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await next.click();
		await expect(visibleSteps(page)).resolves.toEqual([steps.at(-1)]);
		// With every step shown, the step buttons and the count are gone, not greyed.
		await page.getByRole('button', { name: lang === 'en' ? 'Show all steps' : 'اعرض كل الخطوات' }).click();
		await expect(visibleSteps(page)).resolves.toEqual(steps);
		await expect(next.isVisible()).resolves.toBe(false);
		await expect(page.getByRole('button', { name: labels.back }).isVisible()).resolves.toBe(false);
		await expect(page.locator('[data-progress]').isVisible()).resolves.toBe(false);
		expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe('the sequencer without JavaScript and on paper', () => {
	test.each(scenarios.map((s) => [s.id, s.steps.map((step) => step.id)] as const))('shows every step of %s, every branch included', async (id, steps) => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.url}/en/scenarios/${id}/`);
		await expect(visibleSteps(page)).resolves.toEqual(steps);
		await expect(page.locator('scenario-sequencer .controls').isHidden()).resolves.toBe(true);
		await context.close();
	});

	test('prints every step with a tick box, and no controls, even after stepping through', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}/fr/scenarios/via-partner/`);
		await page.getByRole('button', { name: 'Étape suivante' }).click();
		await page.emulateMedia({ media: 'print' });
		const steps = scenarios.find((s) => s.id === 'via-partner')!.steps.map((s) => s.id);
		await expect(visibleSteps(page)).resolves.toEqual(steps);
		await expect(page.locator('scenario-sequencer li[data-step] input[type=checkbox]:visible').count()).resolves.toBe(steps.length);
		await expect(page.locator('scenario-sequencer .controls').isHidden()).resolves.toBe(true);
		await page.close();
	});
});

describe('the risk selector opens the matching scenario', () => {
	test('with the answers applied, without storing them', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}/en/risk-check/`);
		for (const [q, v] of [['surveilled', 'No'], ['secure-apps-risky', 'Not sure'], ['direct-contact-dangerous', 'No'], ['anonymity-tools-risky', 'No']] as const)
			await page.locator(`fieldset[data-question="${q}"]`).getByRole('radio', { name: v, exact: true }).check();
		const section = page.locator('[data-steps]:visible');
		await expect(section.locator('a[data-scenario]').getAttribute('data-scenario')).resolves.toBe('direct-contact');
		await section.getByRole('button', { name: 'Show all steps' }).click();
		const shown = await section.locator('li[data-step]:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.step));
		expect(shown).toContain('ongoing-whatsapp');
		expect(shown).not.toContain('ongoing-channel');
		expect(shown).not.toContain('protect-meeting-link');
		expect(page.url()).toBe(`${site.url}/en/risk-check/`);
		expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
		await page.close();
	});
});
