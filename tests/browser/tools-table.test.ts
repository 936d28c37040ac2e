/**
 * The tools comparison (components/ToolTable.astro) in real Chromium, in every language: on a
 * phone every tool's name stays in view however far the table is scrolled sideways, each tool
 * shows whether using it draws attention (the guide's deciding fact), and on a computer no label
 * or heading is broken inside a word nor spills out of its box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';
import { ROOT } from '../helpers/project';
import { siteData } from '../helpers/site';

const site = useBuiltSite();
const data = siteData();
const ui = (lang: string) => JSON.parse(readFileSync(join(ROOT, `content/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
/** The tools the table compares, as tools.yaml lists them. */
const compared = data.tools.filter((tool) => ['messenger', 'meeting', 'email'].includes(tool.kind ?? ''));

/** Opens the tools page of a language at a width; returns the page and a way to close it. */
async function open(lang: string, width: number) {
	const context = await site.browser.newContext({ viewport: { width, height: 844 }, ...(width < 500 ? { isMobile: true, hasTouch: true } : {}) });
	const page = await context.newPage();
	const problems = watch(page);
	await page.goto(`${site.url}/${lang}/tools/`);
	await page.locator('table.tool-table').scrollIntoViewIfNeeded();
	return { page, problems, close: () => context.close() };
}

describe('the tools comparison', () => {
	test('shows for each tool, in every language, whether using it draws attention', async () => {
		expect(compared.length).toBeGreaterThan(1);
		for (const language of data.languages) {
			const strings = ui(language.id);
			const { page, problems, close } = await open(language.id, 390);
			const rows = await page.locator('table.tool-table tbody tr').evaluateAll((trs) =>
				trs.map((tr) => {
					const cell = tr.querySelector<HTMLElement>('td[data-fact="draws-attention"]');
					return { tool: tr.getAttribute('data-tool'), shown: cell ? cell.innerText.replace(/\s+/g, ' ').trim() : '', visible: !!cell && cell.getBoundingClientRect().height > 0 };
				}),
			);
			expect(rows.map((r) => r.tool).sort(), language.id).toEqual(compared.map((t) => t.id).sort());
			for (const row of rows) {
				const tool = compared.find((t) => t.id === row.tool)!;
				expect(row.visible, `${language.id}: ${row.tool}`).toBe(true);
				expect(row.shown, `${language.id}: ${row.tool}`).toContain(strings[`attention.${tool.drawsAttention ?? 'none'}`]);
				expect(row.shown, `${language.id}: ${row.tool}`).toContain(strings['tool.drawsAttention']);
			}
			expect(problems, language.id).toEqual([]);
			await close();
		}
	});

	test('keeps each tool’s name in view on a phone after the table is scrolled to its end, in English and Arabic', async () => {
		for (const language of data.languages.filter((l, i) => i === 0 || l.dir === 'rtl')) {
			const { page, close } = await open(language.id, 390);
			// Every box that could scroll the table sideways goes to its far end (left in Arabic).
			await page.locator('table.tool-table').evaluate((table) => {
				for (let box: Element | null = table; box; box = box.parentElement) box.scrollLeft = getComputedStyle(box).direction === 'rtl' ? -1e6 : 1e6;
			});
			for (const row of await page.locator('table.tool-table tbody th').all()) {
				await row.scrollIntoViewIfNeeded();
				const seen = await row.evaluate((th) => {
					const r = th.getBoundingClientRect();
					return { left: r.left, right: r.right, width: innerWidth, hit: th.contains(document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)), name: th.textContent };
				});
				expect(seen.left, `${language.id}: ${seen.name}`).toBeGreaterThanOrEqual(0);
				expect(seen.right, `${language.id}: ${seen.name}`).toBeLessThanOrEqual(seen.width);
				expect(seen.hit, `${language.id}: ${seen.name} is covered`).toBe(true);
			}
			await close();
		}
	});

	test('breaks no heading or label inside a word and lets none spill out, on a computer, in English and Arabic', async () => {
		for (const language of data.languages.filter((l, i) => i === 0 || l.dir === 'rtl')) {
			const { page, close } = await open(language.id, 1280);
			const found = await page.locator('table.tool-table').evaluate((table) => {
				const wrapper = table.parentElement!;
				const broken: string[] = [];
				const labels = [...table.querySelectorAll<HTMLElement>('tbody th, td .label, caption')];
				for (const label of labels) {
					if (label.scrollWidth > label.clientWidth + 1) broken.push(`spills: ${label.textContent}`);
					// Each word on one line: a word cut at the end of a line has two boxes.
					const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						for (const match of node.textContent!.matchAll(/[^\s\-‐]+/g)) {
							const range = document.createRange();
							range.setStart(node, match.index);
							range.setEnd(node, match.index + match[0].length);
							if (range.getClientRects().length > 1) broken.push(`cut: ${match[0]} in ${label.textContent}`);
						}
					}
				}
				return { broken, labels: labels.length, tableOverflow: table.scrollWidth - table.clientWidth, wrapperOverflow: wrapper.scrollWidth - wrapper.clientWidth };
			});
			expect(found.labels, language.id).toBeGreaterThan(compared.length);
			expect(found.broken, language.id).toEqual([]);
			expect(found.tableOverflow, `${language.id}: the table scrolls sideways`).toBeLessThanOrEqual(0);
			expect(found.wrapperOverflow, `${language.id}: the table scrolls sideways`).toBeLessThanOrEqual(0);
			await close();
		}
	});
});
