/**
 * Firefox at Tor Browser's three security levels, for the tests that read the site as Tor
 * Browser's readers do. Each level is the set of preferences Tor Browser writes for it
 * (kSecuritySettings in toolkit/components/securitylevel/SecurityLevel.sys.mjs of Tor Browser),
 * plus what its NoScript settings do, emulated by preferences: at Safer, scripts run only on
 * HTTPS and onion sites (the tests serve the site from 127.0.0.1, standing for one of those), and
 * at Safest nowhere, with no downloaded fonts.
 *
 * With `javascript.enabled` off, WebDriver BiDi can still evaluate an expression given as text
 * in the page, but not call a function in it: so every read goes through `read`, with the same
 * code at every level, and clicks are real mouse clicks at the element's place.
 */
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { FIREFOX_INSTALL, firefoxPath, launchFirefox } from './firefox-binary';
import { needPrograms } from './system';

/** Tor Browser's kSecuritySettings: each preference's value at Safest, Safer and Standard. */
const SECURITY_SETTINGS: Record<string, [safest: boolean, safer: boolean, standard: boolean]> = {
	'javascript.options.ion': [false, false, true],
	'javascript.options.baselinejit': [false, false, true],
	'javascript.options.native_regexp': [false, false, true],
	'mathml.disabled': [true, true, false],
	'gfx.font_rendering.graphite.enabled': [false, false, true],
	'gfx.font_rendering.opentype_svg.enabled': [false, false, true],
	'svg.disabled': [true, false, false],
	'javascript.options.asmjs': [false, false, true],
	'javascript.options.wasm': [false, false, true],
};

export interface Level {
	name: 'Standard' | 'Safer' | 'Safest';
	/** Whether the page's scripts run. */
	scripts: boolean;
	prefs: Record<string, unknown>;
}

const column = (i: 0 | 1 | 2) => Object.fromEntries(Object.entries(SECURITY_SETTINGS).map(([pref, values]) => [pref, values[i]]));

export const LEVELS: Level[] = [
	{ name: 'Standard', scripts: true, prefs: column(2) },
	{ name: 'Safer', scripts: true, prefs: column(1) },
	// NoScript at Safest: no script and no downloaded font on any site.
	{ name: 'Safest', scripts: false, prefs: { ...column(0), 'javascript.enabled': false, 'gfx.downloadable_fonts.enabled': false } },
];

/**
 * For a test file: true when Firefox is installed. Without it every test of the file is skipped
 * with one note naming it and how to install it, or fails under PLAYBOOK_REQUIRE_SERVERS=1.
 */
export const needFirefox = () => needPrograms([{ name: 'Firefox', path: firefoxPath(), install: FIREFOX_INSTALL, variable: 'FIREFOX_PATH' }]);

export const launchAt = (level: Level): Promise<Browser> => launchFirefox(level.prefs);

/** The value of a JavaScript expression in the page, as JSON: works with the page's scripts off. */
export async function read<T>(page: Page, expression: string): Promise<T> {
	const text = (await page.evaluate(`JSON.stringify((() => (${expression}))())`)) as string | undefined;
	return text === undefined ? (undefined as T) : (JSON.parse(text) as T);
}

/** Retries `read` until it gives `expected` (deep equality) or `timeout` ms pass; returns the last value. */
export async function until<T>(page: Page, expression: string, accept: (value: T) => boolean, timeout = 10_000): Promise<T> {
	const end = Date.now() + timeout;
	let value = await read<T>(page, expression);
	while (!accept(value) && Date.now() < end) {
		await new Promise((r) => setTimeout(r, 100));
		value = await read<T>(page, expression).catch(() => value);
	}
	return value;
}

/** Clicks the first element matching `selector` with the mouse, as a reader does; throws when it is not shown. */
export async function click(page: Page, selector: string): Promise<void> {
	const box = await read<{ x: number; y: number; width: number; height: number } | null>(
		page,
		`(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return null; e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })()`,
	);
	if (!box || !box.width || !box.height) throw new Error(`nothing to click: ${selector} is ${box ? 'not shown' : 'not in the page'} (${page.url()})`);
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Clicks and waits for the navigation it starts. */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
	await Promise.all([page.waitForNavigation(), click(page, selector)]);
}

/** Whether an element is shown: in the page, with a size, not hidden by style. */
export const shown = (selector: string) =>
	`[...document.querySelectorAll(${JSON.stringify(selector)})].some((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; })`;

/**
 * A tab that records every request and what goes wrong (console errors, uncaught errors, error
 * responses), and answers requests to `neutral` (the quick exit's sites) itself, so none leaves
 * the machine.
 */
export async function tab(browser: Browser, neutral = /^https:\/\/[a-z]+\.wikipedia\.org\//) {
	const page = await browser.newPage();
	await page.setViewport({ width: 1280, height: 900 });
	const requests: string[] = [];
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
	page.on('pageerror', (e) => problems.push(`error: ${e instanceof Error ? e.message : String(e)}`));
	page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
	await page.setRequestInterception(true);
	page.on('request', (request: HTTPRequest) => {
		requests.push(request.url());
		if (neutral.test(request.url())) void request.respond({ status: 200, contentType: 'text/html', body: '<title>neutral</title>' });
		else void request.continue();
	});
	return { page, requests, problems };
}

/** Records CSP violations from before the page's first script, where scripts run; read with `violations`. */
export async function watchPolicy(page: Page): Promise<void> {
	await page.evaluateOnNewDocument(`(() => {
		const seen = (window.__violations = []);
		document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
	})()`);
}
export const violations = (page: Page) => read<string[]>(page, 'window.__violations ?? []');
