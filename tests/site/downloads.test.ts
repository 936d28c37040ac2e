import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
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
			for (const key of ['downloads.onPhone', 'downloads.onComputer', 'downloads.onPaper']) expect(html).toContain(ui[key]!.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
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
