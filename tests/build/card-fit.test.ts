/**
 * A guide too large for one sheet: a copy of this project with every tool, practice and scenario
 * repeated (makeTenfold in scripts/bench/sites.ts, as the benchmark's large guides, English only),
 * built through the handouts stage. Its quick card is two pages, each shortened to the first level
 * at which it fits (src/plan/card-fit.ts), and still asks every question and prints every Avoid
 * line, with its first names and how many more; what it leaves out it says is in the handout.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTenfold } from '../../scripts/bench/sites.ts';
import { cardParts } from '../../src/plan/card-parts';
import { fitGroups, LIST_MAX, type CardPage } from '../../src/plan/card-fit';
import { checkContent } from '../../src/check/check-content';
import { toPlanModel } from '../../src/plan/plan';
import { toRiskModel } from '../../src/plan/risk';
import { readPdf, squash, type Pdf } from '../helpers/pdf';
import { ROOT } from '../helpers/project';

const LANG = 'en';
// Eight times the content pages: 70 tools to avoid where encrypted apps are risky, and 28 clean-up
// scenarios, more than either page of the card holds whole at its smallest text.
const FACTOR = 8;
let dir = '';
let output = '';
let pdf: Pdf;
let html: HTMLElement;
const levels = {} as Record<CardPage, number>;

beforeAll(async () => {
	dir = makeTenfold(ROOT, FACTOR, { name: `card-fit-${FACTOR}x`, languages: [LANG] }).dir;
	const run = spawnSync(process.execPath, ['scripts/build.ts', '--only', 'site,handouts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 300_000 });
	output = `${run.stdout}\n${run.stderr}`;
	if (run.status !== 0) throw new Error(`the build of the ${FACTOR}× guide failed:\n${output}`);
	pdf = await readPdf(join(dir, 'dist/downloads', `card-${LANG}.pdf`));
	html = parse(readFileSync(join(dir, 'dist', LANG, 'card/index.html'), 'utf8'));
	for (const m of (/card-en\.pdf .*shortened: (.*)$/m.exec(output)?.[1] ?? '').matchAll(/(questions|steps) page at level (\d)/g)) levels[m[1] as CardPage] = Number(m[2]);
}, 400_000);
afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const ui = () => JSON.parse(readFileSync(join(dir, `content/i18n/${LANG}.json`), 'utf8')) as Record<string, string>;
const printedText = () => squash(pdf.pages.map((p) => p.actualText).join(''));

/** An element's text as printed at the card's levels: without what those levels leave out. */
function visibleText(element: HTMLElement): string {
	const copy = parse(element.outerHTML);
	for (const page of ['questions', 'steps'] as const) {
		const level = levels[page] ?? 0;
		for (const hidden of copy.querySelectorAll(`[data-${page}-from], [data-${page}-upto]`))
			if (Number(hidden.getAttribute(`data-${page}-from`) ?? 0) > level || Number(hidden.getAttribute(`data-${page}-upto`) ?? Infinity) <= level) hidden.remove();
	}
	return copy.textContent;
}
/** Is this element printed at the card's levels (neither it nor a parent left out)? */
const printed = (element: HTMLElement) => {
	for (let e: HTMLElement | null = element; e; e = e.parentNode) {
		for (const page of ['questions', 'steps'] as const) {
			const level = levels[page] ?? 0;
			if (Number(e.getAttribute?.(`data-${page}-from`) ?? 0) > level || Number(e.getAttribute?.(`data-${page}-upto`) ?? Infinity) <= level) return false;
		}
	}
	return true;
};

describe(`the quick card of a guide ${FACTOR} times larger`, () => {
	test('is two pages, each shortened to the level at which it fits, and says so, and where the rest is, at the head of each', () => {
		expect(pdf.pages).toHaveLength(2);
		expect(levels.questions, output).toBeGreaterThan(0);
		expect(levels.steps, output).toBeGreaterThan(0);
		const note = squash(ui()['card.shortened']!.replace('{{handout}}', `handout-${LANG}.pdf`));
		for (const page of pdf.pages) expect(squash(page.actualText)).toContain(note);
	});

	test('asks every question and prints every Avoid line, with its first names and how many more the data has', () => {
		const { data } = checkContent(dir);
		const model = toPlanModel(toRiskModel(data!), data!);
		const card = cardParts(model);
		const content = printedText();
		const avoid = ui()['risk.avoid']!;
		expect(html.querySelectorAll('[data-question]').map((q) => q.getAttribute('data-question'))).toEqual(model.questions.map((q) => q.id));
		let cut = 0;
		for (const [place, element] of [...card.questions.map((q) => [q, html.querySelector(`[data-question="${q.id}"]`)!] as const), [card.general, html.querySelector('[data-part="questions"]')!] as const]) {
			if (place.id) expect(content).toContain(squash(element.querySelector('.q')!.textContent));
			// The Avoid lines of this place, in the data and on the page, in the same order.
			const expected = fitGroups(place).flatMap((g) => (g.avoid ? [g.avoid.tools.length + g.avoid.channels.length] : []));
			const lines = element.querySelectorAll(place.id ? 'dd > p' : '[data-any] > p').filter((p) => p.querySelector('strong')?.textContent.startsWith(avoid));
			expect(lines.map((p) => printed(p))).toEqual(expected.map(() => true));
			expect(lines).toHaveLength(expected.length);
			for (const [i, line] of lines.entries()) {
				const text = visibleText(line);
				expect(content, text).toContain(squash(text));
				// A list longer than a shortened card prints ends with the count of the names it leaves out.
				if (expected[i]! > LIST_MAX && levels.questions! >= 1) {
					expect(text).toContain(ui()['card.more']!.replace('{{count}}', String(expected[i]! - LIST_MAX)));
					cut++;
				}
			}
		}
		expect(cut).toBeGreaterThan(0);
	});

	test('prints every line, heading and step its levels keep, and nothing they leave out', () => {
		const content = printedText();
		const kept = html.querySelectorAll('.card :is(h2, h3, .q, dd > p, [data-any] > p, li, [data-other-scenarios], [data-shortened])').filter(printed);
		expect(kept.length).toBeGreaterThan(40);
		for (const element of kept) expect(content, element.textContent).toContain(squash(visibleText(element)));
		// What the levels leave out: the clean-up scenarios after the first, whose steps the card names the handout for.
		const cleanUps = html.querySelectorAll('[data-part="cleanup"]');
		expect(cleanUps.length).toBeGreaterThan(LIST_MAX + 1);
		expect(cleanUps.filter(printed)).toHaveLength(1);
		const others = html.querySelector('[data-other-scenarios]')!;
		expect(printed(others)).toBe(true);
		expect(visibleText(others)).toContain(ui()['card.more']!.replace('{{count}}', String(cleanUps.length - 1 - LIST_MAX)));
		for (const step of cleanUps[1]!.querySelectorAll('li')) expect(printed(step)).toBe(false);
	});
});
