/**
 * The online search box in every language, in real Chromium: its interface speaks the page's
 * language (and reads right to left in Arabic), and it finds each tool by the names people type
 * in that language (`tool.<id>.names` in content/text/<lang>.yaml).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parseYaml, readText, textFile } from '../../src/check/sources';
import { useBuiltSite, watch } from '../helpers/browser';
import { ROOT } from '../helpers/project';
import { siteData } from '../helpers/site';

const site = useBuiltSite();
const data = siteData();
const source = data.languages[0]!.id;

/** What the search box shows for a query: every piece of interface text, with the query and counts taken out. */
async function searchInterface(page: Page, query: string) {
	await page.locator('site-search button[data-open-modal]').first().click();
	const dialog = page.locator('dialog[open]');
	const input = dialog.locator('.pagefind-ui__search-input');
	await input.fill(query);
	await dialog.locator('.pagefind-ui__result-link').first().waitFor();
	await dialog.locator('.pagefind-ui__message').filter({ hasText: /\S/ }).waitFor();
	return dialog.evaluate((root, q) => {
		const text = (selector: string) => (root.querySelector(selector)?.textContent ?? '').replace(q, '').replace(/[0-9٠-٩]+/g, '').replace(/\s+/g, ' ').trim();
		const input = root.querySelector<HTMLInputElement>('.pagefind-ui__search-input')!;
		const ui = root.querySelector<HTMLElement>('.pagefind-ui')!;
		const message = root.querySelector<HTMLElement>('.pagefind-ui__message')!;
		const link = root.querySelector<HTMLElement>('.pagefind-ui__result-link')!;
		const list = root.querySelector<HTMLElement>('.pagefind-ui__results')!;
		const [l, r] = [link.getBoundingClientRect(), list.getBoundingClientRect()];
		// Where the message's words, the query and the count stand on the line, left to right.
		const node = [...message.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(q))!;
		const full = node.textContent!;
		const at = (start: number, length: number) => {
			const range = document.createRange();
			range.setStart(node, start);
			range.setEnd(node, start + length);
			return Math.round(range.getBoundingClientRect().left);
		};
		const word = /[^\s\d\u2068\u2069:]+/.exec(full.replace(q, ' '.repeat(q.length)))!;
		const count = /[0-9٠-٩]+/.exec(full)!;
		return {
			strings: {
				message: text('.pagefind-ui__message'),
				clear: text('.pagefind-ui__search-clear'),
				more: text('.pagefind-ui__button'),
				placeholder: input.placeholder.trim(),
				label: (input.getAttribute('aria-label') ?? '').trim(),
			},
			direction: getComputedStyle(ui).direction,
			messageDirection: getComputedStyle(message).direction,
			// Where a result's title starts: right to left, it hugs the right edge of the list.
			gapStart: Math.round(l.left - r.left),
			gapEnd: Math.round(r.right - l.right),
			// The message's words, the query and the count in the order they are written, with where each stands.
			order: [
				{ index: word.index, left: at(word.index, word[0].length) },
				{ index: full.indexOf(q), left: at(full.indexOf(q), q.length) },
				{ index: count.index, left: at(count.index, count[0].length) },
			]
				.sort((a, b) => a.index - b.index)
				.map((part) => part.left),
		};
	}, query);
}

