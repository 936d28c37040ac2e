/**
 * The second guide's offline bundles, unzipped and opened from file:// in real Chromium, with no
 * server: its own pages, sidebar, search and risk check, in English and in Persian (right to left).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { watch, watchPolicy } from '../helpers/browser';
import { unzipToTemp } from '../helpers/zip';
import { ui, useFixtureSite, type Lang } from './site';

const site = useFixtureSite();
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function open(name: string) {
	const { dir, names } = unzipToTemp(join(site.dist, 'downloads', `${name}.zip`));
	folders.push(dir);
	return { root: `file://${join(dir, name)}/`, names };
}

/** Searches with the bundle's own search and returns the result addresses. */
async function search(page: Page, lang: Lang, query: string) {
	await page.getByRole('button', { name: ui(lang, 'offline.search') }).first().click();
	await page.locator('offline-search input[type=search]').fill(query);
	await page.locator('offline-search [data-results] a').first().waitFor();
	return page.locator('offline-search [data-results] a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
}

describe.each([
	['en', 'English', 'ltr', 'Dangerzone'],
	['fa', 'فارسی', 'rtl', 'فراداده'],
] as const)('the %s bundle of the second guide, from file://', (lang, label, dir, query) => {
	test('opens at the language picker, shows the guide’s own sidebar, searches and answers the risk check, with no failed request, console error or policy violation', async () => {
		const bundle = open(`playbook-${lang}`);
		// Only the guide's own pages: its tools, none of the other guide's.
		expect(bundle.names).toContain(`playbook-${lang}/${lang}/tools/securedrop/index.html`);
		expect(bundle.names.some((n) => n.includes('/tools/signal/'))).toBe(false);
		const page = await site.browser.newPage();
		const problems = watch(page);
		const violations = await watchPolicy(page);
		await page.goto(`${bundle.root}index.html`);
		await page.getByRole('link', { name: new RegExp(label) }).click();
		await page.waitForURL(`${bundle.root}${lang}/index.html`);
		expect(await page.locator('html').getAttribute('dir')).toBe(dir);
		expect(await page.locator('html').getAttribute('lang')).toBe(lang);

		// The sidebar's groups are the guide's own (guide/data/sidebar.yaml), named in the language.
		const groups = await page.locator('#starlight__sidebar details > summary').evaluateAll((s) => s.map((e) => e.textContent!.trim()));
		for (const group of ['begin', 'working-with-sources', 'habits', 'newsroom-tools', 'about']) expect(groups).toContain(ui(lang, `nav.${group}`));

		await page.locator('#starlight__sidebar a[href$="tools/index.html"]').first().click();
		await page.waitForURL(`${bundle.root}${lang}/tools/index.html`);
		// The comparison lists the tools whose kind carries what sources send.
		await expect(page.locator('table.tool-table tbody tr').count()).resolves.toBe(2);

		const found = await search(page, lang, query);
		expect(found).toContain(`${bundle.root}${lang}/tools/mat2/index.html`);

		await page.goto(`${bundle.root}${lang}/risk-check/index.html`);
		await page.locator('fieldset[data-question="source-at-risk"] input[value="yes"]').check();
		await page.locator('fieldset[data-question="tor-watched"] input[value="no"]').check();
		await page.locator('fieldset[data-question="receiving-files"] input[value="yes"]').check();
		await expect(page.locator('.plan [data-headline]:visible').getAttribute('data-headline')).resolves.toBe('anonymous-channel');
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});
});
