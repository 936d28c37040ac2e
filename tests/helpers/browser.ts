import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../src/pdf/browser';
import { DIST, requireDist } from './project';
import { serveStatic } from './serve';

/**
 * Starts headless Chromium as the build does (src/pdf/browser.ts: CHROME_PATH, an installed one, or
 * the one shipped in @sparticuz/chromium), with a fresh profile and no background traffic, so only
 * the site's own requests are made. No test downloads a browser.
 */
export const launch = launchChromium;

/** Records what goes wrong on a page: console errors, uncaught errors, failed requests, error responses. */
export function watch(page: import('playwright-core').Page): string[] {
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
	page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
	// A request cut short because the page navigated away (ERR_ABORTED) is not a failure of the site.
	page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
	page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
	return problems;
}

/** Records every CSP violation the page reports, from before its first script runs. */
export async function watchPolicy(page: import('playwright-core').Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
	});
	return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations ?? []);
}

/** Types into Starlight's search dialog and returns the result links. */
export async function searchSite(page: import('playwright-core').Page, query: string): Promise<string[]> {
	await page.getByRole('button', { name: /search|buscar|rechercher|بحث/i }).first().click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('textbox').fill(query);
	const results = dialog.locator('.pagefind-ui__result-link');
	await results.first().waitFor();
	return results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

/**
 * For a test file: serves dist/ on 127.0.0.1 and starts Chromium before its tests, and stops both
 * after. Read `url` and `browser` inside tests, once the hooks have run.
 */
export function useBuiltSite() {
	const state = {} as { url: string; browser: Browser; close: () => Promise<void> };
	beforeAll(async () => {
		requireDist();
		const site = await serveStatic(DIST);
		state.url = site.url;
		state.close = site.close;
		state.browser = await launch();
	});
	afterAll(async () => {
		await state.browser?.close();
		await state.close?.();
	});
	return state;
}
