/**
 * An axe-core sweep in real Chromium: every page type in every language, the root pages, and the
 * islands in their answered state. No serious or critical violation is allowed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { searchSite, useBuiltSite } from '../helpers/browser';
import { PAGE_TYPES, siteData } from '../helpers/site';

const site = useBuiltSite();
const languages = siteData().languages.map((l) => l.id);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Finding = { id: string; impact: string; help: string; nodes: string[] };

/** Runs axe on the page as it stands; returns serious and critical findings with where they are. */
async function sweep(page: Page): Promise<Finding[]> {
	// Evaluated by the browser's debugging protocol, which the page's CSP does not govern.
	await page.evaluate(AXE);
	const found = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
		const { violations } = await axe.run(document, { resultTypes: ['violations'] });
		return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
	});
	return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

describe('accessibility (axe-core)', () => {
	test('the root language list and the root 404 page', async () => {
		const page = await site.browser.newPage();
		for (const path of ['/', '/404.html']) {
			await page.goto(`${site.url}${path}`);
			expect(await sweep(page), path).toEqual([]);
		}
		await page.close();
	});

	test.each(languages)('every %s page type, light and dark', async (lang) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const page = await site.browser.newPage({ colorScheme });
			for (const path of PAGE_TYPES) {
				await page.goto(`${site.url}/${lang}/${path}`);
				expect(await sweep(page), `${colorScheme} /${lang}/${path}`).toEqual([]);
			}
			await page.close();
		}
	});

	test.each(languages)('the %s islands once used: an answered risk check, a scenario step, the search box', async (lang) => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}/${lang}/risk-check/`);
		for (const question of ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky'])
			await page.locator(`fieldset[data-question="${question}"] input[value="yes"]`).check();
		expect(await sweep(page), 'risk check').toEqual([]);
		await page.goto(`${site.url}/${lang}/scenarios/direct-contact/`);
		await page.locator('scenario-sequencer button[data-next]').click();
		expect(await sweep(page), 'scenario').toEqual([]);
		expect(await searchSite(page, 'Signal')).not.toEqual([]);
		expect(await sweep(page), 'search').toEqual([]);
		await page.close();
	});
});
