/**
 * The PDF handouts, read back with pdfjs-dist (tests/helpers/pdf.ts): text, fonts, pages, links.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPdf, squash, words, type Pdf } from '../helpers/pdf';
import { DIST, requireDist, ROOT } from '../helpers/project';
import { htmlFiles, readDist, siteData } from '../helpers/site';
import { readPage } from '../../src/i18n/translation-status';
import { parseYaml } from '../../src/check/sources';

const data = siteData();
const pdfPath = (lang: string) => join(DIST, 'downloads', `handout-${lang}.pdf`);
const pdfs = new Map<string, Pdf>();
beforeAll(async () => {
	requireDist();
	for (const l of data.languages) pdfs.set(l.id, await readPdf(pdfPath(l.id)));
});
const pdf = (lang: string) => pdfs.get(lang)!;
/** All text of a handout in reading order. */
const text = (lang: string) => pdf(lang).pages.map((p) => p.actualText).join('\n');
const sameWords = (a: string, b: string) => words(a).sort().join(' ') === words(b).sort().join(' ');
const ui = (lang: string) => JSON.parse(readFileSync(join(ROOT, `content/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
/** The handout page that Chromium printed, as Astro built it. */
const source = (lang: string) => parse(readFileSync(join(DIST, lang, 'handout', 'index.html'), 'utf8'));

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
			// The plan for every answer, each headed by the rule that sets its route.
			ui['risk.allPlans']!,
			...data.rules.filter((r) => r.route).map((r) => (parseYaml(texts, lang) as Record<string, string>)[`rule.${r.id}`]!),
			...data.scenarios.map((s) => new RegExp(`^scenario\\.${s.id}: '?(.*?)'?$`, 'm').exec(texts)![1]!),
			...data.tools.filter((t) => ['messenger', 'meeting', 'email'].includes(t.kind)).map((t) => t.name),
			// Resources print their full address.
			'https://securityinabox.org/',
		];
		// Each right-to-left word is a run of its own, so a line's words come out in the order they
		// are drawn (left to right): there each word is looked for on its own.
		const find = (phrase: string) => {
			if (language.dir === 'ltr') expect(content, phrase).toContain(squash(phrase));
			// Punctuation moves to the other end of a right-to-left word as it is drawn: words are looked for without it.
			else for (const word of phrase.split(/\s+/).map((w) => w.replace(/^\p{P}+|\p{P}+$/gu, '')).filter(Boolean)) expect(content, phrase).toContain(squash(word));
		};
		for (const heading of expected) find(heading);
		// Every practice is in the checklist.
		for (const practice of data.practices) find(title(`practices/${practice.id}`));
	});

	test('names the source and the checked day of every compared tool’s facts, as a link', () => {
		const compared = data.tools.filter((t) => ['messenger', 'meeting', 'email'].includes(t.kind));
		const links = pdf(lang).links;
		const content = squash(text(lang));
		for (const tool of compared) {
			expect(links, tool.id).toContain(tool.source);
			expect(content, tool.id).toContain(squash(tool.source.replace(/^https?:\/\//, '').replace(/\/$/, '')));
			const day = new Intl.DateTimeFormat(language.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(tool.checked);
			for (const word of day.split(/\s+/)) expect(content, `${tool.id}: ${day}`).toContain(squash(word));
		}
	});

	test('embeds every font it uses, all of them Noto, and stays under 1 MB', () => {
		const fonts = pdf(lang).fonts;
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts) {
			expect(font.embedded, font.name).toBe(true);
			// The handout brings its fonts (Noto Sans, and Amiri for Arabic); whichever Chromium prints it.
			expect(font.name, font.name).toMatch(/^[A-Z]{6}\+(NotoSans|Amiri)-/);
		}
		if (language.dir === 'rtl') expect(fonts.map((f) => f.name).join()).toContain('Amiri');
		expect(statSync(pdfPath(lang)).size).toBeLessThan(1024 ** 2);
	});

	test('numbers its pages in words of its language ("Page 3 of 28"), under a running title, with nothing but text pages', () => {
		const pages = pdf(lang).pages;
		const strings = ui(lang);
		expect(pages.length).toBeGreaterThan(5);
		pages.forEach((page, i) => {
			const number = strings['handout.pageOf']!.replace('{{pages}}', String(pages.length)).replace('{{page}}', String(i + 1));
			const lines = page.text.split('\n');
			// Each line is looked for by its words: pdfjs gives a right-to-left line's words in the order they are drawn.
			expect(lines.some((line) => sameWords(line, number)), `page ${i + 1}: ${number}`).toBe(true);
			expect(lines.some((line) => sameWords(line, strings['site.title']!)), `page ${i + 1}`).toBe(true);
			// No empty page: each holds more than its running title and number.
			expect(lines.filter((line) => line.trim() && !sameWords(line, number) && !sameWords(line, strings['site.title']!)).length, `page ${i + 1}`).toBeGreaterThan(0);
		});
	});

	test('is titled once with the guide’s title, and opens with a table of contents', () => {
		expect(pdf(lang).title).toBe(ui(lang)['site.title']);
		const cover = words(pdf(lang).pages[0]!.text);
		const contents = source(lang).querySelectorAll('.cover .contents li');
		expect(contents.length).toBeGreaterThan(5);
		for (const heading of [ui(lang)['handout.contents']!, ...contents.map((li) => li.textContent)]) for (const word of words(heading)) expect(cover, heading).toContain(word);
		for (const [i, part] of source(lang).querySelectorAll('.handout > .part > h2').entries()) expect(contents[i]?.textContent, 'every part is in the contents, in order').toBe(part.textContent);
	});

	test('shows every column of the tools table, for every tool', () => {
		const table = source(lang).querySelector('.tool-table')!;
		const headers = table.querySelectorAll('thead th').map((th) => th.textContent);
		const rows = table.querySelectorAll('tbody tr');
		expect(headers.length).toBeGreaterThan(5);
		const content = squash(text(lang));
		const count = (needle: string) => content.split(squash(needle)).length - 1;
		// The first header names the tools; each tool's name is in the PDF.
		for (const row of rows) expect(count(row.querySelector('th')!.textContent), row.querySelector('th')!.textContent).toBeGreaterThan(0);
		headers.slice(1).forEach((header, column) => {
			// Every tool's block repeats the column's label, and one value of the column is printed.
			if (language.dir === 'ltr') expect(count(header), header).toBeGreaterThanOrEqual(rows.length);
			else for (const word of words(header)) expect(count(word), header).toBeGreaterThanOrEqual(rows.length);
			const value = rows.map((row) => (row.querySelectorAll('td')[column]!.querySelector('.value') ?? row.querySelectorAll('td')[column]!).textContent).sort((a, b) => b.length - a.length)[0]!;
			for (const word of language.dir === 'ltr' ? [value] : words(value)) expect(content, `${header}: ${value}`).toContain(squash(word));
		});
	});

	test('leaves no heading alone at the bottom of a page', () => {
		const headings = source(lang)
			.querySelectorAll('.handout :is(h2, h3, h4)')
			.map((h) => h.textContent.trim())
			.filter((h) => words(h).length);
		const strings = ui(lang);
		// The running title and the page number frame every page; what is left is the page's own text.
		const frameWords = new Set(words(strings['handout.pageOf']!));
		const frame = (line: string) => sameWords(line, strings['site.title']!) || words(line).every((w) => /^\d+$/.test(w) || frameWords.has(w));
		pdf(lang).pages.forEach((page, i) => {
			const lines = page.text.split('\n').filter((line) => words(line).length && !frame(line));
			const last = lines.at(-1) ?? '';
			expect(headings.filter((h) => sameWords(h, last)), `page ${i + 1} ends with a heading: ${last}`).toEqual([]);
		});
	});

	test('links only to public addresses, never to the server that printed it', () => {
		const links = pdf(lang).links;
		expect(links.length).toBeGreaterThan(0);
		expect(links).toContain(`https://securityinabox.org/${lang}/`);
		expect(links.filter(toBuildMachine)).toEqual([]);
	});
});

