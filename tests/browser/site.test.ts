/**
 * The built site in real Chromium, served over HTTP from 127.0.0.1.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { searchSite, useBuiltSite, watch } from '../helpers/browser';
import { siteData } from '../helpers/site';

const site = useBuiltSite();
const data = siteData();


/** Opens a page and records what goes wrong on it. */
async function open(path: string) {
	const page = await site.browser.newPage();
	const problems = watch(page);
	await page.goto(site.url + path);
	return { page, problems };
}

describe('the site in Chromium', () => {
	test('goes from the root to a language, switches language, and finds a tool page by search', async () => {
		const { page, problems } = await open('/');
		await page.getByRole('link', { name: /Español/ }).click();
		await page.waitForURL(/\/es\/$/);
		expect(await page.locator('html').getAttribute('lang')).toBe('es');

		// Starlight's language picker: choose Arabic and land on the same page in Arabic.
		await page.getByRole('combobox', { name: /idioma/i }).first().selectOption({ label: 'العربية' });
		await page.waitForURL(/\/ar\/$/);
		expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

		const found = await searchSite(page, 'Signal');
		expect(found).toContain('/ar/tools/signal/');
		await page.locator('.pagefind-ui__result-link[href$="/ar/tools/signal/"]').first().click();
		await page.waitForURL(/\/ar\/tools\/signal\/$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Signal');
		expect(problems).toEqual([]);
	});

	test('finds every tool by its name in every language, only among that language’s pages', async () => {
		for (const language of data.languages) {
			const { page, problems } = await open(`/${language.id}/`);
			for (const tool of data.tools.filter((t) => ['signal', 'proton-mail', 'tor-browser', 'keepassxc'].includes(t.id))) {
				// A string, so that the test runner does not rewrite the dynamic import meant for the page.
				const found: string[] = await page.evaluate(`(async () => {
					const pagefind = await import('/pagefind/pagefind.js');
					const { results } = await pagefind.search(${JSON.stringify(tool.name)});
					return Promise.all(results.slice(0, 5).map(async (r) => (await r.data()).url));
				})()`);
				expect(found, `${language.id}: ${tool.name}`).toContain(`/${language.id}/tools/${tool.id}/`);
				expect(found.every((url) => url.startsWith(`/${language.id}/`)), found.join(' ')).toBe(true);
			}
			expect(problems).toEqual([]);
			await page.close();
		}
	});

	test('keeps the Arabic layout right to left', async () => {
		const { page } = await open('/ar/tools/signal/');
		const [content, sidebar] = await Promise.all([
			page.locator('main h1').boundingBox(),
			page.locator('#starlight__sidebar').boundingBox(),
		]);
		expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
		// On a wide screen the sidebar stands on the right of the text in a right-to-left page.
		expect(sidebar!.x).toBeGreaterThan(content!.x);
	});
});