describe('the search box', () => {
	test('speaks each page’s language, with no English label left, and reads right to left in Arabic', async () => {
		const seen: Record<string, Awaited<ReturnType<typeof searchInterface>>> = {};
		for (const language of data.languages) {
			const page = await site.browser.newPage();
			const problems = watch(page);
			await page.goto(`${site.url}/${language.id}/tools/signal/`);
			seen[language.id] = await searchInterface(page, 'Signal');
			expect(problems, language.id).toEqual([]);
			await page.close();
		}
		const english = seen[source]!.strings;
		// Every label is there in the source language, so an untranslated one would show as equal below.
		for (const [name, value] of Object.entries(english)) expect(value, `${source} ${name}`).not.toBe('');
		for (const language of data.languages.slice(1)) {
			const { strings, direction, messageDirection, gapStart, gapEnd, order } = seen[language.id]!;
			for (const [name, value] of Object.entries(strings)) {
				expect(value, `${language.id}: ${name}`).not.toBe('');
				expect(value, `${language.id}: the search box's ${name} is the ${source} one`).not.toBe(english[name as keyof typeof english]);
			}
			expect(direction, language.id).toBe(language.dir);
			expect(messageDirection, language.id).toBe(language.dir);
			if (language.dir === 'rtl') expect(gapEnd, `${language.id}: result titles start on the right`).toBeLessThan(gapStart);
			else expect(gapStart, `${language.id}: result titles start on the left`).toBeLessThan(gapEnd);
			// The message reads in the page's direction as it is written: a query in another script does
			// not carry the count or the punctuation to its other side.
			const sorted = [...order].sort((a, b) => (language.dir === 'rtl' ? b - a : a - b));
			expect(order, `${language.id}: the parts of "${strings.message}" stand out of reading order`).toEqual(sorted);
		}
	});

	test('on a phone, keeps the magnifier off the Cancel button and the clear button at the end of the line, in each direction', async () => {
		for (const language of data.languages.filter((l, i) => i === 0 || l.dir === 'rtl')) {
			const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
			const page = await context.newPage();
			await page.goto(`${site.url}/${language.id}/tools/`);
			await page.locator('site-search button[data-open-modal]').first().click();
			const dialog = page.locator('dialog[open]');
			await dialog.locator('.pagefind-ui__search-input').fill('Signal');
			await dialog.locator('.pagefind-ui__search-clear').waitFor();
			const boxes = await dialog.evaluate((root) => {
				const box = (e: Element, pseudo?: string) => {
					const r = e.getBoundingClientRect();
					if (!pseudo) return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
					// The magnifier is the form's ::before: its box from its computed place in the form.
					const s = getComputedStyle(e, pseudo);
					const left = r.left + parseFloat(s.left);
					const top = r.top + parseFloat(s.top);
					return { left, right: left + parseFloat(s.width), top, bottom: top + parseFloat(s.height) };
				};
				const cancel = root.querySelector('button[data-close-modal]')!;
				const input = root.querySelector('.pagefind-ui__search-input')!;
				const clear = root.querySelector('.pagefind-ui__search-clear')!;
				const c = box(clear);
				return {
					magnifier: box(root.querySelector('.pagefind-ui__form')!, '::before'),
					cancel: box(cancel),
					input: box(input),
					clear: c,
					// What a tap on the clear button's centre reaches.
					clearHit: clear.contains(document.elementFromPoint((c.left + c.right) / 2, (c.top + c.bottom) / 2)),
				};
			});
			const overlap = (a: typeof boxes.cancel, b: typeof boxes.cancel) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
			expect(overlap(boxes.magnifier, boxes.cancel), `${language.id}: the magnifier is drawn over Cancel`).toBe(false);
			expect(overlap(boxes.magnifier, boxes.input), `${language.id}: the magnifier is inside the search box`).toBe(true);
			expect(overlap(boxes.clear, boxes.cancel), `${language.id}: the clear button covers Cancel`).toBe(false);
			expect(boxes.clearHit, `${language.id}: the clear button is what a tap on it reaches`).toBe(true);
			const middle = (b: typeof boxes.cancel) => (b.left + b.right) / 2;
			const inputMiddle = middle(boxes.input);
			if (language.dir === 'rtl') {
				// Right to left: the magnifier at the start (right), the clear button at the end (left).
				expect(middle(boxes.magnifier), `${language.id}: magnifier on the right`).toBeGreaterThan(inputMiddle);
				expect(middle(boxes.clear), `${language.id}: clear button on the left`).toBeLessThan(inputMiddle);
			} else {
				expect(middle(boxes.magnifier), `${language.id}: magnifier on the left`).toBeLessThan(inputMiddle);
				expect(middle(boxes.clear), `${language.id}: clear button on the right`).toBeGreaterThan(inputMiddle);
			}
			await context.close();
		}
	});

	test('finds each tool by the names people use for it in each language', async () => {
		let checked = 0;
		for (const language of data.languages) {
			const texts = (parseYaml(readText(ROOT, textFile(language.id)) ?? '', textFile(language.id)) ?? {}) as Record<string, unknown>;
			const queries = data.tools.flatMap((tool) => {
				const names = texts[`tool.${tool.id}.names`];
				return typeof names === 'string' ? names.split(/[,،]/).map((n) => ({ tool: tool.id, name: n.trim() })).filter((q) => q.name) : [];
			});
			if (!queries.length) continue;
			const page = await site.browser.newPage();
			const problems = watch(page);
			await page.goto(`${site.url}/${language.id}/`);
			for (const { tool, name } of queries) {
				// A string, so that the test runner does not rewrite the dynamic import meant for the page.
				const found: string[] = await page.evaluate(`(async () => {
					const pagefind = await import('/pagefind/pagefind.js');
					const { results } = await pagefind.search(${JSON.stringify(name)});
					return Promise.all(results.slice(0, 3).map(async (r) => (await r.data()).url));
				})()`);
				expect(found, `${language.id}: "${name}" should find the ${tool} page`).toContain(`/${language.id}/tools/${tool}/`);
				checked++;
			}
			expect(problems, language.id).toEqual([]);
			await page.close();
		}
		// The shipped guide names tools in Arabic, French and Spanish: the test has something to check.
		expect(checked).toBeGreaterThan(0);
	});
});
