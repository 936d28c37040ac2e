/**
 * Phone first: every page type, in English and Arabic, at 390 px, with JavaScript on and off, read
 * in real Chromium: no sideways scrolling, no word broken or cut, controls of at least 44 × 44 px,
 * nothing under the quick exit, checksums whole (the checks: tests/helpers/phone-width.ts). The
 * mobile menu is checked open too, and the offline bundles from file://.
 *
 * It also writes screenshots of each page type at 390 and 1280 px, light and dark, in both
 * directions, to test-results/screens/ (not committed), to look at.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { phoneProblems, type Options, type PhoneProblem } from '../helpers/phone-width';
import { useBuiltSite, watch } from '../helpers/browser';
import { DIST, ROOT } from '../helpers/project';
import { PAGE_TYPES } from '../helpers/site';
import { unzipToTemp } from '../helpers/zip';

const site = useBuiltSite();
const LANGS = ['en', 'ar'] as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const SCREENS = join(ROOT, 'test-results', 'screens');
const OPTIONS: Options = { minTarget: 44, navigation: 'header, nav, footer, quick-exit, .pagination-links', quickExit: 'a[data-quick-exit]', checksums: '[data-sha256]' };

const bundles: Record<string, string> = {};
beforeAll(() => {
	for (const lang of LANGS) {
		const { dir } = unzipToTemp(join(DIST, 'downloads', `playbook-${lang}.zip`));
		bundles[lang] = `file://${join(dir, `playbook-${lang}`)}/`;
	}
	mkdirSync(SCREENS, { recursive: true });
});
afterAll(() => {
	for (const root of Object.values(bundles)) rmSync(new URL('..', root), { recursive: true, force: true });
});

/**
 * Time for a test that waits for its turn (`slot`) before its page opens: the tests start together
 * and the queue counts against each one's time.
 */
const QUEUED = 240_000;

/** A few pages at a time: two cores are shared with the other test files. */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
	// A finished page hands its place to the next one waiting.
	if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
	else running++;
	try {
		return await work();
	} finally {
		const next = waiting.shift();
		if (next) next();
		else running--;
	}
}

async function open(context: BrowserContextOptions, url: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
	const browserContext = await site.browser.newContext(context);
	const page = await browserContext.newPage();
	const errors = watch(page);
	await page.goto(url);
	return { context: browserContext, page, errors };
}

const phone = (javaScriptEnabled: boolean): BrowserContextOptions => ({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled });

/** Something to do on the page before it is checked: open search, open the menu. */
type Action = (page: Page, lang: string) => Promise<void>;

const SEARCH_QUERY: Record<string, string> = { en: 'phone number', ar: 'رقم الهاتف' };

const searchOnline: Action = async (page, lang) => {
	await page.locator('site-search button[data-open-modal]').click();
	await page.locator('site-search dialog input').fill(SEARCH_QUERY[lang]!);
	await page.locator('.pagefind-ui__result-link').first().waitFor();
};
const searchOffline: Action = async (page, lang) => {
	await page.locator('offline-search [data-open]').click();
	await page.locator('offline-search input[type=search]').fill(SEARCH_QUERY[lang]!);
	await page.locator('offline-search [data-results] a').first().waitFor();
};
const openMenu: Action = async (page) => {
	await page.locator('button.sl-menu-button').click();
	await page.locator('#starlight__sidebar:popover-open').waitFor();
};

interface Case {
	name: string;
	url: (lang: string) => string;
	/** Only what is inside these elements is checked (Options.scope). */
	scope?: string;
	/** Only with JavaScript (search needs it). */
	jsOnly?: boolean;
	action?: Action;
	/** Screenshots of it at both widths, light and dark. */
	screenshot?: boolean;
}

