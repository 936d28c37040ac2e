/**
 * The quick cards, read back with pdfjs-dist (tests/helpers/pdf.ts): one sheet, both sides, in
 * every language, holding what the card page (src/routes/[lang]/card.astro) renders from the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPdf, squash, words, type Pdf } from '../helpers/pdf';
import { DIST, requireDist, ROOT } from '../helpers/project';
import { siteData } from '../helpers/site';
import { cardParts } from '../../src/plan/card-parts';
import { toPlanModel } from '../../src/plan/plan';
import { toRiskModel } from '../../src/plan/risk';
import { stepGroups, toSequences } from '../../src/plan/scenario';

const data = siteData();
const card = cardParts(toPlanModel(toRiskModel(data), data));
const cards = new Map<string, Pdf>();
beforeAll(async () => {
	requireDist();
	for (const l of data.languages) cards.set(l.id, await readPdf(join(DIST, 'downloads', `card-${l.id}.pdf`)));
});
/** A word cut where it changes between a right-to-left script and another: the runs a PDF draws apart. */
const scriptRuns = (word: string) => word.split(/(?<=[\p{Script=Arabic}\p{Script=Hebrew}])(?=[^\p{Script=Arabic}\p{Script=Hebrew}])|(?<=[^\p{Script=Arabic}\p{Script=Hebrew}])(?=[\p{Script=Arabic}\p{Script=Hebrew}])/u).filter(Boolean);
const ui = (lang: string) => JSON.parse(readFileSync(join(ROOT, `content/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
// A4 is 595 × 842 pt; US Letter 612 × 792. Printed on Letter without scaling, an A4 page loses
// 25 pt at its top and bottom: the card's text must stay within the band both sizes share.
const A4_HEIGHT = 841.89;
const LETTER_CUT = (A4_HEIGHT - 792) / 2;

describe.each(data.languages.map((l) => [l.id, l] as const))('the %s quick card', (lang, language) => {
	const source = () => parse(readFileSync(join(DIST, lang, 'card', 'index.html'), 'utf8'));

	test('is one sheet: exactly two pages', () => {
		expect(cards.get(lang)!.pages).toHaveLength(2);
	});

	test('asks every question of the risk check and holds every section, in its language', () => {
		const html = source();
		// The page renders every question of the data, in order.
		expect(html.querySelectorAll('[data-question]').map((q) => q.getAttribute('data-question'))).toEqual(data.questions.map((q) => q.id));
		expect(html.querySelectorAll('[data-part]').map((p) => p.getAttribute('data-part'))).toEqual(['questions', 'first-contact', 'cleanup', 'exit']);
		const content = squash(cards.get(lang)!.pages.map((p) => p.actualText).join(''));
		const expected = [
			ui(lang)['card.title']!,
			...html.querySelectorAll('.card :is(h2, h3, .q)').map((h) => h.textContent),
			...html.querySelectorAll('[data-part="first-contact"] li, [data-part="cleanup"] li').map((li) => li.textContent),
			ui(lang)['quickExit.hint']!,
		];
		expect(expected.length).toBeGreaterThan(25);
		for (const phrase of expected) {
			if (language.dir === 'ltr') expect(content, phrase).toContain(squash(phrase));
			// Each right-to-left word is a run of its own, and so is each part of a word in another script
			// ("وProton", "and Proton"): each is looked for on its own.
			else for (const word of words(phrase).flatMap(scriptRuns)) expect(content, phrase).toContain(squash(word));
		}
	});

	test('prints alternatives of a scenario as one step: the first with its answers, then "otherwise"', () => {
		const html = source();
		const otherwise = ui(lang)['seq.otherwise']!;
		const scenarios = html.querySelectorAll('[data-part="first-contact"] section[data-scenario]');
		expect(scenarios.length).toBeGreaterThan(0);
		for (const scenario of scenarios) {
			const id = scenario.getAttribute('data-scenario')!;
			const groups = stepGroups(toSequences(data.scenarios).find((s) => s.id === id)!.steps);
			const items = scenario.querySelectorAll('ol > li');
			expect(items, id).toHaveLength(groups.length);
			groups.forEach((group, i) => expect(items[i]!.querySelectorAll('strong').some((b) => b.textContent.startsWith(otherwise)), `${id} step ${i + 1}`).toBe(group.length > 1));
		}
	});

	test('prints the lines that depend on other answers under "only if" and those answers, once per condition', () => {
		const html = source();
		const onlyIf = ui(lang)['seq.onlyIf']!.toLocaleLowerCase(lang);
		// The number of answers in each distinct condition of a place's lines.
		const conditionsOf = (place: (typeof card.questions)[number]) => [...new Map(place.entries.map((e) => [JSON.stringify(e.condition), e.condition.length])).values()].sort();
		for (const place of card.questions) {
			const labels = html.querySelectorAll(`[data-question="${place.id}"] dt`).map((dt) => dt.querySelector('.only-if')?.textContent ?? '');
			// One term for each group of lines: none for the lines that need no other answer, else "only if" with one "question — answer" per answer.
			expect(labels.map((l) => (l ? (l.match(/ — /g) ?? []).length : 0)).sort(), place.id).toEqual(conditionsOf(place));
			for (const label of labels.filter(Boolean)) expect(label.toLocaleLowerCase(lang), place.id).toContain(onlyIf);
		}
		const any = html.querySelectorAll('[data-any]').map((group) => group.querySelector('.only-if')?.textContent ?? '');
		expect(any.map((l) => (l ? (l.match(/ — /g) ?? []).length : 0)).sort()).toEqual(conditionsOf(card.general));
	});

	test('keeps its text within what A4 and US Letter share, and is titled as the guide’s quick card', () => {
		const pdf = cards.get(lang)!;
		for (const [i, page] of pdf.pages.entries())
			for (const item of page.items.filter((it) => it.str.trim())) {
				expect(item.y, `page ${i + 1}: ${item.str}`).toBeGreaterThan(LETTER_CUT + 2);
				expect(item.y, `page ${i + 1}: ${item.str}`).toBeLessThan(A4_HEIGHT - LETTER_CUT - 12);
			}
		expect(pdf.title).toBe(`${ui(lang)['site.title']} — ${ui(lang)['card.title']}`);
	});

	test('runs right to left in a right-to-left language', () => {
		const items = cards.get(lang)!.pages.flatMap((p) => p.items).filter((i) => /\p{L}/u.test(i.str));
		const rtl = items.filter((i) => i.dir === 'rtl').length;
		if (language.dir === 'rtl') expect(rtl).toBeGreaterThan(items.length / 2);
		else expect(rtl).toBe(0);
	});
});
