import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { withoutUnbuilt } from '../../scripts/build/checksums.ts';
import { DIST, requireDist, ROOT } from '../helpers/project';
import { readDist, siteData } from '../helpers/site';
import { unzipToTemp } from '../helpers/zip';

beforeAll(requireDist);
const DOWNLOADS = join(DIST, 'downloads');
const languages = siteData().languages;
const manifest = () => JSON.parse(readFileSync(join(DOWNLOADS, 'manifest.json'), 'utf8')) as { version: string; date: string; files: { file: string; bytes: number; sha256: string }[] };

describe('dist/downloads', () => {
	test('has one bundle per language and one with all languages, then a handout, a quick card and a single-file guide per language', () => {
		expect(manifest().files.map((f) => f.file)).toEqual([
			...languages.map((l) => `playbook-${l.id}.zip`),
			'playbook-all.zip',
			...languages.flatMap((l) => [`handout-${l.id}.pdf`, `card-${l.id}.pdf`, `guide-${l.id}.html`]).sort(),
		]);
	});

	test('lists every file with its true SHA-256 in SHA256SUMS', () => {
		const sums = readFileSync(join(DOWNLOADS, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.split('  '));
		const listed = sums.map(([, file]) => file).sort();
		expect(listed).toEqual(readdirSync(DOWNLOADS).filter((f) => /\.(zip|pdf|html)$/.test(f)).sort());
		for (const [sum, file] of sums) expect(createHash('sha256').update(readFileSync(join(DOWNLOADS, file!))).digest('hex'), file).toBe(sum);
	});

	test('keeps each one-language bundle small enough for a messenger (under 3 MB)', () => {
		for (const f of manifest().files.filter((f) => /^playbook-(?!all)/.test(f.file))) expect(f.bytes, f.file).toBeLessThan(3 * 1024 ** 2);
	});

	test('shows every file with its size and checksum on the downloads page of every language, and says which to take on a phone, a computer and paper', () => {
		for (const language of languages) {
			const html = readDist(`${language.id}/downloads/index.html`);
			for (const f of manifest().files) {
				expect(html, language.id).toMatch(new RegExp(`<code data-sha256="${f.file.replace('.', '\\.')}"[^>]*>${f.sha256}</code>`));
				expect(html).toMatch(new RegExp(`<span data-size="${f.file.replace('.', '\\.')}"[^>]*>[0-9.,٫\u202f\u00a0]+ (MB|KB)</span>`));
				expect(html).toContain(`href="/downloads/${f.file}"`);
			}
			expect(html).toMatch(new RegExp(`<span data-build-date[^>]*>${manifest().date}</span>`));
			const ui = JSON.parse(readFileSync(join(ROOT, `content/i18n/${language.id}.json`), 'utf8')) as Record<string, string>;
			// Each line's words are there, around the files that fill its placeholders.
			for (const key of ['downloads.onPhone', 'downloads.onComputer', 'downloads.onPaper'])
				for (const words of ui[key]!.split(/\{\{\s*\w+\s*\}\}/)) expect(html, `${language.id}: ${key}`).toContain(words.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
		}
	});

	test('leads with the files of the page’s language, each linked with its size, before the list of every file', () => {
		const built = new Map(manifest().files.map((f) => [f.file, f]));
		for (const language of languages) {
			const page = parse(readDist(`${language.id}/downloads/index.html`));
			const lead = page.querySelector('main ul[data-lead]');
			expect(lead, language.id).not.toBeNull();
			// Before the table of every file and its checksums, in the page's order.
			const html = page.querySelector('main')!.innerHTML;
			expect(html.indexOf('data-lead'), language.id).toBeLessThan(html.indexOf('<table'));
			const wanted = [`guide-${language.id}.html`, `playbook-${language.id}.zip`, `card-${language.id}.pdf`, `handout-${language.id}.pdf`].filter((f) => built.has(f));
			// The phone's single file is there whenever it was built: the page offers no file that is not.
			expect(wanted, language.id).toContain(`playbook-${language.id}.zip`);
			const links = lead!.querySelectorAll('a[href]').map((a) => a.getAttribute('href'));
			expect(links, language.id).toEqual(wanted.map((f) => `/downloads/${f}`));
			for (const file of wanted) {
				const link = lead!.querySelector(`a[href="/downloads/${file}"]`)!;
				expect(link.text, language.id).toBe(file);
				expect(link.hasAttribute('download'), file).toBe(true);
				const size = lead!.querySelector(`[data-size="${file}"]`);
				expect(size?.text, `${language.id}: the size of ${file}`).toMatch(/^[0-9.,٫\u202f\u00a0]+ (MB|KB)$/);
			}
			// No other language's file, and no placeholder left for the reader to fill in.
			for (const other of languages.filter((l) => l.id !== language.id)) expect(lead!.innerHTML, language.id).not.toMatch(new RegExp(`-${other.id}\\.(html|zip|pdf)`));
			expect(lead!.text, language.id).not.toMatch(/[<>{}]|&lt;/);
			// Every checksum is in the page, folded: in a details element, not shown until opened.
			for (const code of page.querySelectorAll('main [data-sha256]')) expect(code.closest('details'), code.getAttribute('data-sha256')!).not.toBeNull();
		}
	});

	test('offers no single file that was not built: its line in the lead and its row go, the other files stay', () => {
		for (const language of languages) {
			const single = `guide-${language.id}.html`;
			const built = new Set(manifest().files.map((f) => f.file).filter((f) => f !== single));
			const main = parse(withoutUnbuilt(readDist(`${language.id}/downloads/index.html`), built)).querySelector('main')!;
			expect(main.querySelectorAll(`a[href="/downloads/${single}"]`), language.id).toHaveLength(0);
			expect(main.innerHTML, language.id).not.toContain(single);
			const lead = main.querySelector('ul[data-lead]')!;
			expect(lead.querySelectorAll('li'), language.id).toHaveLength(2);
			expect(lead.querySelector(`a[href="/downloads/playbook-${language.id}.zip"]`), language.id).not.toBeNull();
		}
	});

	test('isolates file names, sizes and checksums as left-to-right text on right-to-left pages', () => {
		const rtl = languages.filter((l) => l.dir === 'rtl');
		expect(rtl.length).toBeGreaterThan(0);
		for (const language of rtl) {
			const main = parse(readDist(`${language.id}/downloads/index.html`)).querySelector('main')!;
			const names = main.querySelectorAll('a[href^="/downloads/"]');
			const sizes = main.querySelectorAll('[data-size]');
			const sums = main.querySelectorAll('[data-sha256]');
			expect(names.length, language.id).toBeGreaterThan(manifest().files.length);
			expect(sizes.length, language.id).toBeGreaterThan(manifest().files.length);
			// An element with dir="ltr" is a bidirectional isolate (HTML's rendering rules): "card-ar.pdf", "498 KB".
			for (const el of [...names, ...sizes, ...sums]) expect(el.getAttribute('dir'), `${language.id}: ${el.toString()}`).toBe('ltr');
			// Each file name stands alone in its isolate: no Arabic word and no placeholder is inside it.
			for (const a of names) expect(a.text, language.id).toMatch(/^[\w.-]+$/);
		}
	});

	test('opens each one-language bundle on a start page in that language, listing only it', () => {
		for (const language of languages) {
			const { dir, names } = unzipToTemp(join(DOWNLOADS, `playbook-${language.id}.zip`));
			const start = names.find((n) => /^[^/]+\/index\.html$/.test(n))!;
			const html = readFileSync(join(dir, start), 'utf8');
			const title = (JSON.parse(readFileSync(join(ROOT, `content/i18n/${language.id}.json`), 'utf8')) as Record<string, string>)['site.title']!;
			expect(html, language.id).toMatch(new RegExp(`<html[^>]* lang="${language.lang}"`));
			expect(html, language.id).toMatch(new RegExp(`<html[^>]* dir="${language.dir}"`));
			expect(html, language.id).toContain(`<title>${title}</title>`);
			expect([...html.matchAll(/<main[\s\S]*?<\/main>/g)][0]![0].match(/<li /g), language.id).toHaveLength(1);
		}
	});
});