const SCREENSHOT = new Set(['', 'tools/signal/', 'scenarios/direct-contact/', 'risk-check/', 'practices/passwords/', 'downloads/', '404/']);
const CASES: Case[] = [
	...PAGE_TYPES.map((path) => ({ name: path || 'start page', url: (lang: string) => `${site.url}/${lang}/${path}`, screenshot: SCREENSHOT.has(path) })),
	{ name: 'search results', url: (lang) => `${site.url}/${lang}/tools/`, jsOnly: true, action: searchOnline, scope: 'dialog[open]', screenshot: true },
	{ name: 'menu open', url: (lang) => `${site.url}/${lang}/tools/signal/`, action: openMenu, scope: 'header, #starlight__sidebar' },
	{ name: 'offline start page', url: (lang) => `${bundles[lang]}index.html`, screenshot: true },
	{ name: 'offline scenario', url: (lang) => `${bundles[lang]}${lang}/scenarios/direct-contact/index.html` },
	{ name: 'offline search results', url: (lang) => `${bundles[lang]}${lang}/index.html`, jsOnly: true, action: searchOffline, scope: 'dialog[open]', screenshot: true },
];
const ROOT_CASES: Case[] = [
	{ name: 'site root', url: () => `${site.url}/`, screenshot: true },
	{ name: 'root 404', url: () => `${site.url}/404.html` },
];

const report = (problems: PhoneProblem[]) => problems.map((p) => `${p.kind}: ${p.where}: ${p.detail}`);

async function check(c: Case, lang: string, javaScriptEnabled: boolean): Promise<string[]> {
	return slot(async () => {
		const { context, page, errors } = await open(phone(javaScriptEnabled), c.url(lang));
		try {
			await c.action?.(page, lang);
			// Folded parts are checked open, as a reader opens them.
			await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
			const problems = report(await page.evaluate(phoneProblems, { ...OPTIONS, scope: c.scope }));
			// On a phone the menu starts with the theme and language pickers, within the first screen;
			// without JavaScript with the language picker's stand-in only (the link to the list of
			// languages): the theme picker, which could change nothing, is hidden.
			if (c.action === openMenu) {
				const pickers = javaScriptEnabled ? 2 : 1;
				const first = await page.evaluate((pickers) => {
					const items = [...document.querySelectorAll('#starlight__sidebar select, #starlight__sidebar a[href]')].filter((e) => e.getClientRects().length);
					return items.slice(0, pickers).map((e) => [e.tagName === 'SELECT' || e.classList.contains('all-languages') ? 'picker' : `${e.tagName} ${e.textContent?.trim()}`, Math.round(e.getBoundingClientRect().bottom)] as const);
				}, pickers);
				expect(first.map(([tag]) => tag), 'the menu opens with the theme and language pickers').toEqual(Array(pickers).fill('picker'));
				for (const [, bottom] of first) expect(bottom).toBeLessThanOrEqual(PHONE.height);
			}
			return [...problems, ...errors];
		} finally {
			await context.close();
		}
	});
}

describe('at 390 px', () => {
	const cases = [
		...LANGS.flatMap((lang) => [true, false].flatMap((js) => CASES.filter((c) => js || !c.jsOnly).map((c) => [`${lang}, ${c.name}, JavaScript ${js ? 'on' : 'off'}`, lang, js, c] as const))),
		...ROOT_CASES.flatMap((c) => [true, false].map((js) => [`${c.name}, JavaScript ${js ? 'on' : 'off'}`, 'en', js, c] as const)),
	];
	test.concurrent.each(cases)(
		'%s',
		async (_, lang, js, c) => {
			expect(await check(c, lang, js)).toEqual([]);
		},
		QUEUED,
	);
});

describe('rows of controls line up', () => {
	/** For each row, the distinct tops of its controls that share a line (controls wrapped to another line are apart by more than their height). */
	const rows = (page: Page, row: string, control: string) =>
		page.locator(row).evaluateAll(
			(rows, control) =>
				rows.map((r) => {
					const boxes = [...r.querySelectorAll(control)].filter((c) => c.getClientRects().length).map((c) => c.getBoundingClientRect());
					// Controls on the first line: their tops may differ by less than a control's height only if something pushes one down.
					const first = Math.min(...boxes.map((b) => b.top));
					return boxes.filter((b) => b.top < first + b.height * 0.9).map((b) => Math.round(b.top));
				}),
			control,
		);

	test.concurrent.each(LANGS.flatMap((lang) => [true, false].map((js) => [lang, js] as const)))('the risk check\'s answers and the sequencer\'s buttons, %s, JavaScript %s', async (lang, js) => {
		await slot(async () => {
			const { context, page } = await open(phone(js), `${site.url}/${lang}/risk-check/`);
			// The questions shown: one asked only after an earlier answer (askIf) is not laid out until then.
			const shownRows = (await rows(page, 'fieldset .choices', 'label')).filter((tops) => tops.length);
			expect(shownRows.length).toBeGreaterThan(0);
			for (const tops of shownRows) expect(new Set(tops).size, `answers at ${tops}`).toBe(1);
			if (js) {
				// "Clear" and "Make a link" (shown by the script).
				for (const tops of await rows(page, 'risk-selector .actions', 'button')) expect(new Set(tops).size, `buttons at ${tops}`).toBe(1);
			}
			if (js) {
				await page.goto(`${site.url}/${lang}/${PAGE_TYPES.find((p) => p.startsWith('scenarios/'))}`);
				for (const tops of await rows(page, 'scenario-sequencer .more', 'button')) expect(new Set(tops).size, `buttons at ${tops}`).toBe(1);
			}
			await context.close();
		});
	}, QUEUED);
});

