/**
 * The scenario sequencer in real Chromium: walked to its end in English and Arabic (alternatives
 * counted once), read without JavaScript, printed, back to one step at a time from the full list,
 * and opened from the risk selector with the answers applied.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';
import { siteData } from '../helpers/site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/project';
import { stepGroups, toSequences } from '../../src/plan/scenario';

const site = useBuiltSite();
const scenarios = siteData().scenarios;
/** Each scenario's steps as the reader counts them: the ids of each step, alternatives together. */
const groupsOf = (id: string) => stepGroups(toSequences(scenarios).find((s) => s.id === id)!.steps).map((group) => group.map((step) => step.id));
/** The list item of a step: one step, or alternatives shown as one. */
const item = (ids: readonly string[]) => (ids.length === 1 ? `li[data-step="${ids[0]}"]` : `li[data-choices="${ids.join(' ')}"]`);


const LABELS = {
	en: { next: 'Next step', back: 'Previous step', done: 'Done', progress: (n: number, total: number) => `Step ${n} of ${total}`, finished: 'This is the last step.' },
	ar: { next: 'الخطوة التالية', back: 'الخطوة السابقة', done: 'تم', progress: (n: number, total: number) => `الخطوة ${n} من ${total}`, finished: 'هذه هي الخطوة الأخيرة.' },
};

