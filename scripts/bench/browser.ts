/**
 * What the benchmark measures in Chromium (the one src/lib/browser.ts finds; never a downloaded
 * one): the files a first view of a page fetches, and how long search takes to show results.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/lib/browser.ts';
import { serveStatic } from '../../src/lib/static-server.ts';

export const launch = launchChromium;

/** Serves `dist` for the time of `work`. */
export async function serving<T>(dist: string, work: (url: string) => Promise<T>): Promise<T> {
	const site = await serveStatic(dist);
	try {
		return await work(site.url);
	} finally {
		await site.close();
	}
}

/** Same-origin paths a fresh browser fetches for `path`, once the network and the page are idle. */
export async function firstViewFetches(browser: Browser, origin: string, path: string): Promise<string[]> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const urls = new Set<string>();
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (url.origin === origin) urls.add(url.pathname);
		});
		await page.goto(origin + path, { waitUntil: 'networkidle' });
		await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
		await page.waitForLoadState('networkidle');
		return [...urls].sort();
	} finally {
		await context.close();
	}
}

export interface SearchTiming {
	/** Milliseconds from opening search to the first query's results, with nothing loaded before. */
	first: number;
	/** Median milliseconds from typing a query to its results, once search is loaded. */
	later: number;
	/** Each later query's milliseconds. */
	laterAll: number[];
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * Types a query into an open search box and waits, inside the page, until its results are shown;
 * returns the milliseconds. `shown` tells, in the page, whether the results for the query are there.
 */
async function timeQuery(page: Page, input: string, query: string, kind: 'pagefind' | 'offline', open?: string): Promise<number> {
	return page.evaluate(
		async ({ input, query, kind, open }) => {
			const started = performance.now();
			const previous = document.querySelector('offline-search [data-results] li');
			if (open) (document.querySelector(open) as HTMLElement).click();
			const until = async (test: () => boolean) => {
				while (!test()) {
					if (performance.now() - started > 30_000) throw new Error(`no results for "${query}" after 30 s`);
					await new Promise((r) => setTimeout(r, 4));
				}
			};
			await until(() => !!document.querySelector(input));
			const box = document.querySelector(input) as HTMLInputElement;
			box.value = query;
			box.dispatchEvent(new Event('input', { bubbles: true }));
			await until(() =>
				kind === 'pagefind'
					? !!document.querySelector('.pagefind-ui__result-link') && (document.querySelector('.pagefind-ui__message')?.textContent ?? '').includes(query)
					: (() => {
							const first = document.querySelector('offline-search [data-results] li');
							return !!first && first !== previous;
						})(),
			);
			return performance.now() - started;
		},
		{ input, query, kind, open },
	);
}

/** Pagefind, as a reader meets it: open a page, wait until it is idle, open search and type. */
export async function onlineSearch(browser: Browser, origin: string, lang: string, queries: string[]): Promise<SearchTiming> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${origin}/${lang}/`, { waitUntil: 'networkidle' });
		await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
		await page.waitForLoadState('networkidle');
		const input = '#starlight__search input';
		const first = await timeQuery(page, input, queries[0]!, 'pagefind', 'button[data-open-modal]');
		const laterAll: number[] = [];
		for (const query of queries.slice(1)) laterAll.push(await timeQuery(page, input, query, 'pagefind'));
		return { first, later: median(laterAll), laterAll };
	} finally {
		await context.close();
	}
}

/** Unzips an offline bundle into a new temporary folder and returns the folder. */
export function unzipBundle(zip: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
	for (const [name, data] of Object.entries(unzipSync(readFileSync(zip)))) {
		if (name.endsWith('/')) continue;
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), data);
	}
	return dir;
}

/** The offline bundle's search, opened from file:// as a reader would from a USB key. */
export async function offlineSearch(browser: Browser, bundleDir: string, lang: string, queries: string[]): Promise<SearchTiming> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(pathToFileURL(join(bundleDir, lang, 'index.html')).href, { waitUntil: 'load' });
		const input = 'offline-search input[type=search]';
		const first = await timeQuery(page, input, queries[0]!, 'offline', 'offline-search button[data-open]');
		const laterAll: number[] = [];
		for (const query of queries.slice(1)) laterAll.push(await timeQuery(page, input, query, 'offline'));
		return { first, later: median(laterAll), laterAll };
	} finally {
		await context.close();
	}
}
