/**
 * Real Astro builds of broken or incomplete copies of a small guide (tests/fixtures/), in
 * temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import { arabicScriptWords, guideCopy, printedText, type GuideCopy } from '../helpers/fixture';
import { readPdf } from '../helpers/pdf';
import { ROOT } from '../helpers/project';

const copies: GuideCopy[] = [];
afterAll(() => copies.forEach((c) => c.cleanup()));

function project(generator = false) {
	const copy = guideCopy({ generator });
	copies.push(copy);
	return copy;
}

/** An interface string of the guide, as its i18n/<lang>.json gives it. */
const string = (copy: GuideCopy, lang: string, key: string) => (JSON.parse(readFileSync(join(copy.dir, copy.content, 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>)[key]!;
/** Starlight's own interface string, in a language it translates. */
const starlightString = (lang: string, key: string) => new RegExp(`"${key.replaceAll('.', '\\.')}": "([^"]+)"`).exec(readFileSync(join(ROOT, 'node_modules/@astrojs/starlight/dist/translations', `${lang}.js`), 'utf8'))![1]!;

describe('astro build', () => {
	test('stops with the file, the field and the fix when a scenario names an unknown tool', () => {
		const copy = project();
		const file = `${copy.content}/data/scenarios.yaml`;
		const text = readFileSync(join(copy.dir, file), 'utf8');
		// The first step that names a tool: its scenario, its place and its tools.
		const step = /^- id: (\S+)[\s\S]*?^ {4}- id: (\S+)\n {6}tools: \[([^\]]+)\]$/m.exec(text)!;
		const [scenario, stepId, tools] = [step[1]!, step[2]!, step[3]!.split(', ')];
		const index = [...text.slice(text.indexOf(`- id: ${scenario}`)).matchAll(/^ {4}- id: (\S+)$/gm)].findIndex((m) => m[1] === stepId);
		const tool = tools.at(-1)!;
		const misspelt = `${tool.slice(0, -1)}x`;
		const line = `      tools: [${tools.join(', ')}]`;
		copy.edit(file, (t) => t.replace(`\n${line}\n`, `\n      tools: [${[...tools.slice(0, -1), misspelt].join(', ')}]\n`));
		// The whole build, as `npm run stages` runs it (`astro build` in a process of its own): it stops at the content check.
		const { status, output } = copy.build();
		expect(status).not.toBe(0);
		expect(output).toContain('build: the content has 1 problem, listed above with the file and the fix; correct it and build again (npm run check:content checks the content alone, in seconds)');
		// Astro's wrapping of the problem (a failed hook, its stack trace) is left out: it reads like a crash.
		expect(output).not.toMatch(/Stack trace|unhandled error|integration\.ts:\d+/);
		expect(output).not.toContain('policy  ');
		expect(output).toContain('1 content problem found:');
		expect(output).toContain(`1. ${file}`);
		// The line to open, then the place by its ids.
		const entry = [...text.matchAll(/^- id: (\S+)$/gm)].findIndex((m) => m[1] === scenario) + 1;
		expect(output).toContain(`at:   line ${copy.lineOf(file, `tools: [${[...tools.slice(0, -1), misspelt].join(', ')}]`)}, entry ${entry} (id "${scenario}") → steps[${index}] (id "${stepId}").tools[${tools.length - 1}]`);
		expect(output).toContain(`what: unknown tool "${misspelt}"`);
		expect(output).toContain(`fix:  did you mean "${tool}"?`);
		expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
	}, 180_000);

	test('npm run check:content (astro sync) lists a content problem and stops, without a stack trace', () => {
		const copy = project();
		const file = copy.page(copy.languages[0]!, copy.pages(copy.languages[0]!, 'tools')[0]!);
		copy.edit(file, (t) => t.replace(/^reviewed: .*$/m, 'reviewed: 2026-13-40'));
		const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], { cwd: copy.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 120_000 });
		const output = `${run.stdout}\n${run.stderr}`;
		expect(run.status, output).toBe(1);
		expect(output).toContain('1 content problem found:');
		expect(output).toContain(`1. ${file}`);
		expect(output).toContain('sync: the content has 1 problem, listed above with the file and the fix; correct it and run it again');
		expect(output).not.toMatch(/Stack trace|Location:|integration\.ts:\d+/);
	}, 180_000);

	test('stops, naming the patch and what to do, when a patch of Starlight’s files no longer matches', () => {
		const copy = project(true);
		// This copy of the generator gets its own Starlight, found before the project's, with a print
		// stylesheet that no longer has the rules the patch removes (as after an upgrade that changed them).
		const starlight = join(copy.generator, 'node_modules/@astrojs/starlight');
		cpSync(join(ROOT, 'node_modules/@astrojs/starlight'), starlight, { recursive: true });
		const css = join(starlight, 'dist/style/print.css');
		writeFileSync(css, readFileSync(css, 'utf8').replaceAll('.expressive-code', '.code-block'));
		const { status, output } = copy.build(['--only', 'site']);
		expect(status).not.toBe(0);
		expect(output).toContain('Starlight patch "no code-block print rules" did not apply: dist/style/print.css no longer contains ".expressive-code".');
		expect(output).toContain('compare dist/style/print.css of @astrojs/starlight with the patch in src/build/starlight-patches.ts');
		expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
	}, 180_000);

	test('shows a missing translation in English with a notice, kept out of that language’s search index; a stale one with a notice; and an unreviewed one with a line on how to help', async () => {
		const copy = project();
		const [en, lang] = copy.languages as [string, string];
		const [translated, unreviewed, missing] = copy.pages(lang, 'tools') as [string, string, string];
		rmSync(join(copy.dir, copy.page(lang, missing)));
		// The English page it falls back to names a related tool.
		copy.edit(copy.page(en, missing), (t) => t.replace(/^reviewed: (.*)$/m, `reviewed: $1\ntools: [${translated.split('/')[1]}]`));
		// A fluent speaker reviewed every page of the language but one, and its interface strings and data texts.
		const reviewed = (t: string) => t.replace(/^reviewed: (.*)$/m, 'reviewed: $1\nfluentReview: 2026-11-20');
		for (const slug of ['index', 'risk-check', 'risk-assessment', 'resources', 'downloads', 'check-a-copy', 'translations', 'tools/index', ...copy.pages(lang, 'practices'), ...copy.pages(lang, 'scenarios'), translated])
			copy.edit(copy.page(lang, slug), reviewed);
		const languages = `${copy.content}/data/languages.yaml`;
		const quickExit = readFileSync(join(copy.dir, languages), 'utf8').match(/^ {2}quickExit: .*$/gm)![1]!;
		copy.edit(languages, (t) => t.replace(quickExit, `${quickExit}\n  fluentReview: 2026-11-20`));
		// The English page of one translation and the risk assessment change after they were translated, and a step's text.
		copy.edit(copy.page(en, translated), (t) => `${t}\nOne more sentence.\n`);
		copy.edit(copy.page(en, 'risk-assessment'), (t) => `${t}\nOne more sentence.\n`);
		const texts = `${copy.content}/text/${en}.yaml`;
		const step = /^(step\.[\w.-]+): /m.exec(readFileSync(join(copy.dir, texts), 'utf8'))![1]!;
		copy.edit(texts, (t) => t.replace(new RegExp(`^(${step.replaceAll('.', '\\.')}: ).*$`, 'm'), "$1'Check USB keys, cloud folders and backups for copies that remain.'"));
		const { status, output } = copy.build(['--only', 'site']);
		expect(status, output).toBe(0);
		const read = (page: string) => readFileSync(join(copy.dir, 'dist', page), 'utf8');
		const fallback = read(`${lang}/${missing}/index.html`);
		expect(fallback).toContain(`<html lang="${lang}"`);
		expect(fallback).toContain(starlightString(lang, 'i18n.untranslatedContent'));
		expect(fallback).not.toContain('data-pagefind-body');
		// The English text is marked English; the facts box and related tools, rendered in the page's language, are marked so.
		const fallbackPage = parse(fallback);
		expect(fallbackPage.querySelector('main')!.getAttribute('lang')).toBe(en);
		for (const part of ['.tool-facts', '.related-tools']) expect(fallbackPage.querySelector(`[data-own-language][lang="${lang}"][dir="rtl"] ${part}`), part).not.toBeNull();
		const page = read(`${lang}/${translated}/index.html`);
		expect(page).toContain('data-pagefind-body');
		expect(page).not.toContain('data-own-language');
		expect(page).not.toContain(starlightString(lang, 'i18n.untranslatedContent'));
		// The English page changed after the translation: the reader is told, in the page's language, with a link.
		expect(page).toMatch(new RegExp(`data-stale-notice[^>]*>\\s*<p[^>]*>${string(copy, lang, 'i18n.staleNotice')} <a href="/${en}/${translated}/" hreflang="${en}"[^>]*>${string(copy, lang, 'i18n.readSource')}</a>`));
		expect(read(`${lang}/${unreviewed}/index.html`)).not.toContain('data-stale-notice');
		expect(fallback).not.toContain('data-stale-notice');
		expect(read(`${en}/${translated}/index.html`)).not.toContain('data-stale-notice');
		// Not reviewed by a fluent speaker: one quiet line under the title, linking to how to help.
		expect(read(`${lang}/${unreviewed}/index.html`)).toMatch(new RegExp(`data-translation-notice[^>]*>\\s*${string(copy, lang, 'i18n.notReviewed')} <a href="/${lang}/translations/"[^>]*>${string(copy, lang, 'i18n.howToHelp')}</a>`));
		expect(page).not.toContain('data-translation-notice');
		expect(fallback).not.toContain('data-translation-notice');
		expect(read(`${en}/${unreviewed}/index.html`)).not.toContain('data-translation-notice');
		expect(existsSync(join(copy.dir, `dist/${lang}/translations/index.html`))).toBe(true);
		// The editors' status page lists the English step text that changed, in every other language.
		const statusPage = read(`${en}/translation-status/index.html`);
		expect(statusPage.match(new RegExp(`data-state="stale-text"[^>]*>\\s*<strong>stale text</strong> <code>${step.replaceAll('.', '\\.')}</code>`, 'g'))).toHaveLength(copy.languages.length - 1);
		// The printed handout carries the notice too, next to the risk assessment that changed; the
		// language is reviewed in every page it prints and in its strings and texts, so it says nothing
		// of a review (tests/build/quiet-build.test.ts has a handout that does).
		const handout = read(`${lang}/handout/index.html`);
		expect(handout).toContain(string(copy, lang, 'i18n.staleNotice'));
		expect(handout).not.toContain(string(copy, lang, 'i18n.notReviewed'));
		const pdf = copy.build(['--only', 'handouts'], process.env, 120_000);
		expect(pdf.status, pdf.output).toBe(0);
		const pages = async (language: string) => (await readPdf(join(copy.dir, `dist/downloads/handout-${language}.pdf`))).pages;
		// Right to left, pdfjs gives a line's words in the order they are drawn: the notice's words, each printed.
		const printed = printedText(await pages(lang));
		expect(arabicScriptWords(string(copy, lang, 'i18n.staleNotice')).filter((word) => !printed.includes(word))).toEqual([]);
		const english = (await pages(en)).map((p) => p.actualText).join(' ').replace(/\s+/g, ' ');
		expect(english).not.toContain(string(copy, en, 'i18n.staleNotice'));
		expect(english).not.toContain(string(copy, en, 'i18n.notReviewed'));
	}, 240_000);
});
