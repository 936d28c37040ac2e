/**
 * The PDF handouts, read back with poppler's pdftotext and pdffonts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST, requireDist, ROOT } from '../helpers/project';
import { siteData } from '../helpers/site';
import { readPage } from '../../src/lib/translation-status';

beforeAll(requireDist);
const data = siteData();
const pdf = (lang: string) => join(DIST, 'downloads', `handout-${lang}.pdf`);
const text = (lang: string, ...args: string[]) => execFileSync('pdftotext', [...args, pdf(lang), '-'], { encoding: 'utf8' });
/**
 * Extracted text without spaces, direction marks and Arabic vowel signs: Chromium splits Arabic
 * runs, so pdftotext adds spaces inside words and may give a word's marks in another order.
 */
const squash = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u064b-\u065f\u0670]/g, '');

describe.each(data.languages.map((l) => [l.id, l] as const))('the %s handout', (lang, language) => {
	test('holds the cover, the headings of every part and the tool names, in its language', () => {
		const ui = JSON.parse(readFileSync(join(ROOT, `content/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
		const texts = readPage(join(ROOT, `content/text/${lang}.yaml`)).raw;
		const title = (slug: string) => readPage(join(ROOT, `content/docs/${lang}/${slug}.mdx`)).data.title as string;
		const content = squash(text(lang));
		const expected = [
			ui['site.title']!,
			language.label,
			'0.1.0',
			title('risk-assessment'),
			ui['nav.tools']!,
			ui['nav.practices']!,
			title('resources'),
			...data.scenarios.map((s) => new RegExp(`^scenario\\.${s.id}: '?(.*?)'?$`, 'm').exec(texts)![1]!),
			...data.tools.filter((t) => ['messenger', 'meeting', 'email'].includes(t.kind)).map((t) => t.name),
			// Resources print their full address.
			'https://securityinabox.org/',
		];
		// pdftotext may interleave a right-to-left line with the line next to it (a heading with a
		// list number, a title with its category), so there each word is looked for on its own.
		const find = (phrase: string) => {
			if (language.dir === 'ltr') expect(content, phrase).toContain(squash(phrase));
			else for (const word of phrase.split(/\s+/)) expect(content, phrase).toContain(squash(word));
		};
		for (const heading of expected) find(heading);
		// Every practice is in the checklist.
		for (const practice of data.practices) find(title(`practices/${practice.id}`));
	});

	test('embeds every font it uses, and stays under 1 MB', () => {
		const rows = execFileSync('pdffonts', [pdf(lang)], { encoding: 'utf8' }).trim().split('\n').slice(2);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes');
		expect(statSync(pdf(lang)).size).toBeLessThan(1024 ** 2);
	});

	test('has numbered pages and a running title', () => {
		const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(lang)], { encoding: 'utf8' }))![1]);
		expect(pages).toBeGreaterThan(5);
		const perPage = text(lang).split('\f').slice(0, pages);
		perPage.forEach((page, i) => {
			// In a right-to-left page the number reads "1 / 18" from the right, so it is extracted as 18/1.
			const number = language.dir === 'rtl' ? `${pages}/${i + 1}` : `${i + 1}/${pages}`;
			expect(squash(page), `page ${i + 1}`).toContain(number);
		});
	});
});

describe('the Arabic handout', () => {
	test('runs its text right to left', () => {
		// pdftotext marks right-to-left lines with U+202B; the English handout has none.
		const lines = text('ar').split('\n').filter((l) => l.trim());
		expect(lines.filter((l) => l.includes('\u202b')).length).toBeGreaterThan(lines.length / 2);
		expect(text('en')).not.toContain('\u202b');
		// On the cover, the title's first word stands rightmost.
		const layout = text('ar', '-bbox-layout', '-f', '1', '-l', '1');
		const title = [...layout.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((m) => [...m[1]!.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]+)<\/word>/g)].map((w) => ({ x: Number(w[1]), word: [...w[2]!].reverse().join('') })));
		const line = title.find((words) => words.some((w) => w.word === 'دليل'))!;
		const rightmost = line.reduce((a, b) => (b.x > a.x ? b : a));
		expect(rightmost.word).toBe('دليل');
	});
});
