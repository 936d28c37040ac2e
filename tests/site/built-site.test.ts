/**
 * Checks on the built site in dist/, as a reader's browser would receive it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST, requireDist, ROOT } from '../helpers/project';
import { htmlFiles, readDist, siteData } from '../helpers/site';

beforeAll(requireDist);
const data = siteData();
const languages = data.languages;

/** The source of a built page (`fr/tools/signal/index.html`): its MDX or Markdown file in content/docs, when the page is written in its language. */
function sourceOf(file: string): string | undefined {
	const slug = file.replace(/\/?index\.html$/, '');
	const path = ['.mdx', '.md', '/index.mdx', '/index.md'].map((ext) => join(ROOT, 'content/docs', `${slug}${ext}`)).find((p) => existsSync(p));
	return path && readFileSync(path, 'utf8');
}

describe('the built site', () => {
	test('has a home page in every language, with its lang and direction', () => {
		for (const language of languages) {
			const html = readDist(`${language.id}/index.html`);
			expect(html).toMatch(new RegExp(`<html lang="${language.lang}" dir="${language.dir}"`));
		}
	});

	test('writes each language’s direction on every page of that language', () => {
		for (const language of languages) {
			const files = htmlFiles().filter((f) => f.startsWith(`${language.id}/`));
			expect(files.length, language.id).toBeGreaterThan(1);
			for (const file of files) expect(readDist(file), file).toMatch(new RegExp(`<html lang="[a-z-]+" dir="${language.dir}"`));
		}
	});

	test('lets a reader pick a language at the site root without JavaScript; its one script is the quick exit’s', () => {
		const html = readDist('index.html');
		expect(html.match(/<script\b[^>]*>/g)).toEqual([expect.stringMatching(/^<script type="module" src="\/_astro\/QuickExit\.astro_[^"]+\.js">$/)]);
		for (const language of languages) {
			expect(html).toContain(`href="/${language.id}/"`);
			expect(html).toContain(`>${language.label}</strong>`);
		}
	});

	test('renders every tool’s facts from the data on its page in every language', () => {
		for (const language of languages)
			for (const tool of data.tools) {
				const html = readDist(`${language.id}/tools/${tool.id}/index.html`);
				expect(html, `${language.id}/${tool.id}`).toContain(`data-tool="${tool.id}"`);
				expect(html).toContain(tool.homepage.replace(/^https?:\/\//, ''));
			}
	});

	test('shows under every tool’s facts the source they were checked against and the day, in the page’s language', () => {
		for (const language of languages)
			for (const tool of data.tools) {
				const html = readDist(`${language.id}/tools/${tool.id}/index.html`);
				const day = tool.checked.toISOString().slice(0, 10);
				const note = new RegExp(`<p class="source[^"]*" data-checked="${day}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
				expect(note, `${language.id}/${tool.id}`).not.toBeNull();
				expect(note![1]).toContain(`href="${tool.source}"`);
				expect(note![1]).toContain(new Intl.DateTimeFormat(language.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(tool.checked));
			}
	});

	test('lists every resource for its languages and marks each one written in another language', () => {
		for (const language of languages) {
			const html = readDist(`${language.id}/resources/index.html`);
			const items = [...html.matchAll(/<li data-resource="([a-z0-9-]+)" data-written-in="([a-z-]+)"[^>]*>([\s\S]*?)<\/li>/g)];
			const listed = data.resources.filter((r) => r.listedFor.includes(language.id));
			expect(items.map((m) => m[1]), language.id).toEqual(listed.map((r) => r.id));
			for (const [, id, writtenIn, body] of items) {
				const mark = /<span class="other-language[^"]*">([^<]+)<\/span>/.exec(body!)?.[1]?.trim();
				if (writtenIn === language.id) expect(mark, `${language.id}/${id}`).toBeUndefined();
				else expect(mark, `${language.id}/${id}`).toMatch(/\S/);
			}
		}
	});

	test('shows the reviewed date on every guide page, the page’s own, in the page’s language, and none on the 404 page, which gives no advice', () => {
		for (const language of languages) {
			const format = new Intl.DateTimeFormat(language.lang, { dateStyle: 'long', timeZone: 'UTC' });
			let dated = 0;
			for (const file of htmlFiles().filter((f) => f.startsWith(`${language.id}/`) && !f.startsWith(`${language.id}/404/`))) {
				const shown = /<p class="reviewed[ "][^>]*>([\s\S]*?)<\/p>/.exec(readDist(file));
				expect(shown, file).not.toBeNull();
				// The date its source page gives, where the page is written in this language (not shown in English for want of a translation).
				const reviewed = /^reviewed: (\d{4}-\d\d-\d\d)$/m.exec(sourceOf(file) ?? '')?.[1];
				if (!reviewed) continue;
				expect(shown![1], file).toContain(format.format(new Date(`${reviewed}T00:00:00Z`)));
				dated++;
			}
			expect(dated, language.id).toBeGreaterThan(0);
			expect(readDist(`${language.id}/404/index.html`)).not.toMatch(/<p class="reviewed[ "]/);
		}
	});

	test('builds a comparison table of messengers and meeting tools from the data, in every language', () => {
		const compared = data.tools.filter((t) => ['messenger', 'meeting', 'email'].includes(t.kind));
		for (const language of languages) {
			const html = readDist(`${language.id}/tools/index.html`);
			const rows = [...html.matchAll(/<tr data-tool="([a-z0-9-]+)"/g)].map((m) => m[1]);
			expect(rows).toEqual(compared.map((t) => t.id));
		}
	});

	test('has a search index for every language', () => {
		const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		// Every page of the language that is written in it, and no other.
		for (const language of languages) {
			const indexed = htmlFiles().filter((f) => !f.startsWith('downloads/') && readDist(f).includes('data-pagefind-body') && readDist(f).includes(`<html lang="${language.lang}"`));
			expect(indexed.length, language.id).toBeGreaterThan(0);
			expect(entry.languages[language.lang]?.page_count, language.id).toBe(indexed.length);
		}
	});

	test('writes the colon after a label as each language does: French with a non-breaking space before it', () => {
		// The labels of the Use lists ("With the person:"), not the sentences that share their class.
		const labels = (lang: string) => [...readDist(`${lang}/risk-check/index.html`).matchAll(/<span class="between"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]!).filter((l) => l.endsWith(':'));
		const en = labels('en');
		const fr = labels('fr');
		expect(en.length).toBeGreaterThan(3);
		for (const label of en) expect(label, label).toMatch(/\S:$/);
		expect(fr).toHaveLength(en.length);
		for (const label of fr) expect(label, label).toMatch(/\S\u00a0:$/);
	});

	// Whether every page of today's guide is translated and current is the content's state, not the
	// code's: \`npm run i18n:status -- --strict\` checks it before a release (README, "Before a release");
	// how a missing or stale page is shown is tested on a fixture (tests/build/fixture-build.test.ts).
	test('has a 404 page at the root', () => {
		expect(existsSync(join(DIST, '404.html'))).toBe(true);
	});
});
