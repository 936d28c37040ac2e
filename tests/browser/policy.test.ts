/**
 * The Content-Security-Policy holds in a real browser, and nothing about the reader is kept:
 * every page type in every language, with its islands and search used, in Chromium.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { searchSite, useBuiltSite, watch, watchPolicy } from '../helpers/browser';
import { PAGE_TYPES, siteData } from '../helpers/site';

const site = useBuiltSite();
const languages = siteData().languages.map((l) => l.id);

/** What the browser keeps for the site: cookies, and both storages of every origin visited. */
async function kept(context: BrowserContext, page: Page) {
	const { cookies, origins } = await context.storageState();
	const session = await page.evaluate(() => Object.keys(sessionStorage));
	return { cookies: cookies.map((c) => c.name), local: origins.flatMap((o) => o.localStorage.map((i) => i.name)), session };
}

describe('the Content-Security-Policy', () => {
	test('catches an inline script it was not given the hash of', async () => {
		const page = await site.browser.newPage();
		const violations = await watchPolicy(page);
		await page.route(`${site.url}/en/`, async (route) => {
			const response = await route.fetch();
			route.fulfill({ response, body: (await response.text()).replace('</body>', '<script>document.title = "changed";</script></body>') });
		});
		await page.goto(`${site.url}/en/`);
		await expect.poll(violations).toEqual([expect.stringContaining('script-src')]);
		expect(await page.title()).not.toBe('changed');
		await page.close();
	});

	test.each(languages)('blocks nothing the %s pages need, with their islands and search in use', async (lang) => {
		const page = await site.browser.newPage();
		const problems = watch(page);
		const violations = await watchPolicy(page);
		for (const path of ['/', ...PAGE_TYPES.map((p) => `/${lang}/${p}`)]) {
			const response = await page.goto(`${site.url}${path}`);
			expect(response?.status(), path).toBe(200);
			expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), path).toBe(1);
			expect(await violations(), path).toEqual([]);
		}
		// Search: Pagefind loads its WebAssembly and worker under the policy.
		await page.goto(`${site.url}/${lang}/tools/signal/`);
		expect(await searchSite(page, 'Signal')).not.toEqual([]);
		// The risk selector and the sequencer, driven.
		await page.goto(`${site.url}/${lang}/risk-check/`);
		await page.locator('risk-selector input[type="radio"]').first().check();
		await page.goto(`${site.url}/${lang}/scenarios/direct-contact/`);
		await page.locator('scenario-sequencer button[data-next]').click();
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe('nothing about the reader is kept', () => {
	test.each(languages)('no cookie, localStorage or sessionStorage after reading %s pages, using the sidebar, search and islands', async (lang) => {
		const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		for (const path of PAGE_TYPES) await page.goto(`${site.url}/${lang}/${path}`);
		// Fold a sidebar group, scroll the sidebar, then leave the page: the stock sidebar stored its state here.
		await page.goto(`${site.url}/${lang}/tools/signal/`);
		await page.locator('#starlight__sidebar details summary').first().click();
		await page.locator('#starlight__sidebar').evaluate((el) => el.scrollBy(0, 200));
		expect(await searchSite(page, 'Tor')).not.toEqual([]);
		await page.keyboard.press('Escape');
		await page.goto(`${site.url}/${lang}/risk-check/`);
		await page.locator('risk-selector input[type="radio"]').first().check();
		await page.goto(`${site.url}/${lang}/scenarios/via-partner/`);
		await page.locator('scenario-sequencer button[data-next]').click();
		await page.goto(`${site.url}/${lang}/resources/`);
		expect(await kept(context, page)).toEqual({ cookies: [], local: [], session: [] });
		await context.close();
	});

	test('a theme is kept only once the reader picks one', async () => {
		const context = await site.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${site.url}/en/tools/signal/`);
		expect((await kept(context, page)).local).toEqual([]);
		await page.locator('starlight-theme-select select').first().selectOption('light');
		expect((await kept(context, page)).local).toEqual(['starlight-theme']);
		await context.close();
	});
});