/** A link to a loopback or private address: the machine that built the PDF or its network, not the public site. */
function toBuildMachine(link: string): boolean {
	let host: string;
	try {
		host = new URL(link).hostname.replace(/^\[|\]$/g, '').toLowerCase();
	} catch {
		return false;
	}
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '0.0.0.0' || !host.includes('.') && !host.includes(':')) return true;
	const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
	}
	return host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host) || host.startsWith('::ffff:');
}

describe('links in the handouts', () => {
	test('a link to a loopback or private address is recognised', () => {
		for (const link of ['http://127.0.0.1:41234/en/tools/signal/', 'http://localhost:4321/', 'http://[::1]:8080/', 'http://10.1.2.3/', 'http://172.20.0.5/', 'http://192.168.1.10/x', 'http://169.254.1.1/', 'http://[fd00::1]/', 'http://buildbox/', 'http://printer.local/'])
			expect(toBuildMachine(link), link).toBe(true);
		for (const link of ['https://securityinabox.org/en/', 'https://guide.example.org/en/tools/signal/', 'https://172.15.0.1/', 'https://8.8.8.8/']) expect(toBuildMachine(link), link).toBe(false);
	});
});

describe('the Arabic handout', () => {
	test('gives whole words to a reader that copies its text: the words of its headings', () => {
		// As pdfjs extracts them, without the marks Chromium adds for other readers. A word split where
		// a letter's dots are drawn (as Noto Sans Arabic draws them), or by kerning, is not found.
		// A vowel sign (مراقَب) is a glyph of its own, drawn over its letter, and readers that go by
		// the glyphs' positions put it beside the letter: words written with one are left out here.
		const extracted = new Set(pdf('ar').pages.flatMap((p) => words(p.text)));
		const headings = source('ar')
			.querySelectorAll('.handout :is(h2, h3)')
			.map((h) => h.textContent);
		const plain = [...new Set(headings.flatMap((h) => h.split(/\s+/)).filter((w) => /\p{Script=Arabic}/u.test(w) && !/[\u064b-\u065f\u0670]/.test(w)).flatMap(words))];
		expect(plain.length).toBeGreaterThan(50);
		const broken = plain.filter((w) => !extracted.has(w));
		expect(broken.length / plain.length, broken.join(' ')).toBeLessThan(0.02);
	});

	test('runs its text right to left', () => {
		// Chromium marks every run it draws right to left; the English handout has none.
		for (const [i, page] of pdf('ar').pages.entries()) expect(page.reversedRuns, `page ${i + 1}`).toBeGreaterThan(0);
		for (const page of pdf('en').pages) expect(page.reversedRuns).toBe(0);
		const letters = pdf('ar').pages.flatMap((p) => p.items).filter((i) => /[\u0600-\u06ff\ufb50-\ufeff]/.test(i.str));
		expect(letters.filter((i) => i.dir === 'rtl').length).toBeGreaterThan(letters.length / 2);
		// The running title (the site's title, the top line of every page) starts at the right: its
		// first letter stands rightmost, its last letter's glyph leftmost.
		const title = JSON.parse(readFileSync(join(ROOT, 'content/i18n/ar.json'), 'utf8'))['site.title'] as string;
		for (const [i, page] of pdf('ar').pages.entries()) {
			const glyphs = page.items.filter((item) => item.str.trim());
			const top = Math.max(...glyphs.map((g) => Math.round(g.y)));
			const line = glyphs.filter((g) => Math.abs(g.y - top) < 3).sort((a, b) => a.x - b.x);
			expect(line.at(-1)!.str.normalize('NFKC').startsWith(title[0]!), `page ${i + 1}`).toBe(true);
			expect(line[0]!.str.normalize('NFKC').startsWith(title[0]!), `page ${i + 1}`).toBe(false);
		}
	});
});

