/**
 * The second guide (tests/fixtures/newsroom/), another organisation's playbook, built with a plain
 * `astro build`: its project imports the generator through the package's entries only, and the
 * build makes every stage's output from its own content, in its own languages, with nothing of the
 * guide this repository ships.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { filesUnder } from '../../src/build/files';
import { releasePassages, shownHeadings } from '../helpers/release-passages';
import { FIXTURE } from './build';
import { LANGS, ui, useFixtureBuild } from './site';

const build = useFixtureBuild();
const read = (rel: string) => readFileSync(join(build.dist, rel), 'utf8');
const ids = (file: string) => [...readFileSync(join(FIXTURE, 'guide/data', file), 'utf8').matchAll(/^- id: ([a-z0-9-]+)$/gm)].map((m) => m[1]!);

describe('the second guide’s project', () => {
	test('is an astro.config.mjs and a content.config.ts that import the generator by its package name, and its guide: nothing reaches into the generator’s files', () => {
		const files = filesUnder(FIXTURE).filter((f) => !f.startsWith('dist/') && !f.startsWith('.astro/'));
		expect(files.filter((f) => !f.startsWith('guide/')).sort()).toEqual(['astro.config.mjs', 'src/content.config.ts']);
		const config = readFileSync(join(FIXTURE, 'astro.config.mjs'), 'utf8');
		expect(config).toContain("import playbook, { guideLocales } from 'safe-comms-playbook';");
		expect(config).toContain("const guide = './guide';");
		expect(config).toContain("plugins: [playbook({ content: guide })]");
		expect(readFileSync(join(FIXTURE, 'src/content.config.ts'), 'utf8')).toContain("export { collections } from 'safe-comms-playbook/collections';");
		for (const file of files.filter((f) => /\.(mjs|ts|mdx)$/.test(f))) expect(readFileSync(join(FIXTURE, file), 'utf8'), file).not.toMatch(/from\s+['"]\.\.?\//);
	});
});

describe('astro build of the second guide', () => {
	test('runs every stage of the playbook, and says how long it took', () => {
		const stages = ['site', 'policy', 'search index', 'handouts', 'offline bundles', 'single files', 'scripts', 'output check', 'checksums', 'signatures'];
		const table = build.output.slice(build.output.lastIndexOf('build: done'));
		for (const stage of stages) expect(table, stage).toMatch(new RegExp(`^\\s+${stage}\\s+\\S`, 'm'));
		expect(table).toMatch(/^\s+total\s+[\d.]+ s$/m);
		// Built without a public address: said once, after the site stage's first line.
		expect(build.output.match(/no sitemap: SITE_URL is not set/g)).toHaveLength(1);
		expect(build.output.indexOf('no sitemap')).toBeGreaterThan(build.output.search(/^site\s+… astro build/m));
		expect(build.output.search(/^site\s+… astro build/m)).toBeGreaterThanOrEqual(0);
		console.log(`the second guide built in ${build.seconds.toFixed(1)} s`);
	});

	test('writes a page per tool, practice and scenario in English and in Persian, right to left, and no page of the other guide', () => {
		for (const lang of LANGS) {
			for (const [folder, file] of [['tools', 'tools.yaml'], ['practices', 'practices.yaml'], ['scenarios', 'scenarios.yaml']] as const)
				for (const id of ids(file)) expect(existsSync(join(build.dist, lang, folder, id, 'index.html')), `${lang}/${folder}/${id}`).toBe(true);
			const html = parse(read(`${lang}/index.html`)).querySelector('html')!;
			expect([html.getAttribute('lang'), html.getAttribute('dir')]).toEqual([lang, lang === 'fa' ? 'rtl' : 'ltr']);
			expect(readdirSync(join(build.dist, lang, 'tools')).sort()).toEqual([...ids('tools.yaml'), 'index.html'].sort());
		}
		expect(readdirSync(build.dist).filter((name) => /^[a-z]{2}$/.test(name)).sort()).toEqual([...LANGS]);
	});

	test('tells its editors, on the translation status page, the commands for the guide’s own folder', () => {
		const commands = parse(read(`${LANGS[0]}/translation-status/index.html`)).querySelectorAll('main code').map((c) => c.textContent);
		expect(commands).toContain('npx playbook i18n-status --content guide');
		expect(commands).toContain('npx playbook i18n-mark <lang> <page> --content guide');
	});

	test('keeps on a page only the passages for an unsigned release: in the page, its contents and its single file', () => {
		for (const lang of LANGS) {
			const { signed, unsigned } = releasePassages(readFileSync(join(FIXTURE, 'guide/docs', lang, 'check-a-copy.mdx'), 'utf8'));
			expect(signed.length * unsigned.length, `${lang}: the fixture's page has both passages`).toBeGreaterThan(0);
			const html = read(`${lang}/check-a-copy/index.html`);
			const shown = shownHeadings(html, parse);
			for (const heading of unsigned) {
				expect(shown.main, lang).toContain(heading);
				expect(shown.contents, lang).toContain(heading);
			}
			const single = read(`downloads/guide-${lang}.html`);
			for (const heading of signed) for (const text of [html, single]) expect(text, `${lang}: ${heading}`).not.toContain(heading);
			expect(html).not.toMatch(/WhenU?n?[Ss]igned/);
		}
	});

	test('titles every page with the guide’s title, and lists its own sidebar groups in the order of guide/data/sidebar.yaml', () => {
		for (const lang of LANGS) {
			const page = parse(read(`${lang}/risk-check/index.html`));
			expect(page.querySelector('title')!.textContent).toContain(ui(lang, 'site.title'));
			const groups = page.querySelectorAll('#starlight__sidebar .top-level > li > details > summary').map((s) => s.textContent.trim());
			expect(groups).toEqual(ids('sidebar.yaml').map((id) => ui(lang, `nav.${id}`)));
		}
	});

	test('makes the downloads of both languages, each listed with its checksum', () => {
		const sums = read('downloads/SHA256SUMS');
		for (const lang of LANGS)
			for (const file of [`handout-${lang}.pdf`, `card-${lang}.pdf`, `playbook-${lang}.zip`, `guide-${lang}.html`]) {
				expect(existsSync(join(build.dist, 'downloads', file)), file).toBe(true);
				expect(sums, file).toMatch(new RegExp(`^[0-9a-f]{64}  ${file.replace('.', '\\.')}$`, 'm'));
			}
	});
});
