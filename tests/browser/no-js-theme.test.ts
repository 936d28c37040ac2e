/**
 * Without JavaScript the theme follows the reader's system (src/lib/no-js-theme.ts); with it,
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
