/**
 * Real Astro builds of broken or incomplete copies of the project, in temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { parse } from 'node-html-parser';
import { readPdf } from '../helpers/pdf';
import { copyProject, ROOT } from '../helpers/project';

const SOURCES = ['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const copies: ReturnType<typeof copyProject>[] = [];
afterAll(() => copies.forEach((c) => c.cleanup()));

const astroBin = join(createRequire(import.meta.url).resolve('astro/package.json'), '../bin/astro.mjs');

function build(dir: string) {
	const result = spawnSync(process.execPath, [astroBin, 'build'], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
		timeout: 170_000,
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function project() {
	const copy = copyProject(SOURCES, { buildable: true });
	copies.push(copy);
	return copy;
}

describe('astro build', () => {
	test('stops with the file, the field and the fix when a scenario names an unknown tool', () => {
		const copy = project();
		copy.edit('content/data/scenarios.yaml', (t) => t.replace('tools: [tor-browser, quad9]', 'tools: [tor-browser, quad8]'));
		// The whole build, as `npm run stages` runs it (`astro build` in a process of its own): it stops at the content check.
		const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: copy.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 170_000 });
		const { status, output } = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
		expect(status).not.toBe(0);
		expect(output).toContain('build: the content has 1 problem, listed above with the file and the fix; correct it and build again (npm run check:content checks the content alone, in seconds)');
		// Astro's wrapping of the problem (a failed hook, its stack trace) is left out: it reads like a crash.
		expect(output).not.toMatch(/Stack trace|unhandled error|integration\.ts:\d+/);
		expect(output).not.toContain('policy  ');
		expect(output).toContain('1 content problem found:');
		expect(output).toContain('1. content/data/scenarios.yaml');
		// The line to open, then the place by its ids.
		const line = readFileSync(join(copy.dir, 'content/data/scenarios.yaml'), 'utf8').split('\n').indexOf('      tools: [tor-browser, quad8]') + 1;
		expect(output).toContain(`at:   line ${line}, entry 3 (id "branch-office-crisis") → steps[4] (id "censorship").tools[1]`);
		expect(output).toContain('what: unknown tool "quad8"');
		expect(output).toContain('fix:  did you mean "quad9"?');
		expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
	}, 180_000);

	test('stops, naming the patch and what to do, when a patch of Starlight’s files no longer matches', () => {
		const copy = project();
		// This copy gets its own Starlight, found before the project's, with a print stylesheet that
		// no longer has the rules the patch removes (as after an upgrade that changed them).
		const starlight = join(copy.dir, 'node_modules/@astrojs/starlight');
		cpSync(join(ROOT, 'node_modules/@astrojs/starlight'), starlight, { recursive: true });
		const css = join(starlight, 'dist/style/print.css');
		writeFileSync(css, readFileSync(css, 'utf8').replaceAll('.expressive-code', '.code-block'));
		const { status, output } = build(copy.dir);
		expect(status).not.toBe(0);
		expect(output).toContain('Starlight patch "no code-block print rules" did not apply: dist/style/print.css no longer contains ".expressive-code".');
		expect(output).toContain('compare dist/style/print.css of @astrojs/starlight with the patch in src/lib/starlight-patches.ts');
		expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
	}, 180_000);

	test('shows a missing translation in English with a notice, kept out of that language’s search index; a stale one with a notice; and an unreviewed one with a line on how to help', async () => {
		const copy = project();
		rmSync(join(copy.dir, 'content/docs/fr/tools/wire.mdx'));
		// A fluent speaker reviewed three French pages and the French interface strings and data texts.
		const reviewed = (t: string) => t.replace(/^reviewed: (.*)$/m, 'reviewed: $1\nfluentReview: 2026-11-20');
		for (const page of ['tools/signal', 'risk-assessment', 'resources']) copy.edit(`content/docs/fr/${page}.mdx`, reviewed);
		copy.edit('content/data/languages.yaml', (t) => t.replace('quickExit: https://fr.wikipedia.org/', 'quickExit: https://fr.wikipedia.org/\n  fluentReview: 2026-11-20'));
		copy.edit('content/docs/en/tools/signal.mdx', (t) => t.replace('Signal encrypts every message', 'Signal now encrypts every message'));
		copy.edit('content/docs/en/risk-assessment.mdx', (t) => `${t}\nOne more sentence.\n`);
		copy.edit('content/text/en.yaml', (t) => t.replace(/^(step\.clean-up\.check-devices: ).*$/m, '$1Check USB keys, cloud folders and backups for copies that remain.'));
		const { status, output } = build(copy.dir);
		expect(status, output).toBe(0);
		const fallback = readFileSync(join(copy.dir, 'dist/fr/tools/wire/index.html'), 'utf8');
		expect(fallback).toContain('<html lang="fr"');
		expect(fallback).toContain('Ce contenu n’est pas encore disponible dans votre langue.');
		expect(fallback).not.toContain('data-pagefind-body');
		// The English text is marked English; the facts box and related tools, rendered in French, are marked French.
		const fallbackPage = parse(fallback);
		expect(fallbackPage.querySelector('main')!.getAttribute('lang')).toBe('en');
		for (const part of ['.tool-facts', '.related-tools']) expect(fallbackPage.querySelector(`[data-own-language][lang="fr"][dir="ltr"] ${part}`), part).not.toBeNull();
		const translated = readFileSync(join(copy.dir, 'dist/fr/tools/signal/index.html'), 'utf8');
		expect(translated).toContain('data-pagefind-body');
		expect(translated).not.toContain('data-own-language');
		expect(translated).not.toContain('Ce contenu n’est pas encore disponible');
		// The English page changed after the translation: the reader is told, in French, with a link.
		expect(translated).toMatch(/data-stale-notice[^>]*>\s*<p[^>]*>La version anglaise de cette page a changé depuis cette traduction\. <a href="\/en\/tools\/signal\/" hreflang="en"[^>]*>Lire la version anglaise<\/a>/);
		expect(readFileSync(join(copy.dir, 'dist/ar/tools/signal/index.html'), 'utf8')).toContain('تغيّرت النسخة الإنجليزية من هذه الصفحة منذ إعداد هذه الترجمة.');
		expect(readFileSync(join(copy.dir, 'dist/fr/tools/wire/index.html'), 'utf8')).not.toContain('data-stale-notice');
		expect(readFileSync(join(copy.dir, 'dist/en/tools/signal/index.html'), 'utf8')).not.toContain('data-stale-notice');
		// Not reviewed by a fluent speaker: one quiet line under the title, linking to how to help.
		const notice = /data-translation-notice[^>]*>\s*Cette traduction n’a pas encore été relue par une personne qui maîtrise la langue\. <a href="\/fr\/translations\/"[^>]*>Comment aider<\/a>/;
		expect(readFileSync(join(copy.dir, 'dist/fr/tools/quad9/index.html'), 'utf8')).toMatch(notice);
		expect(translated).not.toContain('data-translation-notice');
		expect(fallback).not.toContain('data-translation-notice');
		expect(readFileSync(join(copy.dir, 'dist/en/tools/quad9/index.html'), 'utf8')).not.toContain('data-translation-notice');
		expect(readFileSync(join(copy.dir, 'dist/ar/tools/signal/index.html'), 'utf8')).toContain('لم يراجع هذه الترجمة بعدُ شخصٌ يتقن اللغة.');
		expect(existsSync(join(copy.dir, 'dist/fr/translations/index.html'))).toBe(true);
		// The editors' status page lists the English step text that changed, in every language.
		const statusPage = readFileSync(join(copy.dir, 'dist/en/translation-status/index.html'), 'utf8');
		expect(statusPage.match(/data-state="stale-text"[^>]*>\s*<strong>stale text<\/strong> <code>step\.clean-up\.check-devices<\/code>/g)).toHaveLength(3);
		// The printed handout carries the notice too, next to the risk assessment that changed.
		const pdf = spawnSync(process.execPath, ['scripts/build.ts', '--only', 'handouts'], { cwd: copy.dir, encoding: 'utf8', timeout: 120_000 });
		expect(pdf.status, `${pdf.stdout}\n${pdf.stderr}`).toBe(0);
		const text = async (lang: string) => (await readPdf(join(copy.dir, `dist/downloads/handout-${lang}.pdf`))).pages.map((p) => p.actualText).join(' ').replace(/\s+/g, ' ');
		expect(await text('fr')).toContain('La version anglaise de cette page a changé depuis cette traduction.');
		expect(await text('en')).not.toContain('has changed since this translation');
		// A handout is built from pages and from the interface strings and data texts: French is
		// reviewed in all of them, Spanish in none.
		expect(await text('fr')).not.toContain('Cette traduction n’a pas encore été relue');
		expect(await text('es')).toContain('Ninguna persona que domine el idioma ha revisado aún esta traducción.');
		expect(await text('en')).not.toContain('not yet been checked by a fluent speaker');
	}, 180_000);
});