describe('screenshots', () => {
	const shots = [...ROOT_CASES.filter((c) => c.screenshot).map((c) => ['root', c] as const), ...LANGS.flatMap((lang) => CASES.filter((c) => c.screenshot).map((c) => [lang, c] as const))].flatMap(([lang, c]) =>
		[PHONE, DESKTOP].flatMap((viewport) => (['light', 'dark'] as const).map((colorScheme) => [`${lang}: ${c.name}, ${viewport.width} px, ${colorScheme}`, lang, c, viewport, colorScheme] as const)),
	);
	test.concurrent.each(shots)(
		'%s',
		async (_, lang, c, viewport, colorScheme) => {
			await slot(async () => {
				const { context, page } = await open({ viewport, colorScheme }, c.url(lang === 'root' ? 'en' : lang));
				try {
					await c.action?.(page, lang);
					const name = `${c.name.replace(/\W+/g, '-').replace(/-$/, '') || 'start'}-${lang}-${viewport.width}-${colorScheme}.png`;
					// The phone's view of the whole page (up to 3000 px), the desktop's first screen.
					const height = viewport === PHONE ? Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 3000) : viewport.height;
					await page.screenshot({ path: join(SCREENS, name), fullPage: viewport === PHONE, clip: { x: 0, y: 0, width: viewport.width, height } });
				} finally {
					await context.close();
				}
			});
		},
		QUEUED,
	);
});

describe('the quick exit labelled in every language (site root, root 404)', () => {
	/**
	 * Its labels, line by line as they wrap, and the parts of the button beside the first and after
	 * the last label of each line, and between two labels of a line, in the screenshot's pixels.
	 */
	async function labelLines(page: Page) {
		return page.locator('a[data-quick-exit]').evaluate((link) => {
			const box = link.getBoundingClientRect();
			const spans = [...link.children].map((s) => s.getBoundingClientRect());
			const lines = new Map<number, DOMRect[]>();
			for (const s of spans) lines.set(Math.round(s.top), [...(lines.get(Math.round(s.top)) ?? []), s]);
			const region = (x0: number, x1: number, r: DOMRect) => ({ x0: Math.round(x0 - box.left), x1: Math.round(x1 - box.left), y0: Math.round(r.top - box.top), y1: Math.round(r.bottom - box.top) });
			return {
				box: { x: box.left, y: box.top, width: box.width, height: box.height },
				lines: [...lines.values()].map((line) => {
					line.sort((a, b) => a.left - b.left);
					return {
						edges: [region(box.left, line[0]!.left, line[0]!), region(line.at(-1)!.right, box.right, line.at(-1)!)],
						gaps: line.slice(1).map((s, i) => region(line[i]!.right, s.left, s)),
					};
				}),
			};
		});
	}

	/** How many pixels of a region are light (the white of the dots and the text), in a screenshot of the button. */
	async function lightPixels(png: Buffer, width: number, regions: { x0: number; x1: number; y0: number; y1: number }[]) {
		const { createCanvas, loadImage } = await import('@napi-rs/canvas');
		const image = await loadImage(png);
		const canvas = createCanvas(image.width, image.height);
		const context = canvas.getContext('2d');
		context.drawImage(image, 0, 0);
		const scale = image.width / width;
		return regions.map(({ x0, x1, y0, y1 }) => {
			const [x, y, w, h] = [Math.round(x0 * scale), Math.round(y0 * scale), Math.max(1, Math.round((x1 - x0) * scale)), Math.max(1, Math.round((y1 - y0) * scale))];
			const { data } = context.getImageData(x, y, w, h);
			let light = 0;
			for (let i = 0; i < data.length; i += 4) if (data[i + 1]! > 150 && data[i + 2]! > 150) light++;
			return light;
		});
	}

	test.concurrent.each(ROOT_CASES.flatMap((c) => [320, 390].map((width) => [`${c.name}, ${width} px`, c, width] as const)))(
		'%s: the labels wrap, a dot separates two labels of a line, and no line starts or ends with one',
		async (_, c, width) => {
			await slot(async () => {
				const { context, page } = await open({ viewport: { width, height: 700 }, isMobile: true, hasTouch: true }, c.url('en'));
				try {
					const { box, lines } = await labelLines(page);
					expect(lines.length, 'lines of labels').toBeGreaterThan(1);
					const png = await page.screenshot({ clip: box });
					const edges = await lightPixels(png, box.width, lines.flatMap((l) => l.edges));
					expect(edges, 'light pixels before the first and after the last label of each line').toEqual(edges.map(() => 0));
					const gaps = await lightPixels(png, box.width, lines.flatMap((l) => l.gaps));
					expect(gaps.length, 'two labels on a line').toBeGreaterThan(0);
					for (const light of gaps) expect(light, 'a dot between two labels').toBeGreaterThan(0);
				} finally {
					await context.close();
				}
			});
		},
		QUEUED,
	);
});

