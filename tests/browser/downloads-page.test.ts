/**
 * The downloads page in real Chromium at phone width: the files of the page's language come first,
 * on the first screen, as links; right to left, each file name and size reads left to right as it
 * is written ("card-ar.pdf", "498 KB"), not scrambled by the Arabic line around it.
 */
import { describe, expect, test } from 'vitest';
import { useBuiltSite, watch } from '../helpers/browser';
import { siteData } from '../helpers/site';

const site = useBuiltSite();
const data = siteData();

describe('the downloads page at 390 px', () => {
	test('leads with the language’s files, linked, and shows file names and sizes left to right in every direction', async () => {
		for (const language of data.languages.filter((l, i) => i === 0 || l.dir === 'rtl')) {
			const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
			const page = await context.newPage();
			const problems = watch(page);
			await page.goto(`${site.url}/${language.id}/downloads/`);
			const seen = await page.evaluate(() => {
				const lead = document.querySelector('main ul[data-lead]')!;
				const table = document.querySelector('main table.download-table')!;
				/** Where each character of an element's text stands, left to right on screen. */
				const lefts = (el: Element) => {
					const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)!;
					const range = document.createRange();
					return [...node.textContent!].map((_, i) => {
						range.setStart(node, i);
						range.setEnd(node, i + 1);
						return range.getBoundingClientRect().left;
					});
				};
				const inOrder = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
				return {
					leadAbove: lead.getBoundingClientRect().bottom <= table.getBoundingClientRect().top,
					links: [...lead.querySelectorAll('a[href]')].map((a) => ({ file: a.textContent, href: a.getAttribute('href'), ltr: inOrder(lefts(a)) })),
					sizes: [...document.querySelectorAll('main [data-size]')].map((s) => ({ text: s.textContent, ltr: inOrder(lefts(s)) })),
				};
			});
			expect(seen.leadAbove, language.id).toBe(true);
			expect(seen.links.map((l) => l.href), language.id).toContain(`/downloads/playbook-${language.id}.zip`);
			for (const link of seen.links) {
				expect(link.href, language.id).toBe(`/downloads/${link.file}`);
				expect(link.file, language.id).toContain(`-${language.id}.`);
				expect(link.ltr, `${language.id}: ${link.file} reads left to right`).toBe(true);
			}
			expect(seen.sizes.length, language.id).toBeGreaterThan(seen.links.length);
			for (const size of seen.sizes) {
				expect(size.text, language.id).toMatch(/ (KB|MB)$/);
				expect(size.ltr, `${language.id}: "${size.text}" reads left to right`).toBe(true);
			}
			expect(problems, language.id).toEqual([]);
			await context.close();
		}
	});
});
