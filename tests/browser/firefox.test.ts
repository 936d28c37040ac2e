/**
 * The site in Firefox, the engine of Tor Browser, at Tor Browser's three security levels
 * (tests/helpers/firefox.ts): Standard; Safer, without WebAssembly or the JIT; Safest, without
 * JavaScript, SVG or downloaded fonts. Online, served from 127.0.0.1, and from file:// with the
 * bundle of every language. One browser per level, used by all the tests of that level.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { click, clickAndWait, LEVELS, launchAt, needFirefox, read, shown, tab, until, violations, watchPolicy } from '../helpers/firefox';
import { DIST, requireDist } from '../helpers/project';
import { serveStatic } from '../helpers/serve';
import { siteData } from '../helpers/site';
import { stepGroups, toSequences } from '../../src/plan/scenario';
import { unzipToTemp } from '../helpers/zip';

const ready = needFirefox();
const data = siteData();
const languages = data.languages;
const site = { url: '', close: async () => {} };
const bundle = { root: '', dir: '' };

beforeAll(async () => {
	if (!ready) return;
	requireDist();
	Object.assign(site, await serveStatic(DIST));
	const { dir } = unzipToTemp(join(DIST, 'downloads', 'playbook-all.zip'));
	Object.assign(bundle, { dir, root: `file://${join(dir, 'playbook-all')}/` });
});
afterAll(async () => {
	await site.close();
	if (bundle.dir) rmSync(bundle.dir, { recursive: true, force: true });
});

/** The steps of the sequencer, and the plans' headlines, that are shown. */
const visible = (selector: string, attribute: string) =>
	`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden').map((e) => e.getAttribute(${JSON.stringify(attribute)}))`;

/** What the reader leaves behind in the browser. */
const stored = `[localStorage.length, sessionStorage.length, document.cookie]`;

/** Requests that went anywhere but the site (or, from file://, the bundle) and the page itself (data: addresses). */
const foreign = (requests: string[], origin: string) => requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));

/** Types a query into the search box shown after opening search, once it has the focus. */
async function typeQuery(page: Page, input: string, query: string) {
	await until(page, `!!document.activeElement?.matches(${JSON.stringify(input)})`, (focused) => focused === true);
	await page.keyboard.type(query);
}

