/**
 * How the risk check's plan reads at a glance, in real Chromium: Avoid does not look like Use, in
 * colour or without it, at phone and desktop width, in English and Arabic, light and dark; a
 * changed answer says so near the answers; a link to the answers opens at the plan; and printing
 * the page prints the answers chosen and the plan, not the form. Also writes screenshots of the
 * plan to test-results/screens/ (not committed), to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';
import { DIST, ROOT } from '../helpers/project';
import { readPdf, squash } from '../helpers/pdf';
import { answer, answerAll, LABELS, shownPlan, type Lang } from '../helpers/risk-check';

const site = useBuiltSite();
const SCREENS = join(ROOT, 'test-results', 'screens');
const VIEWPORTS = [
	{ width: 390, height: 844 },
	{ width: 1280, height: 800 },
];
/** Watched, and secure apps illegal: a plan that has both a Use and an Avoid list. */
const BOTH = ['yes', 'yes', 'no', 'no'] as const;
const UPDATED = { en: 'Plan updated:', ar: 'تغيّرت الخطة:' };

/**
 * The look of the plan's Use and Avoid lists as shown: their headings' colour and mark, each
 * item's mark, and how the names in them are drawn.
 */
function planLook(page: Page) {
	return page.evaluate(() => {
		const visible = (el: Element) => (el as HTMLElement).checkVisibility();
		const plan = document.querySelector('.plan')!;
		const useList = plan.querySelector('ul.use')!;
		const useHeading = useList.previousElementSibling!;
		const avoidHeading = [...plan.querySelectorAll('.avoid-heading')].find(visible)!;
		const mark = (el: Element) => {
			const before = getComputedStyle(el, '::before');
			return { content: before.content, border: parseFloat(before.borderTopWidth) };
		};
		const names = (selector: string) =>
			[...plan.querySelectorAll(`${selector} > li`)]
				.filter(visible)
				.flatMap((li) => [...li.querySelectorAll(':scope > a')])
				.map((a) => {
					const style = getComputedStyle(a);
					return { color: style.color, decoration: `${style.textDecorationLine} ${style.textDecorationStyle}` };
				});
		return {
			headingColour: { use: getComputedStyle(useHeading).color, avoid: getComputedStyle(avoidHeading).color },
			headingMark: { use: mark(useHeading), avoid: mark(avoidHeading) },
			itemMarks: {
				use: [...useList.querySelectorAll(':scope > li')].filter(visible).map(mark),
				avoid: [...plan.querySelectorAll('ul.avoid > li')].filter(visible).map(mark),
			},
			names: { use: names('ul.use'), avoid: names('ul.avoid') },
		};
	});
}

/** Asserts that Avoid differs from Use in more than colour, as planLook read them. */
function expectAvoidUnlikeUse(look: Awaited<ReturnType<typeof planLook>>) {
	expect(look.headingColour.avoid).not.toBe(look.headingColour.use);
	// A crossed circle before the heading and before every avoided item; nothing before Use's.
	expect(look.headingMark.avoid.content).toContain('×');
	expect(look.headingMark.avoid.border).toBeGreaterThan(0);
	expect(look.headingMark.use.content).toMatch(/^(none|normal)$/);
	expect(look.itemMarks.avoid.length).toBeGreaterThan(0);
	for (const item of look.itemMarks.avoid) expect(item.content).toContain('×');
	expect(look.itemMarks.use.length).toBeGreaterThan(0);
	for (const item of look.itemMarks.use) expect(item.content).toMatch(/^(none|normal)$/);
	// Avoided names are not drawn as the links Use invites to follow.
	expect(look.names.use.length).toBeGreaterThan(0);
	expect(look.names.avoid.length).toBeGreaterThan(0);
	for (const avoided of look.names.avoid) {
		for (const used of look.names.use) {
			expect(avoided.color).not.toBe(used.color);
			expect(avoided.decoration).not.toBe(used.decoration);
		}
	}
}

