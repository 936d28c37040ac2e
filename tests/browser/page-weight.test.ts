/**
 * The budgets (tests/site/budget.test.ts) count what scripts/bench/page-weight.ts reads from the
 * HTML. Here Chromium shows that a page view fetches exactly that: nothing a script loads by itself
 * later (Pagefind's interface waits until search is opened).
 */
import { describe, expect, test } from 'vitest';
import { pageWeight } from '../../scripts/bench/page-weight.ts';
import { resolveChromium } from '../../src/pdf/browser';
import { DIST } from '../helpers/project';
import { useBuiltSite, watch } from '../helpers/browser';

const site = useBuiltSite();

const PAGES = [
	'index.html',
	'404.html',
	'en/index.html',
	'en/tools/signal/index.html',
	'en/tools/index.html',
	'en/practices/passwords/index.html',
	'en/scenarios/direct-contact/index.html',
	'en/risk-check/index.html',
	'en/downloads/index.html',
	'ar/risk-check/index.html',
	'ar/resources/index.html',
];

/** Same-origin paths a fresh browser fetches for a page, once the network has been idle and idle callbacks have run. */
async function fetched(path: string): Promise<string[]> {
	const context = await site.browser.newContext();
	const page = await context.newPage();
	const problems = watch(page);
	const urls = new Set<string>();
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.origin === site.url) urls.add(url.pathname);
	});
	const response = await page.goto(`${site.url}/${path.replace(/index\.html$/, '')}`, { waitUntil: 'networkidle' });
	expect(response?.status(), path).toBe(200);
	// Idle callbacks, or 2 s: the headless shell that @sparticuz/chromium ships sometimes never runs
	// them on the risk check page (seen in about one run in three), which then hung the test.
	await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300), { timeout: 2000 })));
	await context.close();
	expect(problems, path).toEqual([]);
	return [...urls].sort();
}

describe('a first page view in Chromium', () => {
	test.each(PAGES)('of %s fetches what the budgets count, and nothing more', async (path) => {
		let counted = pageWeight(DIST, path, { brotli: false }).resources.map((r) => r.url).sort();
		// The headless shell that @sparticuz/chromium ships fetches no icon; a browser does.
		if ((await resolveChromium()).kind === 'bundled') counted = counted.filter((url) => !/^\/favicon\.\w+$/.test(url));
		expect(await fetched(path)).toEqual(counted);
	});

	test('loads Pagefind and the styles of its interface only when the reader opens search', async () => {
		const context = await site.browser.newContext();
		const page = await context.newPage();
		const urls: string[] = [];
		page.on('request', (r) => urls.push(new URL(r.url()).pathname));
		await page.goto(`${site.url}/en/tools/signal/`, { waitUntil: 'networkidle' });
		expect(urls.filter((u) => u.includes('pagefind') || u.includes('ui-core') || u.includes('search-ui'))).toEqual([]);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.locator('#starlight__search input').fill('signal');
		await page.locator('.pagefind-ui__result-link').first().waitFor();
		expect(urls.some((u) => u.startsWith('/pagefind/'))).toBe(true);
		expect(urls.some((u) => /^\/_astro\/search-ui\.[\w-]+\.css$/.test(u))).toBe(true);
		await context.close();
	});
});
