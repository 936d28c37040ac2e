/**
 * Back after a quick exit shows no answer of the risk check: in Chromium and in Firefox, with
 * JavaScript and without, in English and Arabic. The reader answers, opens a page of the plan (or,
 * without JavaScript, where the quick exit is an ordinary link, leaves from the risk check
 * itself), presses Quick exit, then Back.
 *
 * Two ways a browser shows a page again on Back, both tried: the back-forward cache keeps the page
 * as it was left (Playwright starts Chromium with it off, so one Chromium here is started with it
 * on; Firefox has it on), and a page loaded again has its form filled in from the last visit
 * (form state restoration, what happens where the cache is off or the page was dropped from it).
 * The quick exit leads to a real local server on another port: another site, as its target is.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser as Chromium, type Page } from 'playwright-core';
import type { Browser as Firefox, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseChromium, resolveChromium } from '../../src/pdf/browser';
import { launch, watch } from '../helpers/browser';
import { click, LEVELS, launchAt, needFirefox, read, until } from '../helpers/firefox';
import { needPrograms } from '../helpers/system';
import { DIST, requireDist } from '../helpers/project';
import { answerAll, QUESTIONS, shownPlan, type Lang } from '../helpers/risk-check';
import { serveStatic } from '../helpers/serve';

// Contact dangerous: every question is asked, the partner's two included, in the order of QUESTIONS.
const ANSWERS = ['no', 'no', 'yes', 'no', 'no', 'yes'] as const;
const site = { url: '', close: async () => {} };
/** The quick exit's stand-in: another origin, answering every address with a plain page. */
const neutral = { url: '', server: undefined as Server | undefined };
const browsers = {} as { cached: Chromium; plain: Chromium };