describe.each(LEVELS.map((level) => [level.name, level] as const))('Firefox at Tor Browser’s %s level', (name, level) => {
	let browser: Browser;
	beforeAll(async () => {
		if (ready) browser = await launchAt(level);
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('goes from the root to a language and on to another, with the language picker or, without scripts, the list of languages', async () => {
		const { page, requests, problems } = await tab(browser);
		await page.goto(`${site.url}/`);
		await clickAndWait(page, 'main a[href="/es/"]');
		expect(page.url()).toBe(`${site.url}/es/`);
		expect(await read(page, 'document.documentElement.lang')).toBe('es');
		if (level.scripts) {
			await Promise.all([page.waitForNavigation(), page.select('starlight-lang-select select', '/ar/')]);
		} else {
			// The picker gives way to a link to the list of languages.
			expect(await read(page, shown('starlight-lang-select'))).toBe(false);
			await clickAndWait(page, 'header a.all-languages');
			expect(page.url()).toBe(`${site.url}/`);
			await clickAndWait(page, 'main a[href="/ar/"]');
		}
		expect(page.url()).toBe(`${site.url}/ar/`);
		expect(await read(page, 'document.documentElement.dir')).toBe('rtl');
		// A sidebar link leads to a page of the same language.
		await clickAndWait(page, '#starlight__sidebar a[href="/ar/tools/signal/"]');
		expect(await read(page, `document.querySelector('main h1').textContent.trim()`)).toBe('Signal');
		// No control is left without words when icons are not drawn (SVG is off at Safest): every link,
		// button and picker shown has text of its own on screen (text for screen readers only does not count).
		const mute = await read<string[]>(
			page,
			`[...document.querySelectorAll('header a, header button, header select, #starlight__sidebar a, #starlight__sidebar summary, main a, main button, main summary, quick-exit a')]
				.filter((e) => e.checkVisibility({ visibilityProperty: true }))
				.filter((e) => e.tagName === 'SELECT' ? !e.selectedOptions[0]?.textContent.trim() : ![...(function* (walker) { while (walker.nextNode()) yield walker.currentNode; })(document.createTreeWalker(e, NodeFilter.SHOW_TEXT))].some((t) => { if (!t.textContent.trim()) return false; const range = document.createRange(); range.selectNodeContents(t); const r = range.getBoundingClientRect(); return r.width > 1 && r.height > 1; }))
				.map((e) => e.outerHTML.slice(0, 120))`,
		);
		expect(mute).toEqual([]);
		expect(await read(page, stored)).toEqual([0, 0, '']);
		expect(foreign(requests, site.url)).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});

	test(
		level.scripts ? `finds “Signal” in every language, with ${level.name === 'Standard' ? 'Pagefind' : 'the index that needs no WebAssembly'}` : 'offers the list of every page where the search box was, in every language',
		async () => {
			const { page, requests, problems } = await tab(browser);
			for (const language of languages) {
				await page.goto(`${site.url}/${language.id}/tools/`);
				if (!level.scripts) {
					await clickAndWait(page, 'header a.all-pages');
					expect(page.url()).toBe(`${site.url}/${language.id}/all-pages/`);
					const links = await read<string[]>(page, `[...document.querySelectorAll('main a')].map((a) => a.pathname)`);
					expect(links).toContain(`/${language.id}/tools/signal/`);
					continue;
				}
				expect(await read(page, 'typeof WebAssembly')).toBe(level.prefs['javascript.options.wasm'] ? 'object' : 'undefined');
				await click(page, 'button[data-open-modal]');
				await typeQuery(page, '#starlight__search input', 'Signal');
				const found = await until<string[]>(page, `[...document.querySelectorAll('#starlight__search a.pagefind-ui__result-link')].map((a) => a.pathname)`, (links) => links.includes(`/${language.id}/tools/signal/`));
				expect(found, language.id).toContain(`/${language.id}/tools/signal/`);
				expect(found.filter((url) => !url.startsWith(`/${language.id}/`)), language.id).toEqual([]);
			}
			const pagefind = requests.filter((url) => url.includes('/pagefind/'));
			const textIndex = requests.filter((url) => /\/search\/[a-z-]+\.js$/.test(url));
			if (level.name === 'Standard') expect([pagefind.length > 0, textIndex]).toEqual([true, []]);
			if (level.name === 'Safer') expect([pagefind, textIndex.length]).toEqual([[], languages.length]);
			expect(await read(page, stored)).toEqual([0, 0, '']);
			expect(foreign(requests, site.url)).toEqual([]);
			expect(problems).toEqual([]);
			await page.close();
		},
	);

	test('the risk check picks the plan from the answers, with no CSP violation', async () => {
		const { page, requests, problems } = await tab(browser);
		await watchPolicy(page);
		await page.goto(`${site.url}/fr/risk-check/`);
		expect(await read(page, visible('[data-headline]', 'data-route'))).toEqual([]);
		for (const question of ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky'])
			await click(page, `fieldset[data-question="${question}"] label:has(input[value="no"])`);
		expect(await until<string[]>(page, visible('[data-headline]', 'data-route'), (r) => r.length > 0)).toEqual(['direct']);
		// Another answer, another plan.
		const headline = await read<string[]>(page, visible('[data-headline]', 'data-headline'));
		await click(page, 'fieldset[data-question="direct-contact-dangerous"] label:has(input[value="yes"])');
		// A "yes" there asks the questions that follow it (askIf): they appear, and the plan waits for them.
		const asked = await until<string[]>(page, visible('fieldset[data-question]:not(:has(input:checked))', 'data-question'), (q) => q.length > 0);
		expect(asked.length).toBeGreaterThan(0);
		for (const question of asked) await click(page, `fieldset[data-question="${question}"] label:has(input[value="no"])`);
		const changed = await until<string[]>(page, visible('[data-headline]', 'data-headline'), (h) => h.length === 1 && h[0] !== headline[0]);
		expect([headline.length, changed.length, changed[0] === headline[0]]).toEqual([1, 1, false]);
		// The answers stay in the page: not in the address, not stored.
		expect(page.url()).toBe(`${site.url}/fr/risk-check/`);
		expect(await read(page, stored)).toEqual([0, 0, '']);
		expect(await violations(page)).toEqual([]);
		expect(foreign(requests, site.url)).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});

	test(level.scripts ? 'the sequencer shows one step at a time and goes to the next' : 'the sequencer shows every step, without its controls', async () => {
		const { page, problems } = await tab(browser);
		await watchPolicy(page);
		await page.goto(`${site.url}/en/scenarios/direct-contact/`);
		// A step, or a step with a choice between alternatives (data-choices: their ids), counted once.
		const steps = stepGroups(toSequences(data.scenarios).find((s) => s.id === 'direct-contact')!.steps).map((group) => group.map((step) => step.id).join(' '));
		const shownSteps = `${visible('scenario-sequencer ol.steps > li', 'data-step')}.map((id, i) => id ?? [...document.querySelectorAll('scenario-sequencer ol.steps > li')].filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')[i].getAttribute('data-choices'))`;
		if (level.scripts) {
			expect(await until<string[]>(page, shownSteps, (s) => s.length === 1)).toEqual([steps[0]]);
			await click(page, 'scenario-sequencer [data-next]');
			expect(await until<string[]>(page, shownSteps, (s) => s[0] !== steps[0])).toEqual([steps[1]]);
		} else {
			expect(await read(page, shownSteps)).toEqual(steps);
			expect(await read(page, shown('scenario-sequencer .controls'))).toBe(false);
		}
		expect(await read(page, stored)).toEqual([0, 0, '']);
		expect(await violations(page)).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});

	test('the downloads page offers every bundle and handout, with the checksum of what the link gives', async () => {
		const { page, problems } = await tab(browser);
		await page.goto(`${site.url}/es/downloads/`);
		const links = await read<{ href: string; text: string; sum: string | null }[]>(
			page,
			`[...document.querySelectorAll('main a[download]')].filter((a) => a.checkVisibility()).map((a) => ({ href: a.getAttribute('href'), text: a.innerText.trim(), sum: document.querySelector('[data-sha256="' + a.getAttribute('href').split('/').pop() + '"]')?.textContent.trim() ?? null }))`,
		);
		const names = links.map((l) => l.text);
		for (const language of languages) expect(names).toEqual(expect.arrayContaining([`playbook-${language.id}.zip`, `handout-${language.id}.pdf`]));
		for (const link of links.filter((l) => l.href.endsWith('.zip'))) {
			const response = await fetch(`${site.url}${link.href}`);
			expect(response.status, link.href).toBe(200);
			expect(createHash('sha256').update(new Uint8Array(await response.arrayBuffer())).digest('hex'), link.href).toBe(link.sum);
		}
		expect(problems).toEqual([]);
		await page.close();
	});

	test(level.scripts ? 'the quick exit leaves for the neutral site, in place of the page in the history' : 'the quick exit is a plain link to the neutral site', async () => {
		const { page, requests, problems } = await tab(browser);
		await page.goto(`${site.url}/`);
		await page.goto(`${site.url}/ar/tools/signal/`);
		const before = await read<number>(page, 'history.length');
		await clickAndWait(page, 'a[data-quick-exit]');
		expect(page.url()).toBe(languages.find((l) => l.id === 'ar')!.quickExit);
		// location.replace takes the guide's page out of the history; a plain link adds the neutral site after it.
		expect(await read(page, 'history.length')).toBe(level.scripts ? before : before + 1);
		// Nothing but the neutral site (its page, and the icon Firefox asks it for) was asked for outside the guide.
		const target = languages.find((l) => l.id === 'ar')!.quickExit;
		expect(foreign(requests, site.url).filter((url) => !url.startsWith(target))).toEqual([]);
		expect(foreign(requests, site.url)).toContain(target);
		expect(problems).toEqual([]);
		await page.close();
	});

	test('the offline bundle from file:// opens, searches (or lists every page without scripts) and answers the risk check', async () => {
		const { page, requests, problems } = await tab(browser);
		await watchPolicy(page);
		await page.goto(`${bundle.root}index.html`);
		await clickAndWait(page, 'main a[href="en/index.html"]');
		expect(page.url()).toBe(`${bundle.root}en/index.html`);
		if (level.scripts) {
			await click(page, 'offline-search [data-open]');
			await typeQuery(page, 'offline-search input[type=search]', 'Signal');
			const found = await until<string[]>(page, `[...document.querySelectorAll('offline-search [data-results] a')].map((a) => a.href)`, (links) => links.length > 0);
			expect(found).toContain(`${bundle.root}en/tools/signal/index.html`);
		} else {
			await clickAndWait(page, 'header a.all-pages');
			expect(page.url()).toBe(`${bundle.root}en/all-pages/index.html`);
			expect(await read<string[]>(page, `[...document.querySelectorAll('main a')].map((a) => a.href)`)).toContain(`${bundle.root}en/tools/signal/index.html`);
		}
		await page.goto(`${bundle.root}es/risk-check/index.html`);
		for (const question of ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky'])
			await click(page, `fieldset[data-question="${question}"] label:has(input[value="no"])`);
		expect(await until<string[]>(page, visible('[data-headline]', 'data-route'), (r) => r.length > 0)).toEqual(['direct']);
		expect(await read(page, `document.querySelector('a[data-quick-exit]').href`)).toBe(languages.find((l) => l.id === 'es')!.quickExit);
		expect(await violations(page)).toEqual([]);
		expect(foreign(requests, 'file://')).toEqual([]);
		expect(problems).toEqual([]);
		await page.close();
	});
});
