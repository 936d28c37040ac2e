/**
 * The second guide's search in real Chromium, in English and Persian: Pagefind's index of its own
 * pages, and where WebAssembly is off (as in Tor Browser from its "Safer" level), the index that
 * needs none (dist/search/<lang>.js).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watch } from '../helpers/browser';
import { useFixtureSite, type Lang } from './site';

const site = useFixtureSite();

/** Words of each language's pages, and a page each must find there. */
const QUERIES: { lang: Lang; query: string; page: string }[] = [
	{ lang: 'en', query: 'Dangerzone', page: '/en/tools/dangerzone/' },
	{ lang: 'en', query: 'metadata', page: '/en/tools/mat2/' },
	{ lang: 'fa', query: 'Dangerzone', page: '/fa/tools/dangerzone/' },
	// "metadata" in Persian, a word of the Persian pages only.
	{ lang: 'fa', query: 'فراداده', page: '/fa/tools/mat2/' },
];

/** Opens the search box of a page, types the query and returns the addresses of the results. */
async function search(page: Page, query: string): Promise<string[]> {
	await page.locator('site-search button[data-open-modal]').first().click();
	const dialog = page.locator('dialog[open]');
	await dialog.locator('.pagefind-ui__search-input').fill(query);
	const links = dialog.locator('.pagefind-ui__result-link');
	await links.first().waitFor();
	return links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).pathname));
}

describe.each([
	['with Pagefind', true],
	['without WebAssembly, with the index that needs none', false],
] as const)('the second guide’s search, %s', (_, wasm) => {
	test.each(QUERIES)('finds $page for “$query”, and only pages of its language', async ({ lang, query, page: expected }) => {
		const context = await site.browser.newContext();
		// As Tor Browser's "Safer" level: no WebAssembly, so Pagefind cannot start.
		if (!wasm) await context.addInitScript(() => Reflect.deleteProperty(globalThis, 'WebAssembly'));
		const page = await context.newPage();
		const problems = watch(page);
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname));
		await page.goto(`${site.url}/${lang}/`);
		expect(await page.evaluate(() => typeof WebAssembly)).toBe(wasm ? 'object' : 'undefined');
		const found = await search(page, query);
		expect(found).toContain(expected);
		expect(found.filter((url) => !url.startsWith(`/${lang}/`))).toEqual([]);
		// Which index answered.
		expect(requests.some((p) => p.startsWith('/pagefind/'))).toBe(wasm);
		expect(requests.includes(`/search/${lang}.js`)).toBe(!wasm);
		expect(problems).toEqual([]);
		await context.close();
	});
});
