/**
 * The online search box in every language, in real Chromium: its interface speaks the page's
 * language (and reads right to left in Arabic), and it finds each tool by the names people type
 * in that language (`tool.<id>.names` in content/text/<lang>.yaml).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parseYaml, readText, textFile } from '../../src/lib/sources';
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
