/**
 * A page's HTML does not grow with the guide (#20): a small generated guide (English only, to
 * build quickly) is built at 1× and at 10× its content pages (makeTenfold, as the benchmark's
 * tenfold site), the site stage only, and a tool, a practice and a scenario page must weigh the
 * same within 10 %. When every page carried the whole sidebar, the tenfold Signal page was several
 * times larger. A bounded sidebar must still lead to every page: within two clicks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { growthPages, growthReport, htmlGrowth, MAX_GROWTH, type HtmlGrowth } from '../../scripts/bench/html-growth.ts';
import { makeTenfold } from '../../scripts/bench/sites.ts';
import { withoutUnbuilt } from '../../scripts/build/checksums.ts';
import { MAX_BYTES } from '../../scripts/build/single-file.ts';
import { ROOT } from '../helpers/project';
import { htmlFiles } from '../helpers/site';

const LANG = 'en';
const guides: { dir: string; pages: number }[] = [];
let growth: HtmlGrowth[] = [];

function buildSite(dir: string, stages = 'site'): string {
	const run = spawnSync(process.execPath, ['scripts/build.ts', '--only', stages], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 240_000 });
	if (run.status !== 0) throw new Error(`the ${stages} stage failed in ${dir}:\n${run.stdout}\n${run.stderr}`);
	return run.stdout;
}

beforeAll(() => {
	for (const factor of [1, 10]) {
		const made = makeTenfold(ROOT, factor, { name: `page-growth-${factor}x`, languages: [LANG] });
		guides.push({ dir: made.dir, pages: made.pages[LANG]! });
		buildSite(made.dir);
	}
	growth = htmlGrowth(join(guides[0]!.dir, 'dist'), join(guides[1]!.dir, 'dist'), [LANG], growthPages(ROOT));
	console.log(growthReport(growth, '10×').join('\n'));
}, 600_000);
afterAll(() => guides.forEach((g) => rmSync(g.dir, { recursive: true, force: true })));

/** The site's links of a built page, as paths (`/en/tools/signal/`), fragments left out. */
function linksOf(dist: string, page: string): Set<string> {
	const document = parse(readFileSync(join(dist, page), 'utf8'));
	return new Set(document.querySelectorAll('a[href^="/"]').map((a) => a.getAttribute('href')!.split('#')[0]!));
}
const fileOf = (path: string) => `${path.slice(1)}index.html`;

describe('a page of a guide ten times larger', () => {
	test('is measured on guides of 1× and 10× the content pages', () => {
		expect(guides[1]!.pages).toBeGreaterThanOrEqual(10 * guides[0]!.pages);
		expect(growth.map((g) => g.kind)).toEqual(['tool', 'practice', 'scenario']);
		for (const g of growth) expect(g.small, g.page).toBeGreaterThan(10_000);
	});

	test(`has HTML within ${MAX_GROWTH * 100} % of the same page at 1× (a tool, a practice and a scenario)`, () => {
		expect(growth.filter((g) => Math.abs(g.ratio - 1) > MAX_GROWTH).map((g) => `${g.page}: ${g.small} → ${g.large} bytes (${g.ratio.toFixed(2)}×)`)).toEqual([]);
	});

	test('leads to the risk check and every scenario, tool and practice page within two clicks, without JavaScript', () => {
		const dist = join(guides[1]!.dir, 'dist');
		const built = new Set(htmlFiles(dist));
		const targets = [...built]
			.filter((f) => /^en\/(risk-check\/|(scenarios|tools|practices)\/[^/]+\/)index\.html$/.test(f))
			.map((f) => `/${f.replace(/index\.html$/, '')}`);
		expect(targets.length).toBeGreaterThan(400);
		for (const g of growth) {
			const first = linksOf(dist, g.page);
			const second = new Set([...first].flatMap((path) => (built.has(fileOf(path)) ? [...linksOf(dist, fileOf(path))] : [])));
			expect(targets.filter((t) => !first.has(t) && !second.has(t)), g.page).toEqual([]);
		}
	});
});

describe('a guide too large for one file on a phone', () => {
	test('builds: its single file is left out with a line that says why and how to fix it, and a smaller guide gets one', () => {
		const [small, large] = guides.map((g) => ({ out: buildSite(g.dir, 'single files'), file: join(g.dir, 'dist/downloads', `guide-${LANG}.html`) }));
		expect(existsSync(small!.file)).toBe(true);
		expect(statSync(small!.file).size).toBeLessThan(MAX_BYTES);
		expect(existsSync(large!.file)).toBe(false);
		expect(large!.out).toMatch(new RegExp(`guide-${LANG}\\.html left out: [^\\n]*pages[^\\n]* make [\\d.]+ MB, more than the 1\\.50 MB a phone should be asked to open\\. Fix: leave pages out of it \\(LEFT_OUT in scripts/build/single-file\\.ts\\)`));
	}, 240_000);

	test('is not offered on the downloads pages, and the other files stay', () => {
		const page = '<ul class="which"><li data-file="guide-en.html">On a phone…</li><li>On a computer…</li></ul><table><tbody><tr data-file="playbook-en.zip"><td>a</td></tr><tr data-file="guide-en.html"><td><a>guide-en.html</a></td><td>English</td></tr></tbody></table>';
		const kept = withoutUnbuilt(page, new Set(['playbook-en.zip']));
		expect(kept).toBe('<ul class="which"><li>On a computer…</li></ul><table><tbody><tr data-file="playbook-en.zip"><td>a</td></tr></tbody></table>');
		expect(withoutUnbuilt(page, new Set(['playbook-en.zip', 'guide-en.html']))).toBe(page);
	});
});