describe('the foot of every printed page', () => {
	const MM = 72 / 25.4;
	/** The bottom margin of a print source's @page rule, in PDF points. */
	const bottomMargin = (html: string) => {
		const margin = /@page\{size:[^;]*;margin:([^;}]*)/.exec(html)![1]!.trim().split(/\s+/);
		return Number.parseFloat(margin[margin.length === 1 ? 0 : 2]!) * MM;
	};
	/** The text items of a page below its bottom margin line, as words: only the page number may stand there. */
	const belowMargin = (page: Pdf['pages'][number], bottom: number) => page.items.filter((item) => item.y < bottom && item.str.trim());
	const files = data.languages.flatMap((l) => [['handout', l.id] as const, ['card', l.id] as const]);

	test.each(files)('%s-%s: below the text of each page stands its page number only, nothing of the next page', async (kind, lang) => {
		const printed = kind === 'handout' ? pdf(lang) : await readPdf(join(DIST, 'downloads', `card-${lang}.pdf`));
		const bottom = bottomMargin(readFileSync(join(DIST, lang, kind, 'index.html'), 'utf8'));
		expect(bottom).toBeGreaterThan(10 * MM);
		const pageOf = ui(lang)['handout.pageOf']!;
		for (const [i, page] of printed.pages.entries()) {
			const footer = pageOf.replace('{{page}}', String(i + 1)).replace('{{pages}}', String(printed.pages.length));
			const found = belowMargin(page, bottom).map((item) => item.str).join(' ');
			expect(words(found).sort(), `page ${i + 1}: ${found}`).toEqual(words(footer).sort());
		}
	});

	test('the check sees a mark of the next page printed at the foot of a page', () => {
		const page = { text: '', actualText: '', reversedRuns: 0, items: [{ str: 'أ', dir: 'rtl', x: 100, y: 45 }, { str: 'Page 1 of 2', dir: 'ltr', x: 200, y: 38 }, { str: 'text', dir: 'ltr', x: 100, y: 300 }] };
		expect(belowMargin(page, 20 * MM).map((i) => i.str)).toEqual(['أ', 'Page 1 of 2']);
	});
});