describe('the check finds what it is meant to find', () => {
	/** Opens a page with its content policy set aside, so that a test can add a broken style. */
	async function seeded(path: string, css: string): Promise<PhoneProblem[]> {
		return slot(async () => {
			const { context, page } = await open({ ...phone(true), bypassCSP: true }, `${site.url}${path}`);
			try {
				await page.addStyleTag({ content: css });
				await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
				return await page.evaluate(phoneProblems, OPTIONS);
			} finally {
				await context.close();
			}
		});
	}

	test.concurrent('a column 40 px wide: its words are reported broken or too wide', async () => {
		const problems = await seeded('/en/scenarios/direct-contact/', 'main .sl-markdown-content p { width: 40px; }');
		expect(problems.filter((p) => (p.kind === 'broken' || p.kind === 'narrow') && p.where.includes(' > p')).length).toBeGreaterThan(0);
		// The same column, with words kept whole: they stick out of it.
		const whole = await seeded('/en/scenarios/direct-contact/', 'main .sl-markdown-content p { width: 40px; overflow-wrap: normal !important; }');
		expect(whole.some((p) => p.kind === 'narrow' && p.detail.includes('its column 40px'))).toBe(true);
	}, QUEUED);

	test.concurrent('a page wider than the screen, a small button, a covered link, a cut checksum, text under the quick exit', async () => {
		const wide = await seeded('/en/tools/signal/', 'main h1 { width: 600px; }');
		expect(wide.map((p) => p.kind)).toContain('overflow');
		const small = await seeded('/en/risk-check/', 'main button, main summary { width: 20px !important; height: 20px !important; min-width: 0 !important; min-height: 0 !important; padding: 0 !important; overflow: hidden; }');
		expect(small.map((p) => p.kind)).toContain('small');
		const covered = await seeded('/en/tools/signal/', 'main::after { content: ""; position: fixed; inset: 0; z-index: 10; }');
		expect(covered.map((p) => p.kind)).toContain('covered');
		const checksum = await seeded('/en/downloads/', '[data-sha256] { white-space: nowrap !important; overflow: hidden; display: block; word-break: normal !important; }');
		expect(checksum.map((p) => p.kind)).toContain('checksum');
		const floating = await seeded('/en/practices/passwords/', 'a[data-quick-exit] { position: fixed !important; inset: auto !important; top: 50% !important; left: 40px !important; width: 200px !important; }');
		expect(floating.filter((p) => p.kind === 'covered' && p.detail.includes('quick exit')).length).toBeGreaterThan(0);
	}, QUEUED);
});
