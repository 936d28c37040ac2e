/**
 * A first view on a slow link, in Chromium with its own network throttling: 400 kbit/s each way
 * and 400 ms round trips (a poor mobile link, or Tor), the files served gzipped as the deploy
 * configs serve them, nothing cached. For each page: first contentful paint and the load event,
 * the median of several fresh visits.
 */
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../src/build/static-server.ts';

export const SLOW_LINK = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

export interface SlowView {
	/** Median milliseconds to the first contentful paint. */
	fcp: number;
	/** Median milliseconds to the end of the load event. */
	load: number;
	/** Every visit's figures. */
	runs: { fcp: number; load: number }[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Visits each path `runs` times in a fresh context on the throttled link; `paths` relative to the site root. */
export async function slowViews(browser: Browser, dist: string, paths: string[], runs = 5): Promise<Record<string, SlowView>> {
	const site = await serveStatic(dist, { gzip: true });
	try {
		const views: Record<string, SlowView> = {};
		for (const path of paths) {
			const all: SlowView['runs'] = [];
			for (let i = 0; i < runs; i++) {
				const context = await browser.newContext();
				try {
					const page = await context.newPage();
					const cdp = await context.newCDPSession(page);
					await cdp.send('Network.enable');
					await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
					await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_LINK });
					await page.goto(`${site.url}/${path}`, { waitUntil: 'load', timeout: 120_000 });
					all.push(
						await page.evaluate(async () => {
							// The paint entry can come a moment after load; wait for it briefly.
							for (let t = 0; t < 50 && !performance.getEntriesByName('first-contentful-paint').length; t++) await new Promise((r) => setTimeout(r, 20));
							const paint = performance.getEntriesByName('first-contentful-paint')[0];
							const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
							return { fcp: Math.round(paint?.startTime ?? Number.NaN), load: Math.round(navigation.loadEventEnd) };
						}),
					);
				} finally {
					await context.close();
				}
			}
			views[path] = { fcp: median(all.map((r) => r.fcp)), load: median(all.map((r) => r.load)), runs: all };
		}
		return views;
	} finally {
		await site.close();
	}
}
