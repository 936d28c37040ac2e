/**
 * Leaving quickly, and reading on a phone, in real Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';
import { siteData } from '../helpers/site';

const site = useBuiltSite();
const languages = siteData().languages;

/** A tab whose history starts on a neutral page, then the guide; the neutral site answers locally. */
async function guideTab(path: string) {
	const page = await site.browser.newPage();
	await page.route(/^https:\/\/[a-z]+\.wikipedia\.org\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>neutral</title>' }));
	await page.goto(`${site.url}/`);
	await page.goto(`${site.url}${path}`);
	return page;
}

async function historyAfterBack(page: Page) {
	await page.goBack();
	return page.url();
}

describe('the quick exit', () => {
	test.each(languages.map((l) => [l.id, l.quickExit] as const))('leaves the %s guide for its neutral site, and Back does not return to the page', async (lang, target) => {
		const page = await guideTab(`/${lang}/tools/signal/`);
		const button = page.locator('a[data-quick-exit]');
		await expect(button.isVisible()).resolves.toBe(true);
		await button.click();
		await page.waitForURL(target);
		// location.replace: the guide page is gone from history; Back leads to the page before it.
		expect(await historyAfterBack(page)).toBe(`${site.url}/`);
		await page.close();
	});

	test('leaves when Escape is pressed twice', async () => {
		const page = await guideTab('/en/risk-check/');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page.waitForURL('https://en.wikipedia.org/');
		expect(await historyAfterBack(page)).toBe(`${site.url}/`);
		await page.close();
	});

	test('is still a link that leaves without JavaScript', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.route(/wikipedia\.org/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: 'neutral' }));
		await page.goto(`${site.url}/fr/`);
		await page.locator('a[data-quick-exit]').click();
		await page.waitForURL('https://fr.wikipedia.org/');
		await context.close();
	});
});

describe('on a phone', () => {
	test.each(languages.map((l) => l.id))('no %s page is wider than the screen', async (lang) => {
		const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
		const problems = watch(page);
		for (const path of ['', 'tools/signal/', 'tools/', 'risk-check/', 'scenarios/direct-contact/', 'practices/passwords/', 'downloads/', 'risk-assessment/']) {
			await page.goto(`${site.url}/${lang}/${path}`);
			const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
			expect(scroll, `${lang}/${path}`).toBeLessThanOrEqual(width);
		}
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe('without JavaScript', () => {
	test.each(languages.map((l) => l.id))('search gives way to a list of every %s page', async (lang) => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.url}/${lang}/tools/signal/`);
		await page.locator('a.all-pages').first().click();
		await page.waitForURL(`${site.url}/${lang}/all-pages/`);
		const links = await page.locator('main a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname));
		for (const slug of ['tools/signal/', 'practices/passwords/', 'scenarios/clean-up/', 'risk-check/']) expect(links).toContain(`/${lang}/${slug}`);
		await context.close();
	});
});
