/**
 * What the quick card holds when a guide is too large for one sheet (src/plan/card-fit.ts): at each
 * level of each page, what is printed, on small inputs. Every Avoid line is printed at every level,
 * whole or cut to its first names with the count of the rest; the rest goes in a stated order.
 */
import { describe, expect, test } from 'vitest';
import { CARD_LEVELS, fitAttributes, fitCss, fitGroups, fitList, fitSteps, LIST_MAX, placeShown, shownAt, topLevel, type FitGroup, type FitList } from '../../src/plan/card-fit';
import { cardParts, partKey, planParts, readCard, type CardEntry, type CardQuestion } from '../../src/plan/card-parts';
import { allPlans, type PlanModel } from '../../src/plan/plan';

const levels = (page: keyof typeof CARD_LEVELS) => Array.from({ length: topLevel(page) + 1 }, (_, i) => i);
/** The form of a list printed at a level: its names and how many more. */
const formAt = <T,>(list: FitList<T>, level: number) => {
	const forms = list.forms.filter((f) => shownAt(f.shown, level));
	expect(forms).toHaveLength(1);
	return forms[0]!;
};
/** What one place of the first page prints at a level, as text: "rule:x", "use:person:a,b", "avoid:a,b+3". */
function printed(groups: readonly FitGroup[], level: number): string[] {
	return groups
		.filter((g) => shownAt(g.shown, level))
		.flatMap((g) => {
			const when = g.condition.map((c) => `${c.question}=${c.answer}`).join('&');
			const names = (list: FitList<{ id: string }>) => {
				const form = formAt(list, level);
				return form.items.map((n) => n.id).join(',') + (form.more ? `+${form.more}` : '');
			};
			return [
				...g.rules.filter((r) => shownAt(r.shown, level)).map((r) => `${when}|rule:${r.rule}`),
				...g.use.filter((u) => shownAt(u.shown, level)).map((u) => `${when}|use:${u.between}:${names(u.names)}`),
				...(g.avoid && shownAt(g.avoid.shown, level) ? [`${when}|avoid:${names(g.avoid.names)}`] : []),
			];
		});
}
const tools = (n: number, prefix = 't') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const entry = (part: CardEntry['part'], condition: CardEntry['condition'] = []): CardEntry => ({ part, condition });

describe('a list of names on the card', () => {
	test(`of ${LIST_MAX} names or fewer is printed whole at every level`, () => {
		const list = fitList(tools(LIST_MAX));
		for (const level of levels('questions')) expect(formAt(list, level)).toEqual({ items: tools(LIST_MAX), more: 0, shown: { from: 0, upto: Infinity } });
	});

	test(`of more names is whole at level 0, then its first ${LIST_MAX} and how many more`, () => {
		const list = fitList(tools(30));
		expect(formAt(list, 0).items).toEqual(tools(30));
		for (const level of levels('questions').slice(1)) expect(formAt(list, level)).toMatchObject({ items: tools(LIST_MAX), more: 30 - LIST_MAX });
		expect(fitList(tools(5), 3).forms.at(-1)).toMatchObject({ items: tools(3), more: 2 });
	});
});

