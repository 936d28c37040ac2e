/**
 * The PDF handouts, read back with pdfjs-dist (tests/helpers/pdf.ts): text, fonts, pages, links.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPdf, type Pdf } from '../helpers/pdf';
import { DIST, requireDist, ROOT } from '../helpers/project';
import { siteData } from '../helpers/site';
import { readPage } from '../../src/lib/translation-status';
import { parseYaml } from '../../src/lib/sources';

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
/**
 * Text without spaces, direction marks and Arabic vowel signs, in compatibility form (Arabic
 * presentation forms become letters): Chromium splits Arabic runs, so words may lose their spaces.
 */
const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u200e\u200f\u202a-\u202e\u064b-\u065f\u0670]/g, '');

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
			// The handout brings its fonts (Noto Sans, Noto Sans Arabic); whichever Chromium prints it.
			expect(font.name, font.name).toMatch(/^[A-Z]{6}\+NotoSans(Arabic)?-/);
		}
		if (language.dir === 'rtl') expect(fonts.map((f) => f.name).join()).toContain('NotoSansArabic');
		expect(statSync(pdfPath(lang)).size).toBeLessThan(1024 ** 2);
	});

	test('has numbered pages and a running title', () => {
		const pages = pdf(lang).pages;
		expect(pages.length).toBeGreaterThan(5);
		pages.forEach((page, i) => {
			// In a right-to-left page "1 / 18" is drawn as two runs, and read as 18/1.
			const number = language.dir === 'rtl' ? `${pages.length}/${i + 1}` : `${i + 1}/${pages.length}`;
			expect(squash(page.actualText), `page ${i + 1}`).toContain(number);
			for (const word of language.dir === 'rtl' ? JSON.parse(readFileSync(join(ROOT, `content/i18n/${lang}.json`), 'utf8'))['site.title'].split(' ') : [])
				expect(squash(page.actualText), `page ${i + 1}`).toContain(squash(word));
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
			expect(line.at(-1)!.str.normalize('NFKC'), `page ${i + 1}`).toBe(title[0]);
			expect(line[0]!.str.normalize('NFKC'), `page ${i + 1}`).not.toBe(title[0]);
		}
	});
});