beforeAll(async () => {
	requireDist();
	Object.assign(site, await serveStatic(DIST));
	neutral.server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>neutral</title>'));
	await new Promise<void>((resolve) => neutral.server!.listen(0, '127.0.0.1', resolve));
	neutral.url = `http://localhost:${(neutral.server.address() as AddressInfo).port}/`;
	const { executablePath, args } = await resolveChromium();
	// Playwright turns the back-forward cache off (--disable-back-forward-cache); browsers have it on.
	browsers.cached = await chromium.launch({ executablePath, args, headless: true, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
	browsers.plain = await launch();
});
afterAll(async () => {
	await browsers.cached?.close();
	await browsers.plain?.close();
	await site.close();
	await new Promise<void>((resolve) => (neutral.server ? neutral.server.close(() => resolve()) : resolve()));
});

/** The quick exit of the page, pointed at the local stand-in (read at the click, with or without JavaScript). */
const aimExit = (page: Page) => page.locator('a[data-quick-exit]').evaluate((a, href) => a.setAttribute('href', href), neutral.url);

/** What the risk check shows: the answers checked, and how many parts of a plan are on screen. */
async function shown(page: Page) {
	return {
		checked: await page.locator('risk-selector input[type="radio"]:checked').count(),
		planParts: await page.locator('risk-selector .plan [data-part]:visible').count(),
		url: page.url(),
	};
}
const NOTHING = (lang: Lang) => ({ checked: 0, planParts: 0, url: `${site.url}/${lang}/risk-check/` });

/** Goes Back, and waits for the risk check to be on screen again (from the back-forward cache, no load event). */
async function back(page: Page, lang: Lang) {
	await page.goBack({ waitUntil: 'commit' });
	await page.waitForURL(`${site.url}/${lang}/risk-check/`, { waitUntil: 'commit' });
	await page.locator('risk-selector form').waitFor();
}

/** Answers, opens the first tool page the plan links to, and comes back to the risk check from there, quickly or not. */
async function answerAndOpenPlanPage(page: Page, lang: Lang) {
	await page.goto(`${site.url}/${lang}/risk-check/`);
	await answerAll(page, lang, ANSWERS);
	await shownPlan(page);
	// A mark in the page's memory: still there after Back only if the page came from the back-forward cache.
	await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
	await Promise.all([page.waitForURL(new RegExp(`/${lang}/tools/[^/]+/$`)), page.locator('.plan [data-part] a[href*="/tools/"]:visible').first().click()]);
}
const fromCache = (page: Page) => page.evaluate(() => (window as unknown as { mark?: number }).mark === 1);

/**
 * An installed Chromium: the one in @sparticuz/chromium, which a machine without one uses, started
 * with the flags that package sets (a single process, its headless shell), kept no page in the
 * back-forward cache on such a machine, so the tests of that cache need an installed one.
 */
const installedChromium = () => {
	const choice = chooseChromium({ env: process.env, platform: process.platform, arch: process.arch, exists: existsSync, bundledInstalled: true });
	return choice.kind === 'system' ? choice.path : '/usr/bin/chromium';
};

describe.each(['en', 'ar'] as const)('Chromium, %s', (lang) => {
	describe('with the back-forward cache', () => {
		needPrograms([{ name: 'installed Chromium (the one in @sparticuz/chromium, started as this project starts it, kept no page in the back-forward cache)', path: installedChromium(), install: 'apt-get install chromium', variable: 'CHROME_PATH' }]);

		test('with JavaScript and the back-forward cache: Back after a quick exit from a page of the plan shows no answer and no plan', async () => {
			const page = await browsers.cached.newPage();
			const problems = watch(page);
			await answerAndOpenPlanPage(page, lang);
			await aimExit(page);
			await page.locator('a[data-quick-exit]').click();
			await page.waitForURL(neutral.url);
			await back(page, lang);
			expect(await fromCache(page), 'the page came back from the back-forward cache').toBe(true);
			expect(await shown(page)).toEqual(NOTHING(lang));
			await expect(page.locator('[data-pending]').isVisible()).resolves.toBe(true);
			expect(problems).toEqual([]);
			await page.close();
		});

		test('with JavaScript and the back-forward cache: Back from a page of the plan, without a quick exit, gives the answers back', async () => {
			const page = await browsers.cached.newPage();
			await answerAndOpenPlanPage(page, lang);
			await back(page, lang);
			expect(await fromCache(page)).toBe(true);
			expect(await page.locator('risk-selector input[type="radio"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([...ANSWERS]);
			expect((await shownPlan(page)).route).toBe('partner');
			await page.close();
		});
	});

	test('with JavaScript, the page loaded again (no back-forward cache): no answer is filled in', async () => {
		const page = await browsers.plain.newPage();
		await answerAndOpenPlanPage(page, lang);
		await aimExit(page);
		await page.locator('a[data-quick-exit]').click();
		await page.waitForURL(neutral.url);
		await back(page, lang);
		expect(await fromCache(page)).toBe(false);
		expect(await shown(page)).toEqual(NOTHING(lang));
		await page.close();
	});

	test('without JavaScript, Back after the quick exit (a link) from the risk check itself: no answer is filled in again', async () => {
		const context = await browsers.plain.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.url}/${lang}/risk-check/`);
		await answerAll(page, lang, ANSWERS);
		await expect(page.locator('risk-selector .plan [data-part]:visible').count()).resolves.toBeGreaterThan(0);
		await aimExit(page);
		await page.locator('a[data-quick-exit]').click();
		await page.waitForURL(neutral.url);
		await page.goBack();
		expect(await shown(page)).toEqual(NOTHING(lang));
		await context.close();
	});
});

describe('the quick exit empties the form before it leaves', () => {
	test('the answers are gone from the page as the quick exit starts to leave', async () => {
		const page = await browsers.plain.newPage();
		await page.goto(`${site.url}/en/risk-check/`);
		await answerAll(page, 'en', ANSWERS);
		// The page says, once its form is reset, how many answers are still checked; it cannot be read
		// once it has started to leave, but what it logs arrives.
		const said = new Promise<string>((resolve) => page.on('console', (m) => m.text().startsWith('checked after reset') && resolve(m.text())));
		await page.evaluate(() => document.querySelector('risk-selector form')!.addEventListener('reset', () => queueMicrotask(() => console.log(`checked after reset: ${document.querySelectorAll('risk-selector input:checked').length}`))));
		await aimExit(page);
		await page.locator('a[data-quick-exit]').click();
		await expect(said).resolves.toBe('checked after reset: 0');
		await page.waitForURL(neutral.url);
		await page.close();
	});
});

const standard = LEVELS.find((l) => l.name === 'Standard')!;

describe('Firefox (back-forward cache on, as it is by default)', () => {
	// Inside this block, so that a machine without Firefox skips only these tests, not the Chromium ones above.
	const ready = needFirefox();
	let firefox: Firefox;
	beforeAll(async () => {
		if (ready) firefox = await launchAt(standard);
	});
	afterAll(async () => {
		await firefox?.close();
	});

	/** Radio buttons checked, parts of a plan shown, and whether the page came from the back-forward cache. */
	const state = (page: FirefoxPage) =>
		read<{ checked: number; planParts: number; cached: boolean }>(
			page,
			`({ checked: document.querySelectorAll('risk-selector input[type="radio"]:checked').length, planParts: [...document.querySelectorAll('risk-selector .plan [data-part]')].filter((e) => e.getClientRects().length).length, cached: window.mark === 1 })`,
		);

	test.each(['en', 'ar'] as const)('%s, with JavaScript: Back after a quick exit from a page of the plan shows no answer; Back from the plan page alone gives them back', async (lang) => {
		if (!ready) return;
		const page = await firefox.newPage();
		await page.setViewport({ width: 1280, height: 900 });
		const answerAllFirefox = async () => {
			for (const [i, value] of ANSWERS.entries()) await click(page, `fieldset[data-question="${QUESTIONS[i]}"] input[value="${value}"]`);
			expect(await until(page, `document.querySelectorAll('risk-selector input:checked').length`, (n) => n === ANSWERS.length)).toBe(ANSWERS.length);
			await page.evaluate('window.mark = 1');
		};
		const openPlanPage = async () => {
			await page.evaluate(`[...document.querySelectorAll('.plan [data-part] a[href*="/tools/"]')].find((a) => a.getClientRects().length).setAttribute('data-next', '')`);
			// After a page came back from the back-forward cache, a navigation cannot be waited for: its address is.
			await click(page, 'a[data-next]');
			expect(await until<string>(page, 'location.pathname', (p) => /\/tools\/[^/]+\/$/.test(p))).toMatch(/\/tools\//);
			await until(page, `document.readyState`, (s) => s === 'complete');
		};
		const goBack = async () => {
			// From the back-forward cache there is no load to wait for.
			void page.goBack().catch(() => {});
			expect(await until(page, 'location.pathname', (p) => p === `/${lang}/risk-check/`)).toBe(`/${lang}/risk-check/`);
			await until(page, `document.readyState`, (s) => s === 'complete');
		};

		await page.goto(`${site.url}/${lang}/risk-check/`);
		expect(await read(page, `document.documentElement.lang`)).toBe(lang === 'ar' ? 'ar' : 'en');
		await answerAllFirefox();
		await openPlanPage();
		await goBack();
		expect(await until(page, `document.querySelectorAll('risk-selector input:checked').length`, (n) => n === ANSWERS.length)).toBe(ANSWERS.length);
		expect((await state(page)).cached).toBe(true);

		await openPlanPage();
		await page.evaluate(`document.querySelector('a[data-quick-exit]').setAttribute('href', ${JSON.stringify(neutral.url)})`);
		await click(page, 'a[data-quick-exit]');
		expect(await until(page, 'location.href', (href) => href === neutral.url)).toBe(neutral.url);
		await goBack();
		expect(await state(page)).toEqual({ checked: 0, planParts: 0, cached: true });
		await page.close();
	});
});