describe('separators in Arabic', () => {
	test('the items of a line (a plan’s answers, the card’s title) are separated by the Arabic comma, not by a dot that reads as the Arabic zero, on paper and on the site', async () => {
		const separator = ui('ar')['format.separator']!;
		expect(separator.trim()).toBe('،');
		const card = await readPdf(join(DIST, 'downloads', 'card-ar.pdf'));
		for (const printed of [pdf('ar'), card]) {
			const all = printed.pages.map((p) => p.text).join('\n');
			expect(all).not.toContain('·');
			expect(all).toContain('،');
		}
		// The plans' headings in the handout's source list the answers of the questions asked with it:
		// each item a question and its answer, however many questions a plan was asked.
		const headings = source('ar').querySelectorAll('.plan h3').map((h) => h.textContent);
		expect(headings.length).toBeGreaterThan(0);
		for (const heading of headings) {
			const items = heading.split(separator);
			expect(items.length, heading).toBeGreaterThan(1);
			for (const item of items) expect(item, heading).toMatch(/\S: \S/);
		}
		for (const file of [...htmlFiles().filter((f) => f.startsWith('ar/')), 'downloads/guide-ar.html']) expect(readDist(file).includes('·'), file).toBe(false);
		// Other languages keep the dot.
		expect(pdf('en').pages.map((p) => p.text).join('\n')).toContain('·');
	});
});

describe('the quick card’s text size', () => {
	/** The size most of a PDF's text is drawn at, in points. */
	async function bodySize(path: string): Promise<number> {
		const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const task = getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 });
		const doc = await task.promise;
		const counts = new Map<number, number>();
		for (let n = 1; n <= doc.numPages; n++)
			for (const item of (await (await doc.getPage(n)).getTextContent()).items)
				if ('str' in item && item.str.trim()) counts.set(Math.round(Math.hypot(item.transform[2], item.transform[3]) * 10) / 10, (counts.get(Math.round(Math.hypot(item.transform[2], item.transform[3]) * 10) / 10) ?? 0) + item.str.length);
		await task.destroy();
		return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
	}

	test('is one of the handouts stage’s sizes (the largest that keeps the card on two pages), larger than the smallest where a language leaves room', async () => {
		const { PRINTS } = await import('../../scripts/build/handouts');
		const sizes = PRINTS.find((p) => p.page === 'card')!.textSizes!.map((s) => Number.parseFloat(s));
		const printed = await Promise.all(data.languages.map((l) => bodySize(join(DIST, 'downloads', `card-${l.id}.pdf`))));
		// Arabic is drawn with a size-adjust (print-css.ts); the others at the size itself.
		for (const [i, l] of data.languages.entries()) if (l.dir === 'ltr') expect(sizes, `${l.id}: ${printed[i]} pt`).toContain(printed[i]);
		expect(Math.max(...printed)).toBeGreaterThan(Math.min(...sizes));
	});
});