describe('the lines under a question, at each level', () => {
	const place: CardQuestion = {
		id: 'q2',
		entries: [
			entry({ kind: 'rule', rule: 'go-through-partner' }),
			entry({ kind: 'use', between: 'partner', tools: ['signal'], channels: ['in-person'] }),
			...tools(12).map((tool) => entry({ kind: 'avoid', tool })),
			entry({ kind: 'avoid', channel: 'sms' }),
			entry({ kind: 'rule', rule: 'meet-in-person' }, [{ question: 'q1', answer: 'no' }]),
			entry({ kind: 'use', between: 'person', tools: tools(10, 'u'), channels: [] }, [{ question: 'q1', answer: 'no' }]),
			entry({ kind: 'avoid', channel: 'any-direct-contact' }, [{ question: 'q3', answer: 'yes' }]),
		],
	};
	const groups = fitGroups(place);

	test('are grouped by their condition, those that need no other answer first', () => {
		expect(groups.map((g) => g.condition)).toEqual([[], [{ question: 'q1', answer: 'no' }], [{ question: 'q3', answer: 'yes' }]]);
	});

	test('level 0 prints everything', () => {
		expect(printed(groups, 0)).toEqual([
			'|rule:go-through-partner',
			'|use:partner:signal,in-person',
			`|avoid:${tools(12).join(',')},sms`,
			'q1=no|rule:meet-in-person',
			`q1=no|use:person:${tools(10, 'u').join(',')}`,
			'q3=yes|avoid:any-direct-contact',
		]);
	});

	test(`level 1 cuts lists of more than ${LIST_MAX} names to their first ${LIST_MAX} and the count`, () => {
		expect(printed(groups, 1)).toEqual([
			'|rule:go-through-partner',
			'|use:partner:signal,in-person',
			`|avoid:${tools(8).join(',')}+5`,
			'q1=no|rule:meet-in-person',
			`q1=no|use:person:${tools(8, 'u').join(',')}+2`,
			'q3=yes|avoid:any-direct-contact',
		]);
	});

	test('level 2 leaves the Use lines to the handout', () => {
		expect(printed(groups, 2)).toEqual(['|rule:go-through-partner', `|avoid:${tools(8).join(',')}+5`, 'q1=no|rule:meet-in-person', 'q3=yes|avoid:any-direct-contact']);
	});

	test('the last level prints only the Avoid lines, and no group (nor its "only if") that has none', () => {
		const top = topLevel('questions');
		expect(printed(groups, top)).toEqual([`|avoid:${tools(8).join(',')}+5`, 'q3=yes|avoid:any-direct-contact']);
		expect(groups.map((g) => shownAt(g.shown, top))).toEqual([true, false, true]);
		// "Whatever the answers" with no Avoid line is left out at that level, with its heading.
		const general = fitGroups({ id: '', entries: [entry({ kind: 'rule', rule: 'encrypt' }), entry({ kind: 'use', between: 'person', tools: ['signal'], channels: [] })] });
		expect(shownAt(placeShown(general), top)).toBe(false);
		expect(shownAt(placeShown(general), top - 1)).toBe(true);
	});
});

describe('every Avoid line of every plan, at every level', () => {
	// A small model: two questions, each making a kind of tool suspect, with many tools of each kind, and a rule that avoids a channel.
	const model: PlanModel = {
		questions: [
			{ id: 'watched', saferAnswer: 'yes', suspects: 'encrypted-apps' },
			{ id: 'tor-risky', saferAnswer: 'yes', suspects: 'anonymity-tools' },
		],
		rules: [
			{ id: 'encrypt', when: [{ question: 'watched', answer: 'no' }], useTools: tools(20, 'e'), practices: [], avoidTools: [], avoidChannels: [] },
			{ id: 'no-phone', when: [{ question: 'watched', answer: 'yes' }], useTools: [], practices: [], avoidTools: [], avoidChannels: ['phone', 'sms'] },
			{ id: 'tor', when: [{ question: 'tor-risky', answer: 'no' }], useTools: tools(3, 'a'), practices: [], avoidTools: [], avoidChannels: [] },
		],
		tools: [...tools(20, 'e').map((id) => ({ id, drawsAttention: 'encrypted-apps' as const })), ...tools(3, 'a').map((id) => ({ id, drawsAttention: 'anonymity-tools' as const }))],
		scenarios: [],
	};
	const card = cardParts(model);

	test('is printed, whole or with the count of the names it leaves out', () => {
		const places = [card.general, ...card.questions].map((place) => ({ place, groups: fitGroups(place) }));
		// The plans of "yes" answers avoid more names than a shortened list prints.
		expect(Math.max(...allPlans(model).map((plan) => plan.avoidTools.length))).toBeGreaterThan(LIST_MAX);
		for (const plan of allPlans(model)) {
			const avoided = planParts(plan).filter((p) => p.kind === 'avoid');
			// What the card holds for this plan (src/plan/card-parts.ts), found in the groups of each level.
			const read = readCard(card, plan.answers);
			for (const level of levels('questions')) {
				let named = 0;
				let counted = 0;
				for (const { place, groups } of places) {
					if (place.id && plan.answers[place.id] !== 'yes') continue;
					for (const g of groups) {
						if (!g.avoid || !g.condition.every((c) => plan.answers[c.question] === c.answer)) continue;
						expect(shownAt(g.shown, level) && shownAt(g.avoid.shown, level)).toBe(true);
						const form = formAt(g.avoid.names, level);
						named += form.items.length;
						counted += form.more;
						for (const n of form.items) expect(read.has(partKey(n.kind === 'tool' ? { kind: 'avoid', tool: n.id } : { kind: 'avoid', channel: n.id }))).toBe(true);
					}
				}
				expect(named + counted, `${plan.key} at level ${level}`).toBe(avoided.length);
				if (level === 0) expect(counted).toBe(0);
			}
		}
	});
});

