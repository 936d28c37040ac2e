/**
 * What the benchmark measures in Chromium (the one src/pdf/browser.ts finds; never a downloaded
 * one): the files a first view of a page fetches, and how long search takes to show results.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/pdf/browser.ts';
import { serveStatic } from '../../src/build/static-server.ts';

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
 * Opens Pagefind's search and types a query at once, then waits, inside the page, until its
 * results are shown; returns the milliseconds from the click (`open`) or the typing.
 */
async function timeQuery(page: Page, input: string, query: string, open?: string): Promise<number> {
	return page.evaluate(
		async ({ input, query, open }) => {
			const started = performance.now();
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
			await until(() => !!document.querySelector('.pagefind-ui__result-link') && (document.querySelector('.pagefind-ui__message')?.textContent ?? '').includes(query));
			return performance.now() - started;
		},
		{ input, query, open },
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
		const first = await timeQuery(page, input, queries[0]!, 'button[data-open-modal]');
		const laterAll: number[] = [];
		for (const query of queries.slice(1)) laterAll.push(await timeQuery(page, input, query));
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

/** Milliseconds between two keystrokes when the benchmark types a query: a fast typist, about 120 words a minute. */
export const KEY_DELAY = 100;
/** Fresh pages per language on which the offline search is timed; the figures are medians over them. */
export const OFFLINE_RUNS = 5;
/** The goals of #20 for the offline search, in milliseconds from the last keystroke to the results. */
export const OFFLINE_SEARCH_GOALS = { first: 50, later: 10 };

export interface OfflineSearchTiming {
	/** Median over the runs: the first query on a page just opened, from its last keystroke to its results laid out. */
	first: number;
	firstAll: number[];
	/** Median of every later query of every run, from its last keystroke to its results. */
	later: number;
	laterAll: number[];
	/**
	 * Median over the runs: from opening search to the results of a query put in at once (pasted),
	 * so that no typing hides what search loads: the worst a reader can meet.
	 */
	cold: number;
	coldAll: number[];
}

/**
 * Starts the clock of the offline search in a bundle page: the time of each keystroke in the
 * search box (the key event's own time stamp, so that a key waiting on a busy page counts), and,
 * each time the result list changes, the time once the change is laid out (reading the list's
 * size makes the browser lay it out). Painting is left out: it waits for the screen's next frame.
 */
async function startClock(page: Page): Promise<void> {
	await page.evaluate(() => {
		const list = document.querySelector('offline-search [data-results]')!;
		const clock = { key: 0, shown: [] as { key: number; at: number }[] };
		document.addEventListener('keydown', (event) => (event.target as Element).matches('offline-search input') && (clock.key = event.timeStamp), true);
		new MutationObserver(() => {
			list.getBoundingClientRect();
			clock.shown.push({ key: clock.key, at: performance.now() });
		}).observe(list, { childList: true });
		(window as unknown as { benchClock: typeof clock }).benchClock = clock;
	});
}

/**
 * Milliseconds from the last keystroke (for a pasted query, the time set in its place) to the
 * results of the query: the last change of the list after that keystroke, once the list has not
 * changed for 300 ms (a page that shows an earlier query's results first pays for them).
 */
async function resultsShown(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const clock = (window as unknown as { benchClock: { key: number; shown: { key: number; at: number }[] } }).benchClock;
		const key = clock.key;
		for (;;) {
			const last = clock.shown.filter((s) => s.key === key).at(-1);
			if (last && performance.now() - last.at > 300) return last.at - key;
			if (performance.now() - key > 30_000) throw new Error(`no results 30 s after the last keystroke in the offline search box`);
			await new Promise((r) => setTimeout(r, 20));
		}
	});
}

/** Opens a bundle page in a fresh browser context, waits until it is idle and starts the clock. */
async function idleBundlePage(browser: Browser, bundleDir: string, lang: string): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(pathToFileURL(join(bundleDir, lang, 'index.html')).href, { waitUntil: 'load' });
	await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
	await startClock(page);
	return { page, close: () => context.close() };
}

/**
 * The offline bundle's search, opened from file:// as a reader would from a USB key: on each of
 * `OFFLINE_RUNS` fresh pages, open search with a click and type the queries key by key
 * (`KEY_DELAY` apart), each replacing the one before; and, on another fresh page, open search and
 * put the first query in at once (`cold`).
 */
export async function offlineSearch(browser: Browser, bundleDir: string, lang: string, queries: string[]): Promise<OfflineSearchTiming> {
	const input = 'offline-search input[type=search]';
	const firstAll: number[] = [];
	const laterAll: number[] = [];
	const coldAll: number[] = [];
	for (let run = 0; run < OFFLINE_RUNS; run++) {
		const typed = await idleBundlePage(browser, bundleDir, lang);
		try {
			await typed.page.click('offline-search button[data-open]');
			for (const [i, query] of queries.entries()) {
				if (i > 0) await typed.page.fill(input, '');
				await typed.page.locator(input).pressSequentially(query, { delay: KEY_DELAY });
				(i === 0 ? firstAll : laterAll).push(await resultsShown(typed.page));
			}
		} finally {
			await typed.close();
		}
		const pasted = await idleBundlePage(browser, bundleDir, lang);
		try {
			await pasted.page.evaluate(
				({ input, query }) => {
					(window as unknown as { benchClock: { key: number } }).benchClock.key = performance.now();
					(document.querySelector('offline-search button[data-open]') as HTMLElement).click();
					const box = document.querySelector(input) as HTMLInputElement;
					box.value = query;
					box.dispatchEvent(new Event('input', { bubbles: true }));
				},
				{ input, query: queries[0]! },
			);
			coldAll.push(await resultsShown(pasted.page));
		} finally {
			await pasted.close();
		}
	}
	return { first: median(firstAll), firstAll, later: median(laterAll), laterAll, cold: median(coldAll), coldAll };
}