describe.each(['en', 'ar'] as const)('the plan in %s', (lang: Lang) => {
	const shots = VIEWPORTS.flatMap((viewport) => (['light', 'dark'] as const).map((colorScheme) => [`${viewport.width} px, ${colorScheme}`, viewport, colorScheme] as const));

	test.each(shots)('marks Avoid apart from Use in more than colour, %s', async (_, viewport, colorScheme) => {
		const context = await site.browser.newContext({ viewport, colorScheme });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.url}/${lang}/risk-check/`);
		await answerAll(page, lang, BOTH);
		await shownPlan(page);
		expectAvoidUnlikeUse(await planLook(page));
		// Screen readers hear "Avoid" from the heading, not the mark before each item.
		const spoken = await page.locator('.plan ul.avoid').ariaSnapshot();
		expect(spoken).not.toContain('×');
		expect(spoken).toMatch(/link/);
		mkdirSync(SCREENS, { recursive: true });
		await page.locator('.plan').screenshot({ path: join(SCREENS, `plan-${lang}-${viewport.width}-${colorScheme}.png`) });
		expect(problems).toEqual([]);
		await context.close();
	});

	test('marks Avoid apart from Use in the single-file guide, on a phone, light and dark', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const context = await site.browser.newContext({ viewport: VIEWPORTS[0], colorScheme });
			const page = await context.newPage();
			await page.goto(pathToFileURL(join(DIST, 'downloads', `guide-${lang}.html`)).href);
			await answerAll(page, lang, BOTH);
			await shownPlan(page);
			expectAvoidUnlikeUse(await planLook(page));
			await context.close();
		}
	});

	test.each(VIEWPORTS)('shows a line leading to the plan after a changed answer, $width px', async (viewport) => {
		const context = await site.browser.newContext({ viewport });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.url}/${lang}/risk-check/`);
		const length = await page.evaluate(() => history.length);
		const updated = page.locator('[data-updated]');
		await answerAll(page, lang, BOTH);
		// The last answer moved to the plan: no line is needed.
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-heading');
		await expect(updated.isVisible()).resolves.toBe(false);

		// Back at the first questions, a changed answer changes the plan out of view.
		await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
		await answer(page, lang, 'secure-apps-risky', 'no');
		await expect(shownPlan(page)).resolves.toMatchObject({ headline: 'secure-apps' });
		await expect.poll(() => updated.isVisible()).toBe(true);
		const box = (await updated.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
		expect(await page.evaluate(() => document.querySelector('#plan-heading')!.getBoundingClientRect().top)).toBeGreaterThan(viewport.height);
		await expect(page.locator('[data-announce]').textContent()).resolves.toMatch(new RegExp(`^${UPDATED[lang]} \\S`));
		await expect(updated.textContent()).resolves.toContain(UPDATED[lang]);
		mkdirSync(SCREENS, { recursive: true });
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await page.screenshot({ path: join(SCREENS, `plan-updated-${lang}-${viewport.width}-${colorScheme}.png`) });
		}

		// Its link leads to the plan, leaving the address and the history as they were.
		await updated.getByRole('link').click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-heading');
		await expect.poll(() => page.evaluate(() => Math.round(document.querySelector('#plan-heading')!.getBoundingClientRect().top))).toBeLessThan(viewport.height / 2);
		await expect(updated.isVisible()).resolves.toBe(false);
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/`);
		await expect(page.evaluate(() => history.length)).resolves.toBe(length);

		// Clearing the answers takes the line away.
		await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
		await answer(page, lang, 'secure-apps-risky', 'yes');
		await expect.poll(() => updated.isVisible()).toBe(true);
		await page.getByRole('button', { name: LABELS[lang].clear }).click();
		await expect(updated.isVisible()).resolves.toBe(false);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('shows no such line without JavaScript', async () => {
		const context = await site.browser.newContext({ viewport: VIEWPORTS[0], javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.url}/${lang}/risk-check/`);
		await answerAll(page, lang, BOTH);
		await answer(page, lang, 'secure-apps-risky', 'no');
		await expect(shownPlan(page)).resolves.toMatchObject({ headline: 'secure-apps' });
		await expect(page.locator('[data-updated]').isVisible()).resolves.toBe(false);
		await context.close();
	});

	test.each(VIEWPORTS)('opens a link to the answers at the plan, $width px', async (viewport) => {
		const context = await site.browser.newContext({ viewport });
		const page = await context.newPage();
		await page.goto(`${site.url}/${lang}/risk-check/#answers=surveilled:no,secure-apps-risky:no,direct-contact-dangerous:no,anonymity-tools-risky:no`);
		await expect(shownPlan(page)).resolves.toMatchObject({ headline: 'secure-apps' });
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-heading');
		await expect.poll(() => page.evaluate(() => Math.round(document.querySelector('#plan-heading')!.getBoundingClientRect().top))).toBeLessThan(viewport.height / 3);
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
		await expect(page.locator('[data-updated]').isVisible()).resolves.toBe(false);
		expect(page.url()).toBe(`${site.url}/${lang}/risk-check/`);
		await context.close();
	});

	test('prints the answers chosen and the plan on the first page, without buttons or help texts', async () => {
		const context = await site.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${site.url}/${lang}/risk-check/`);
		await answerAll(page, lang, BOTH);
		await shownPlan(page);
		const texts = await page.evaluate(() => ({
			help: document.querySelector('.help')!.textContent!.trim(),
			privacy: document.querySelector('.privacy')!.textContent!.trim(),
			avoid: [...document.querySelectorAll('.avoid-heading')].find((e) => (e as HTMLElement).checkVisibility())!.textContent!.trim(),
		}));
		const pdf = join(ROOT, 'test-results', `risk-check-print-${lang}.pdf`);
		mkdirSync(join(ROOT, 'test-results'), { recursive: true });
		await page.emulateMedia({ media: 'print' });
		await page.pdf({ path: pdf, format: 'A4' });
		const { pages } = await readPdf(pdf);
		const first = squash(pages[0]!.actualText);
		// The plan, with its Avoid list, starts on the first page.
		expect(first).toContain(squash(LABELS[lang].plan));
		expect(first).toContain(squash(texts.avoid));
		// The answers chosen, one each; no other answer, button or help text.
		const all = squash(pages.map((p) => p.actualText).join(''));
		expect(all).not.toContain(squash(texts.help));
		expect(all).not.toContain(squash(texts.privacy));
		expect(all).not.toContain(squash(LABELS[lang].clear));
		expect(await page.locator('fieldset .choices label:visible').count()).toBe(4);
		expect(await page.locator('button:visible').count()).toBe(0);
		await context.close();
	});
});
