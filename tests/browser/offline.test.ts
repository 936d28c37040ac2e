/**
 * The offline bundles, unzipped and opened from file:// in real Chromium, with no server.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, watch, watchPolicy } from '../helpers/browser';
import { inlineScriptHashes, policy } from '../../src/build/csp';
import { DIST, ROOT, requireDist } from '../helpers/project';
import { siteData } from '../helpers/site';
import { unzipToTemp } from '../helpers/zip';

let browser: Browser;
const folders: string[] = [];
const languages = siteData().languages;
const SEARCH = { en: 'Search', es: 'Buscar', fr: 'Rechercher', ar: 'ابحث' } as Record<string, string>;

beforeAll(async () => {
	requireDist();
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
	for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function open(name: string) {
	const { dir, names } = unzipToTemp(join(DIST, 'downloads', `${name}.zip`));
	folders.push(dir);
	return { root: `file://${join(dir, name)}/`, names, dir: join(dir, name) };
}

/** Searches with the bundle's own search and returns the result addresses. */
async function search(page: Page, lang: string, query: string) {
	await page.getByRole('button', { name: SEARCH[lang] }).first().click();
	await page.locator('offline-search input[type=search]').fill(query);
	await page.locator('offline-search [data-results] a').first().waitFor();
	return page.locator('offline-search [data-results] a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
}

describe.each(languages.map((l) => [l.id, l] as const))('the %s bundle from file://', (id, language) => {
	test('opens, navigates, searches and answers the risk selector with no failed request or console error', async () => {
		const bundle = open(`playbook-${id}`);
		const page = await browser.newPage();
		const problems = watch(page);
		const violations = await watchPolicy(page);
		await page.goto(`${bundle.root}index.html`);
		await expect(page.locator('main').textContent()).resolves.toContain('0.1.0');
		await page.getByRole('link', { name: new RegExp(language.label) }).click();
		await page.waitForURL(`${bundle.root}${id}/index.html`);
		expect(await page.locator('html').getAttribute('dir')).toBe(language.dir);
		// Styles load: Starlight's layout puts the sidebar beside the content on a wide screen.
		expect(await page.locator('#starlight__sidebar').isVisible()).toBe(true);

		// A sidebar link leads to a page in the bundle.
		await page.locator(`#starlight__sidebar a[href$="tools/index.html"]`).first().click();
		await page.waitForURL(`${bundle.root}${id}/tools/index.html`);
		await expect(page.locator('table.tool-table tbody tr').count()).resolves.toBeGreaterThan(5);

		const found = await search(page, id, 'Signal');
		expect(found).toContain(`${bundle.root}${id}/tools/signal/index.html`);
		await page.goto(`${bundle.root}${id}/tools/signal/index.html`);
		await expect(page.locator('h1').textContent()).resolves.toBe('Signal');

		await page.goto(`${bundle.root}${id}/risk-check/index.html`);
		for (const question of ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky'])
			await page.locator(`fieldset[data-question="${question}"] input[value="no"]`).check();
		await expect(page.locator('[data-headline]:visible').getAttribute('data-route')).resolves.toBe('direct');
		// The pages' Content-Security-Policy holds from file:// too, search and islands included.
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe('search by the names people type', () => {
	test('the Arabic bundle finds the WhatsApp page by its Arabic name, and the French one Tor Browser by its French name', async () => {
		for (const [lang, query, tool] of [
			['ar', 'واتساب', 'whatsapp'],
			['fr', 'Navigateur Tor', 'tor-browser'],
		] as const) {
			const bundle = open(`playbook-${lang}`);
			const page = await browser.newPage();
			await page.goto(`${bundle.root}${lang}/index.html`);
			const results = await search(page, lang, query);
			expect(results[0], `${lang}: ${query}`).toBe(`${bundle.root}${lang}/tools/${tool}/index.html`);
			await page.close();
		}
	});
});

describe('the offline search index', () => {
	test('is not loaded with a page, but as soon as the pointer is over the search button, before search opens', async () => {
		const bundle = open('playbook-ar');
		const page = await browser.newPage();
		const problems = watch(page);
		await page.goto(`${bundle.root}ar/index.html`);
		await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
		const loaded = () => page.evaluate(() => ({ script: document.querySelectorAll('script[src$="search/ar.js"]').length, index: !!window.playbookSearch?.ar }));
		expect(await loaded()).toEqual({ script: 0, index: false });
		await page.getByRole('button', { name: SEARCH.ar }).first().hover();
		await page.waitForFunction(() => !!window.playbookSearch?.ar);
		expect(await loaded()).toEqual({ script: 1, index: true });
		expect(await page.locator('offline-search dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
		// Opening search then uses the same index, loaded once.
		expect(await search(page, 'ar', 'Signal')).toContain(`${bundle.root}ar/tools/signal/index.html`);
		expect(await loaded()).toEqual({ script: 1, index: true });
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe('offline search results', () => {
	test.each([
		['en', 'phone number'],
		['ar', 'رقم الهاتف'],
	] as const)('in %s, start at the matching words, not with the title or the "reviewed on" line', async (lang, query) => {
		const reviewed = (JSON.parse(readFileSync(join(ROOT, 'content', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>)['page.reviewed']!.split('{{')[0]!.trim();
		const bundle = open(`playbook-${lang}`);
		const page = await browser.newPage();
		await page.goto(`${bundle.root}${lang}/index.html`);
		await search(page, lang, query);
		const results = await page.locator('offline-search [data-results] li').evaluateAll((items) =>
			items.map((li) => ({ title: li.querySelector('a')!.textContent!, excerpt: li.querySelector('p')!.textContent!, mark: li.querySelector('p mark')?.textContent ?? '' })),
		);
		expect(results.length).toBeGreaterThan(1);
		const words = query.split(' ');
		for (const { title, excerpt, mark } of results) {
			expect(excerpt.startsWith(title), excerpt).toBe(false);
			expect(excerpt, title).not.toContain(reviewed);
			// The excerpt holds a matching word, marked, among its first words (a title-only match shows the page's start).
			if (mark) {
				// Matched by prefix or fuzzily, as the search asks (prefix, fuzzy 0.2): "phones" for "phone",
				// "بالهاتف" for "الهاتف", "للهاتف" (for the phone, where ل and ال join) for "الهاتف".
				const m = mark.toLowerCase();
				const near = (w: string) => editDistance(m, w) <= Math.round(w.length * 0.2) || editDistance(m.slice(0, w.length), w) <= Math.round(w.length * 0.2);
				expect(words.some((w) => m.includes(w.toLowerCase()) || w.toLowerCase().includes(m) || m.startsWith(w.toLowerCase().slice(0, 3)) || near(w.toLowerCase())), `${mark} in ${excerpt}`).toBe(true);
				expect(excerpt.indexOf(mark), excerpt).toBeLessThan(60);
			}
		}
		expect(results.filter((r) => r.mark).length).toBeGreaterThan(0);
		await page.close();
	});
});

describe('the bundle with every language', () => {
	test('switches language from the picker, from file://', async () => {
		const bundle = open('playbook-all');
		const page = await browser.newPage();
		const problems = watch(page);
		await page.goto(`${bundle.root}en/tools/signal/index.html`);
		await page.locator('starlight-lang-select select').first().selectOption({ label: 'العربية' });
		await page.waitForURL(`${bundle.root}ar/tools/signal/index.html`);
		expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
		const found = await search(page, 'ar', 'Signal');
		expect(found).toContain(`${bundle.root}ar/tools/signal/index.html`);
		expect(problems).toEqual([]);
		await page.close();
	});

	test('holds only relative links; links out of the bundle are marked online only', () => {
		const bundle = open('playbook-all');
		const html = bundle.names.filter((n) => n.endsWith('.html'));
		expect(html.length).toBeGreaterThan(150);
		for (const name of html) {
			const text = readFileSync(join(bundle.dir, '..', name), 'utf8');
			expect(text.match(/\s(?:href|src)="\/[^"]*"/g), name).toBeNull();
			// Every link out is marked, except the quick exit, which leaves the guide on purpose.
			for (const [link] of text.matchAll(/<a [^>]*href="https?:[^"]*"[^>]*>/g)) if (!link.includes('data-quick-exit')) expect(link, name).toContain('online-only');
			expect(text, name).toContain('data-quick-exit');
			expect(text, name).not.toMatch(/<script type="module"/);
			// The policy was computed again for the rewritten scripts.
			expect(text, name).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy(inlineScriptHashes(text))}">`);
		}
	});
});

describe('the quick exit from file://', () => {
	test.each(['index.html', 'ar/tools/signal/index.html'])('leaves %s of the bundle with Escape pressed twice, and with the button', async (path) => {
		const bundle = open('playbook-all');
		const page = await browser.newPage();
		const problems = watch(page);
		await page.route(/^https:\/\/[a-z]+\.wikipedia\.org\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>neutral</title>' }));
		await page.goto(`${bundle.root}${path}`);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page.waitForURL(/^https:\/\/[a-z]+\.wikipedia\.org\/$/);
		await page.goto(`${bundle.root}${path}`);
		await page.locator('a[data-quick-exit]').click();
		await page.waitForURL(/^https:\/\/[a-z]+\.wikipedia\.org\/$/);
		expect(problems).toEqual([]);
		await page.close();
	});
});

/** Levenshtein distance between two words, as the search's fuzzy matching counts it. */
function editDistance(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
		row = next;
	}
	return row[b.length]!;
}
