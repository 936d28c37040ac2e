/**
 * Leaving quickly, and reading on a phone, in real Chromium.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';
import { siteData } from '../helpers/site';

const site = useBuiltSite();
const languages = siteData().languages;

/** A tab whose history starts on another page (the site root), then the guide; the neutral site answers locally. */
async function guideTab(path: string, before = '/') {
	const page = await site.browser.newPage();
	await page.route(/^https:\/\/[a-z]+\.wikipedia\.org\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>neutral</title>' }));
	await page.goto(`${site.url}${before}`);
	await page.goto(`${site.url}${path}`);
	return page;
}

/** A stand-in for the site the quick exit leads to: a real local server that records each request's Referer. */
const neutral = { url: '', requests: [] as { path: string; referer: string | undefined }[], server: undefined as Server | undefined };
beforeAll(async () => {
	neutral.server = createServer((req, res) => {
		neutral.requests.push({ path: req.url ?? '', referer: req.headers.referer });
		res.writeHead(200, { 'content-type': 'text/html' }).end('<title>neutral</title>');
	});
	await new Promise<void>((resolve) => neutral.server!.listen(0, '127.0.0.1', resolve));
	neutral.url = `http://127.0.0.1:${(neutral.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (neutral.server ? neutral.server.close(() => resolve()) : resolve())));

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

	test('tells the site it leaves for nothing about the guide: no Referer, from the button or from Escape', async () => {
		// The neutral site is answered by a real local server that records what the browser sent.
		const page = await site.browser.newPage();
		await page.route(/^https:\/\/[a-z]+\.wikipedia\.org\//, async (route) => route.fulfill({ response: await route.fetch({ url: `${neutral.url}/exit` }) }));
		await page.goto(`${site.url}/`);
		await page.goto(`${site.url}/ar/tools/signal/`);
		await page.locator('a[data-quick-exit]').click();
		await page.waitForURL('https://ar.wikipedia.org/');
		await page.goto(`${site.url}/es/practices/leave-fewer-traces/`);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page.waitForURL('https://es.wikipedia.org/');
		expect(neutral.requests.map((r) => r.path)).toEqual(['/exit', '/exit']);
		expect(neutral.requests.map((r) => r.referer)).toEqual([undefined, undefined]);
		await page.close();
	});

	test('empties what the guide stored (the theme picked) before it leaves', async () => {
		const page = await guideTab('/en/tools/signal/');
		await page.locator('starlight-theme-select select').first().selectOption('dark');
		await page.evaluate(() => sessionStorage.setItem('left-behind', '1'));
		expect(await page.evaluate(() => [localStorage.getItem('starlight-theme'), sessionStorage.length])).toEqual(['dark', 1]);
		await page.locator('a[data-quick-exit]').click();
		await page.waitForURL('https://en.wikipedia.org/');
		// Back to the guide's origin (the page before): nothing of the guide is stored any more.
		expect(await historyAfterBack(page)).toBe(`${site.url}/`);
		expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
		await page.close();
	});

	test.each(['/', '/404.html', '/fr/404/', '/ar/no-such-page/'])('is the same on %s: the button and Escape twice leave with replace', async (path) => {
		const page = await guideTab(path, '/en/all-pages/');
		await expect(page.locator('quick-exit a[data-quick-exit]').count()).resolves.toBe(1);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page.waitForURL(/wikipedia\.org\/$/);
		expect(await historyAfterBack(page)).toBe(`${site.url}/en/all-pages/`);
		await page.goto(`${site.url}${path}`);
		await page.locator('a[data-quick-exit]').click();
		await page.waitForURL(/wikipedia\.org\/$/);
		await page.close();
	});

	test('does not leave on a held Escape key (auto-repeat) or an Escape that ends text composition', async () => {
		const page = await guideTab('/en/tools/signal/');
		// Held down: the browser repeats the key with repeat set.
		await page.keyboard.down('Escape');
		await page.keyboard.down('Escape');
		await page.keyboard.down('Escape');
		await page.keyboard.up('Escape');
		// Composition with an input method: the key events carry isComposing.
		await page.evaluate(() => {
			for (let i = 0; i < 2; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true }));
		});
		await page.waitForTimeout(1200);
		expect(page.url()).toBe(`${site.url}/en/tools/signal/`);
		// Two deliberate presses still leave.
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page.waitForURL('https://en.wikipedia.org/');
		await page.close();
	});

	test('does not count the Escape that closes the search dialog or the mobile menu', async () => {
		const page = await guideTab('/en/tools/signal/');
		await page.getByRole('button', { name: /search/i }).first().click();
		await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
		expect(page.url()).toBe(`${site.url}/en/tools/signal/`);
		await page.waitForTimeout(1100);
		// On a phone, the menu: the Escape that closes it does not count either.
		await page.setViewportSize({ width: 390, height: 800 });
		const menuOpen = () => page.evaluate(() => document.querySelector('#starlight__sidebar')!.matches(':popover-open'));
		await page.locator('button.sl-menu-button').click();
		await expect.poll(menuOpen).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(menuOpen).toBe(false);
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
		expect(page.url()).toBe(`${site.url}/en/tools/signal/`);
		await page.keyboard.press('Escape');
		await page.waitForURL('https://en.wikipedia.org/');
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

describe('the quick exit with search or the menu open', () => {
	/** The element at the centre of the quick exit that is on top (the search dialog's while it is open), and that exit's box. */
	async function exitOnTop(page: Page) {
		return page.evaluate(() => {
			const exits = [...document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]')];
			const exit = exits.find((a) => a.closest('dialog[open]')) ?? exits[0]!;
			const box = exit.getBoundingClientRect();
			const x = box.left + box.width / 2;
			const y = box.top + box.height / 2;
			const hit = document.elementFromPoint(x, y);
			const header = exits[0]!.getBoundingClientRect();
			return {
				hit: hit?.closest('a[data-quick-exit]') === exit,
				inView: box.width >= 44 && box.height >= 44 && box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight,
				overHeader: Math.abs(box.left - header.left) < 1 && Math.abs(box.top - header.top) < 1,
				x,
				y,
			};
		});
	}

	test.each([
		['en', 390],
		['en', 1280],
		['ar', 390],
		['ar', 1280],
	] as const)('%s at %d px: with the search dialog open the exit is on top, where it always is, and leaves', async (lang, width) => {
		const page = await guideTab(`/${lang}/risk-check/`);
		const problems = watch(page);
		await page.setViewportSize({ width, height: 800 });
		await page.locator('site-search button[data-open-modal]').click();
		await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
		const exit = await exitOnTop(page);
		expect(exit).toMatchObject({ hit: true, inView: true, overHeader: true });
		await page.mouse.click(exit.x, exit.y);
		await page.waitForURL(`https://${lang}.wikipedia.org/`);
		expect(await historyAfterBack(page)).toBe(`${site.url}/`);
		expect(problems).toEqual([]);
		await page.close();
	});

	test.each(['en', 'ar'])('%s on a phone: with the menu open the exit is on top and leaves', async (lang) => {
		const page = await guideTab(`/${lang}/risk-check/`);
		await page.setViewportSize({ width: 390, height: 800 });
		await page.locator('button.sl-menu-button').click();
		await expect.poll(() => page.evaluate(() => document.querySelector('#starlight__sidebar')!.matches(':popover-open'))).toBe(true);
		const exit = await exitOnTop(page);
		expect(exit).toMatchObject({ hit: true, inView: true });
		await page.mouse.click(exit.x, exit.y);
		await page.waitForURL(`https://${lang}.wikipedia.org/`);
		await page.close();
	});

	test('Escape pressed twice, with search opened and closed, still leaves once: the dialog\'s exit keeps no count of its own', async () => {
		const page = await guideTab('/en/tools/signal/');
		const replaced: string[] = [];
		page.on('request', (r) => r.isNavigationRequest() && /wikipedia/.test(r.url()) && replaced.push(r.url()));
		await page.locator('site-search button[data-open-modal]').click();
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
		await page.waitForTimeout(1100);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page.waitForURL('https://en.wikipedia.org/');
		expect(replaced).toEqual(['https://en.wikipedia.org/']);
		await page.close();
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