describe('the scenarios of the second page, at each level', () => {
	const cleanUp = tools(12, 'clean');
	const steps = fitSteps(['direct', 'partner'], cleanUp);

	test('first contact: every scenario at every level, its steps until the last level', () => {
		for (const level of levels('steps')) expect(steps.firstContact.map((s) => [s.scenario, shownAt(s.steps, level)])).toEqual([['direct', level < 2], ['partner', level < 2]]);
	});

	test('clean-up: every scenario whole at level 0; from level 1 the first whole and the others by name, cut to their first names and the count', () => {
		const whole = (level: number) => steps.cleanUp.filter((s) => shownAt(s.shown, level)).map((s) => s.scenario);
		expect(whole(0)).toEqual(cleanUp);
		expect(shownAt(steps.otherCleanUp!.shown, 0)).toBe(false);
		for (const level of [1, 2]) {
			expect(whole(level)).toEqual(['clean1']);
			expect(shownAt(steps.otherCleanUp!.shown, level)).toBe(true);
			expect(steps.otherCleanUp!.names.forms.at(-1)).toMatchObject({ items: cleanUp.slice(1, 1 + LIST_MAX), more: 11 - LIST_MAX });
		}
		expect(shownAt(steps.cleanUp[0]!.steps, 1)).toBe(true);
		expect(shownAt(steps.cleanUp[0]!.steps, 2)).toBe(false);
		// One clean-up scenario: nothing to name.
		expect(fitSteps([], ['only']).otherCleanUp).toBeUndefined();
	});
});

describe('the CSS that prints a level', () => {
	const css = fitCss({ questions: '.card > :not(.page2)', steps: '.card > .page2' });
	/** The selectors hidden by the rule for one level of a page. */
	const hiddenAt = (page: 'questions' | 'steps', level: number) => {
		const at = level === 0 ? `:root:not([data-card-${page}])` : `:root[data-card-${page}="${level}"]`;
		const rule = css.split('}').find((r) => r.startsWith(`${at} `));
		return rule ? [...rule.matchAll(new RegExp(`${at.replace(/[[\]():"]/g, '\\$&')} (\\[[^\\]]+\\])`, 'g'))].map((m) => m[1]) : [];
	};

	test('hides, at each level, what is printed only from a higher level and what is printed only below it', () => {
		expect(hiddenAt('questions', 0)).toEqual(['[data-questions-from="1"]', '[data-questions-from="2"]', '[data-questions-from="3"]']);
		expect(hiddenAt('questions', 2)).toEqual(['[data-questions-from="3"]', '[data-questions-upto="1"]', '[data-questions-upto="2"]']);
		expect(hiddenAt('steps', 2)).toEqual(['[data-steps-upto="1"]', '[data-steps-upto="2"]']);
		// The attributes the page writes are those the CSS reads.
		expect(fitAttributes('questions', { from: 1, upto: 3 })).toEqual({ 'data-questions-from': 1, 'data-questions-upto': 3 });
		expect(fitAttributes('steps', { from: 0, upto: Infinity })).toEqual({});
	});

	test('prints one page alone: the other page hidden, and this one from the first sheet', () => {
		expect(css).toContain(':root[data-card-alone="questions"] .card > .page2{display:none!important}');
		expect(css).toContain(':root[data-card-alone="steps"] .card > :not(.page2){display:none!important}');
		expect(css).toContain(':root[data-card-alone="steps"] .card > .page2{break-before:auto!important}');
	});
});
