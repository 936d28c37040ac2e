/**
 * The single-file guides (dist/downloads/guide-<lang>.html), opened as a phone opens a file from a
 * messenger: from file://, 390 px wide, with and without JavaScript. They load nothing but
 * themselves, give the same plan as the site's risk check for the same answers, and every link
 * within them lands on an anchor they hold.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'node-html-parser';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { MAX_BYTES } from '../../scripts/build/single-file';
import { useBuiltSite, watch, watchPolicy } from '../helpers/browser';
import { DIST } from '../helpers/project';
import { answerAll, shownPlan, type Lang, type Value } from '../helpers/risk-check';

const site = useBuiltSite();
const file = (lang: string) => join(DIST, 'downloads', `guide-${lang}.html`);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const ANSWERS: readonly (readonly Value[])[] = [
	['no', 'no', 'no', 'no'],
	['yes', 'yes', 'no', 'no'],
	// Contact dangerous: the partner's questions too, its secure apps only where the person's are not risky.
	['no', 'unsure', 'yes', 'no', 'no'],
	['yes', 'no', 'yes', 'no', 'yes', 'yes'],
];

describe.each(['en', 'ar'] as const)('the single-file guide in %s', (lang: Lang) => {
	test.each([true, false])('keeps the quick exit and the way back to the contents on screen while reading, JavaScript %s', async (javaScriptEnabled) => {
		const context = await site.browser.newContext({ ...PHONE, javaScriptEnabled });
		const page = await context.newPage();
		await page.goto(pathToFileURL(file(lang)).href, { waitUntil: 'load' });
		/** Whether each control of the bar is in view and is what lies under its centre. */
		const onTop = () =>
			page.evaluate(() =>
				['a[data-quick-exit]', 'a.single-to-contents'].map((selector) => {
					const element = document.querySelector(selector)!;
					const box = element.getBoundingClientRect();
					const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
					return box.top >= 0 && box.bottom <= innerHeight && box.height >= 44 && !!hit && element.contains(hit);
				}),
			);
		for (const fraction of [0.1, 0.5, 0.9]) {
			await page.evaluate((f) => window.scrollTo(0, document.documentElement.scrollHeight * f), fraction);
			expect(await onTop(), `at ${fraction * 100}% of the file`).toEqual([true, true]);
		}
		// The link leads back to the contents, not hidden under the bar.
		await page.locator('a.single-to-contents').click();
		await expect
			.poll(() => page.evaluate(() => Math.round(document.querySelector('#single-contents')!.getBoundingClientRect().top)))
			.toBeGreaterThanOrEqual(Math.round(await page.evaluate(() => document.querySelector('.single-bar')!.getBoundingClientRect().bottom)));
		expect(await page.evaluate(() => document.querySelector('#single-contents')!.getBoundingClientRect().top)).toBeLessThan(844 / 2);
		await context.close();
	});

	test('is one file under 1.5 MB that, opened from file:// on a phone, loads nothing else and breaks no rule of its policy', async () => {
		expect(statSync(file(lang)).size).toBeLessThan(MAX_BYTES);
		const context = await site.browser.newContext(PHONE);
		const page = await context.newPage();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		const problems = watch(page);
		const violations = await watchPolicy(page);
		const url = pathToFileURL(file(lang)).href;
		await page.goto(url, { waitUntil: 'load' });
		// Use it: scroll through, answer the risk check, open a section from the contents.
		await answerAll(page, lang, ['yes', 'yes', 'no', 'no']);
		await shownPlan(page);
		await page.locator('.single-toc a').last().click();
		await page.mouse.wheel(0, 20_000);
		await page.waitForTimeout(300);
		expect(requests).toEqual([url]);
		expect(problems).toEqual([]);
		await expect(violations()).resolves.toEqual([]);
		expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
		// Nothing wider than the phone's screen makes the page scroll sideways.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await context.close();
	});

	test.each([true, false])('gives the same plan as the site for the same answers (JavaScript: %s)', async (javaScriptEnabled) => {
		const contexts: BrowserContext[] = [];
		const open = async (url: string) => {
			const context = await site.browser.newContext({ ...PHONE, javaScriptEnabled });
			contexts.push(context);
			const page = await context.newPage();
			await page.goto(url);
			return page;
		};
		const single = await open(pathToFileURL(file(lang)).href);
		const online = await open(`${site.url}/${lang}/risk-check/`);
		for (const answers of ANSWERS) {
			await answerAll(single, lang, answers);
			await answerAll(online, lang, answers);
			const [inFile, onSite] = [await shownPlan(single), await shownPlan(online)];
			expect(inFile.use.length, answers.join()).toBeGreaterThan(0);
			expect(inFile, answers.join()).toEqual(onSite);
		}
		await Promise.all(contexts.map((c) => c.close()));
	});
});

describe.each(['en', 'es', 'fr', 'ar'])('guide-%s.html', (lang) => {
	const document = () => parse(readFileSync(file(lang), 'utf8'));

	test('lands every link within the guide on an anchor in the file', () => {
		const html = document();
		const ids = new Set(html.querySelectorAll('[id]').map((e) => e.getAttribute('id')!));
		const links = html.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!);
		const internal = links.filter((href) => href.startsWith('#'));
		expect(internal.length).toBeGreaterThan(100);
		expect(internal.filter((href) => !ids.has(decodeURIComponent(href.slice(1))))).toEqual([]);
		// Every other link leaves for another site; none points at a file next to this one.
		expect(links.filter((href) => !href.startsWith('#') && !/^https?:\/\//.test(href))).toEqual([]);
		// Every page is reached from the contents.
		for (const section of html.querySelectorAll('section.single-page')) expect(html.querySelector(`.single-toc a[href="#${section.getAttribute('id')}"]`), section.getAttribute('id')!).not.toBeNull();
	});

	test('holds its styles and scripts inline, each script listed by hash in its policy', () => {
		const source = readFileSync(file(lang), 'utf8');
		const html = parse(source);
		expect(html.querySelectorAll('link[rel="stylesheet"], script[src], img[src], [srcset]')).toEqual([]);
		const policy = html.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
		expect(policy).not.toContain("'unsafe-inline' 'self'");
		expect(policy).toMatch(/script-src [^;]*'sha256-/);
		expect(policy).not.toMatch(/script-src [^;]*'unsafe-inline'/);
		expect(html.querySelector('html')!.getAttribute('lang')).toBeTruthy();
	});
});
