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

describe('the home page, the 404 page and Arabic type', () => {
	const viewports = [
		['390 px', { width: 390, height: 844 }],
		['1280 px', { width: 1280, height: 800 }],
	] as const;

	test.each(data.languages.flatMap((l) => viewports.map(([name, viewport]) => [l.id, name, viewport] as const)))(
		'the %s home page leads to the risk check with a link that looks like a button (%s)',
		async (lang, _, viewport) => {
			const context = await site.browser.newContext({ viewport });
			const page = await context.newPage();
			await page.goto(`${site.url}/${lang}/`);
			const action = page.locator('.call-to-action a');
			await expect(action.count()).resolves.toBe(1);
			// A link to the risk check, with the risk check's title as its text.
			const title = await (await context.newPage()).goto(`${site.url}/${lang}/risk-check/`).then((r) => r!.text()).then((html) => /<h1[^>]*>([^<]*)</.exec(html)![1]!.trim());
			await expect(action.evaluate((a) => (a as HTMLAnchorElement).pathname)).resolves.toBe(`/${lang}/risk-check/`);
			expect((await action.textContent())!.trim().toLowerCase()).toBe(title.toLowerCase());
			// Drawn as a button: a filled box at least 44 px high, text not underlined and legible on its fill.
			const look = await action.evaluate((a) => {
				const style = getComputedStyle(a);
				return { background: style.backgroundColor, color: style.color, underline: style.textDecorationLine, height: a.getBoundingClientRect().height, width: a.getBoundingClientRect().width };
			});
			const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
			expect(look.background).not.toBe(body);
			expect(look.color).not.toBe(look.background);
			expect(look.underline).toBe('none');
			expect(look.height).toBeGreaterThanOrEqual(44);
			expect(look.width).toBeLessThanOrEqual(viewport.width);
			await context.close();
		},
	);

	test.each(data.languages.map((l) => l.id))('the %s 404 page says nothing of advice reviewed; the home page does', async (lang) => {
		const { page } = await open(`/${lang}/404/`);
		await expect(page.locator('.reviewed').count()).resolves.toBe(0);
		await page.goto(`${site.url}/${lang}/`);
		await expect(page.locator('.reviewed').count()).resolves.toBe(1);
		await page.close();
	});

	test('Arabic text names Arabic system fonts before the generic family, on Arabic pages and on the site root', async () => {
		const { page } = await open('/ar/');
		const families = (font: string) => font.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, ''));
		for (const font of [await page.evaluate(() => getComputedStyle(document.body).fontFamily), await page.evaluate(() => getComputedStyle(document.querySelector('main p')!).fontFamily)]) {
			const list = families(font);
			for (const name of ['Noto Naskh Arabic', 'Noto Sans Arabic', 'Tahoma']) {
				expect(list, font).toContain(name);
				expect(list.indexOf(name), font).toBeLessThan(list.indexOf('sans-serif'));
			}
		}
		// An English page keeps Starlight's fonts.
		await page.goto(`${site.url}/en/`);
		expect(families(await page.evaluate(() => getComputedStyle(document.body).fontFamily))).not.toContain('Noto Naskh Arabic');
		// The site root: the Arabic entry, not the others.
		await page.goto(`${site.url}/`);
		const rootFont = (lang: string) => page.locator(`main li[lang="${lang}"] strong`).evaluate((e) => getComputedStyle(e).fontFamily);
		const arabic = families(await rootFont('ar'));
		expect(arabic.indexOf('Noto Naskh Arabic')).toBeGreaterThanOrEqual(0);
		expect(arabic.indexOf('Noto Naskh Arabic')).toBeLessThan(arabic.indexOf('sans-serif'));
		expect(families(await rootFont('en'))).not.toContain('Noto Naskh Arabic');
		await page.close();
	});
});