/** The steps shown, alternatives included, in order. */
const visibleSteps = (page: Page) => page.locator('scenario-sequencer [data-step]:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.step));

describe.each(['en', 'ar'] as const)('the sequencer in %s', (lang) => {
	test('walks the direct-contact scenario to its end, one step at a time, with the keyboard', async () => {
		const page = await site.browser.newPage();
		const problems = watch(page);
		await page.goto(`${site.url}/${lang}/scenarios/direct-contact/`);
		const groups = groupsOf('direct-contact');
		const steps = groups.flat();
		// The guide's first step has two alternatives: they make one step, and the count counts it once.
		expect(groups[0]!.length).toBeGreaterThan(1);
		const labels = LABELS[lang];
		const next = page.getByRole('button', { name: labels.next });
		for (const [i, ids] of groups.entries()) {
			await expect(visibleSteps(page)).resolves.toEqual(ids);
			await expect(page.locator('[data-progress]').textContent()).resolves.toBe(labels.progress(i + 1, groups.length));
			if (i < groups.length - 1) {
				await next.focus();
				await page.keyboard.press('Enter');
			}
		}
		await expect(next.isDisabled()).resolves.toBe(true);
		await expect(page.locator('[data-finished]').textContent()).resolves.toBe(labels.finished);
		// Marking the last step done is kept in the page only.
		const last = page.locator(item(groups.at(-1)!));
		await last.getByRole('checkbox', { name: labels.done }).check();
		await expect(last.getAttribute('data-done')).resolves.toBe('');
		await page.getByRole('button', { name: labels.back }).click();
		await expect(visibleSteps(page)).resolves.toEqual(groups.at(-2));
		// Ticking "Done" marks the step and stays on it, with the focus on the tick box: "Next" then shows the following step.
		const box = page.locator(item(groups.at(-2)!)).getByRole('checkbox', { name: labels.done });
		await box.check();
		await expect(visibleSteps(page)).resolves.toEqual(groups.at(-2));
		await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await next.click();
		await expect(visibleSteps(page)).resolves.toEqual(groups.at(-1));
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

describe.each(['en', 'ar'] as const)('back to one step at a time in %s, on a phone', (lang) => {
	test('"Show all steps" then "One step at a time" leaves the reader at the current step, focused', async () => {
		const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
		await page.goto(`${site.url}/${lang}/scenarios/direct-contact/`);
		const groups = groupsOf('direct-contact');
		const next = page.getByRole('button', { name: LABELS[lang].next });
		for (let i = 0; i < 3; i++) await next.click();
		const current = page.locator(item(groups[3]!));
		const toggle = page.locator('scenario-sequencer [data-toggle]');
		await toggle.click();
		await expect(visibleSteps(page)).resolves.toEqual(groups.flat());
		// Read down to the end of the full list, as a reader would, then back to one step at a time.
		await toggle.scrollIntoViewIfNeeded();
		await toggle.click();
		await expect(visibleSteps(page)).resolves.toEqual(groups[3]);
		await expect(page.locator('[data-progress]').textContent()).resolves.toBe(LABELS[lang].progress(4, groups.length));
		const box = await current.boundingBox();
		expect(box).not.toBeNull();
		// The step is on screen, below the fixed header, and has the focus.
		const header = await page.locator('header.header').boundingBox();
		expect(box!.y).toBeGreaterThanOrEqual(header ? header.y + header.height - 1 : 0);
		expect(box!.y).toBeLessThan(844);
		await expect(current.evaluate((li) => li.contains(document.activeElement) && document.activeElement!.classList.contains('body'))).resolves.toBe(true);
		await page.close();
	});
});

describe('the sequencer without JavaScript and on paper', () => {
	test.each(['en', 'ar'].flatMap((lang) => scenarios.map((s) => [s.id, lang, s.steps.map((step) => step.id)] as const)))('shows every step of %s in %s, every branch included', async (id, lang, steps) => {
		const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(`${site.url}/${lang}/scenarios/${id}/`);
		const ui = (key: string) => JSON.parse(readFileSync(join(ROOT, `content/i18n/${lang}.json`), 'utf8'))[key] as string;
		const label = (key: string) => ui('format.label').replace('{{label}}', ui(key));
		await expect(visibleSteps(page)).resolves.toEqual(steps);
		// Alternatives are one item of the list, each with the answers it is for.
		await expect(page.locator('scenario-sequencer ol > li:visible').count()).resolves.toBe(groupsOf(id).length);
		for (const ids of groupsOf(id).filter((g) => g.length > 1))
			for (const [i, step] of ids.entries()) {
				const choice = page.locator(`${item(ids)} [data-step="${step}"]`);
				await expect(choice.isVisible()).resolves.toBe(true);
				const condition = await choice.locator('.if').textContent();
				// The first alternative says for which answers it is; a later one too, or "Otherwise:".
				const withAnswers = condition!.startsWith(`${label('seq.if')} `) && condition!.length > label('seq.if').length + 5;
				expect(i === 0 ? withAnswers : withAnswers || condition === label('seq.otherwise'), condition!).toBe(true);
			}
		await expect(page.locator('scenario-sequencer .controls').isHidden()).resolves.toBe(true);
		await context.close();
	});

	test.each(['en', 'es', 'fr', 'ar'])('in %s, says when to use the steps and what to have ready before the steps, and what if a tool is blocked after', async (lang) => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.url}/${lang}/scenarios/direct-contact/`);
		const order = await page.locator('.sl-markdown-content h2').evaluateAll((els) => els.map((e) => e.id));
		const steps = order.indexOf('steps');
		// "When to use these steps", then the prose's first section ("Before you start"), then the steps, then the rest.
		expect(order[0]).toBe('about');
		expect(steps).toBe(2);
		expect(order.length).toBeGreaterThan(3);
		// The sequencer sits under the "Steps" heading, before the next section.
		await expect(page.locator('h2#steps ~ scenario-sequencer').count()).resolves.toBe(1);
		await expect(page.evaluate(() => !!(document.querySelector('scenario-sequencer')!.compareDocumentPosition(document.querySelectorAll('.sl-markdown-content h2')[3]!) & Node.DOCUMENT_POSITION_FOLLOWING))).resolves.toBe(true);
		await context.close();
	});
	test('prints every step with a tick box, and no controls, even after stepping through', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}/fr/scenarios/via-partner/`);
		await page.getByRole('button', { name: 'Étape suivante' }).click();
		await page.emulateMedia({ media: 'print' });
		const groups = groupsOf('via-partner');
		await expect(visibleSteps(page)).resolves.toEqual(groups.flat());
		// One tick box a step: alternatives share theirs.
		await expect(page.locator('scenario-sequencer ol > li input[type=checkbox]:visible').count()).resolves.toBe(groups.length);
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
