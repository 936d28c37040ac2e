/**
 * Without JavaScript the theme follows the reader's system (src/site/no-js-theme.ts); with it,
 * Starlight's script decides as before.
 */
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from '../helpers/browser';

const site = useBuiltSite();

/** The page's background, as "light" or "dark" by its lightness. */
async function background(javaScriptEnabled: boolean, colorScheme: 'light' | 'dark', path: string) {
	const context = await site.browser.newContext({ javaScriptEnabled, colorScheme });
	const page = await context.newPage();
	await page.goto(`${site.url}${path}`);
	const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await context.close();
	const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
	return (r + g + b) / 3 > 128 ? 'light' : 'dark';
}

describe.each(['/en/', '/ar/risk-check/'])('the theme of %s', (path) => {
	test('follows the system without JavaScript', async () => {
		await expect(background(false, 'light', path)).resolves.toBe('light');
		await expect(background(false, 'dark', path)).resolves.toBe('dark');
	});

	test('follows the system with JavaScript, when the reader has picked no theme', async () => {
		await expect(background(true, 'light', path)).resolves.toBe('light');
		await expect(background(true, 'dark', path)).resolves.toBe('dark');
	});
});

describe.each([
	['390 px', { width: 390, height: 844 }],
	['1280 px', { width: 1280, height: 800 }],
] as const)('the theme picker at %s', (_, viewport) => {
	/** Whether a theme picker is shown on the page: in the header, or in the phone menu once opened. */
	async function pickerShown(javaScriptEnabled: boolean, path: string) {
		const context = await site.browser.newContext({ javaScriptEnabled, viewport });
		const page = await context.newPage();
		await page.goto(`${site.url}${path}`);
		if (javaScriptEnabled && viewport.width < 800) await page.locator('button.sl-menu-button').click();
		const shown = await page.locator('starlight-theme-select select').evaluateAll((selects) => selects.some((s) => s.getClientRects().length > 0 && getComputedStyle(s).visibility === 'visible'));
		await context.close();
		return shown;
	}

	test.each(['/en/', '/ar/risk-check/'])('is hidden without JavaScript, where it could change nothing, and shown with it (%s)', async (path) => {
		await expect(pickerShown(false, path)).resolves.toBe(false);
		await expect(pickerShown(true, path)).resolves.toBe(true);
	});
});
