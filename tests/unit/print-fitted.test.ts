/**
 * How the handouts stage fits the quick card to two pages (printFitted in scripts/build/handouts.ts),
 * with a stand-in for Chromium: a "PDF" that records its settings, and page counts worked out from
 * them. Whole at the largest size that fits; else each page alone at the smallest size, at the first
 * level that fits one page; then the card at those levels at the largest size that fits.
 */
import { describe, expect, test } from 'vitest';
import { printFitted, type PrintSettings } from '../../scripts/build/handouts';
import { ALONE_ATTRIBUTE, levelAttribute, topLevel } from '../../src/plan/card-fit';

const SIZES = ['9pt', '8.5pt', '8pt'];

/**
 * A card whose pages need, at each size, some room (in tenths of a page) that each level reduces:
 * `need[page][size]` at level 0, less `cut[page]` per level; a page fits one page at 10 or less.
 */
function fakeCard(need: Record<'questions' | 'steps', Record<string, number>>, cut: Record<'questions' | 'steps', number>) {
	const tried: PrintSettings[] = [];
	const room = (page: 'questions' | 'steps', s: PrintSettings) => need[page][s.textSize!]! - cut[page] * Number(s.attributes?.[levelAttribute(page)] ?? 0);
	const print = async (settings: PrintSettings) => {
		tried.push(settings);
		return Buffer.from(JSON.stringify(settings));
	};
	const pages = (pdf: Buffer) => {
		const s = JSON.parse(pdf.toString()) as PrintSettings;
		const alone = s.attributes?.[ALONE_ATTRIBUTE] as 'questions' | 'steps' | undefined;
		const count = (page: 'questions' | 'steps') => Math.ceil(room(page, s) / 10);
		return alone ? count(alone) : count('questions') + count('steps');
	};
	return { tried, fit: () => printFitted(print, pages, 2, SIZES, true) };
}

describe('the quick card fitted to two pages', () => {
	test('that fits whole is printed whole, at the largest size that fits, as before levels', async () => {
		const card = fakeCard({ questions: { '9pt': 11, '8.5pt': 10, '8pt': 9 }, steps: { '9pt': 9, '8.5pt': 8, '8pt': 7 } }, { questions: 2, steps: 2 });
		const fitted = await card.fit();
		expect(fitted).toMatchObject({ textSize: '8.5pt' });
		expect(fitted.levels).toBeUndefined();
		expect(card.tried).toEqual([{ textSize: '9pt' }, { textSize: '8.5pt' }]);
	});

	test('that does not fit whole has each page at the first level at which it fits alone at the smallest size, then the largest size that fits', async () => {
		// Questions: 15 at the smallest size, 3 less per level: level 2 (9). Steps: fits at level 0 at the smallest size (10).
		const card = fakeCard({ questions: { '9pt': 17, '8.5pt': 16, '8pt': 15 }, steps: { '9pt': 12, '8.5pt': 11, '8pt': 10 } }, { questions: 3, steps: 1 });
		const fitted = await card.fit();
		expect(fitted.unfit).toBeUndefined();
		expect(fitted.levels).toEqual({ questions: 2, steps: 0 });
		// At 9pt: questions 11, too long; at 8.5pt: questions 10 and steps 11, too long; at 8pt both fit.
		expect(fitted.textSize).toBe('8pt');
		const alone = card.tried.filter((s) => s.attributes?.[ALONE_ATTRIBUTE]);
		expect(alone.map((s) => [s.attributes![ALONE_ATTRIBUTE], s.attributes![levelAttribute(s.attributes![ALONE_ATTRIBUTE] as 'questions')], s.textSize])).toEqual([
			['questions', '0', '8pt'],
			['questions', '1', '8pt'],
			['questions', '2', '8pt'],
			['steps', '0', '8pt'],
		]);
	});

	test('that does not fit even at a page’s last level says which page and what that level leaves out', async () => {
		const card = fakeCard({ questions: { '9pt': 60, '8.5pt': 60, '8pt': 60 }, steps: { '9pt': 5, '8.5pt': 5, '8pt': 5 } }, { questions: 1, steps: 1 });
		const fitted = await card.fit();
		expect(fitted.unfit).toMatch(/^its questions page does not fit one page even with only the Avoid lines/);
		expect(card.tried.filter((s) => s.attributes?.[ALONE_ATTRIBUTE] === 'questions')).toHaveLength(topLevel('questions') + 1);
	});
});
