/**
 * What the quick card holds when a guide is too large for one sheet (src/routes/[lang]/card.astro).
 *
 * A guide may have any number of questions, tools, scenarios, and translations longer than its
 * source: the card cannot always print everything. Each of its two pages has levels, each leaving
 * out a little more than the one before, in a stated order (CARD_LEVELS); the handouts stage
 * (scripts/build/handouts.ts) prints each page at the first level at which it fits one page, and
 * the whole card at the largest text size at which it is two pages. This guide's card fits whole:
 * it is printed at level 0, as it was before levels.
 *
 * What is never left out: every question, and every Avoid line of every answer, with its "only if"
 * and its reason (what the plan says to avoid is what keeps a reader from harm). A list of more
 * names than LIST_MAX prints its first ones and how many more there are; a shortened page says so
 * at its head, and where the rest is: the full handout and the site, which print everything.
 *
 * The card page renders every level at once and marks each element with the levels at which it is
 * printed (`Shown`); fitCss() turns the level the stage sets on the document into CSS that hides
 * the rest. Without a level (on screen), the card is whole.
 */
import type { CardEntry, CardQuestion } from './card-parts';

/** The most names a shortened list prints: the rest are counted ("and 12 more"). */
export const LIST_MAX = 8;

/** The card's two pages, and what each level of each leaves out (level 0: nothing). */
export const CARD_LEVELS = {
	questions: [
		'everything',
		`lists of more than ${LIST_MAX} names print their first ${LIST_MAX} and how many more`,
		'the Use lines (what to use with whom) are left to the handout',
		'only the Avoid lines are printed under each question and "whatever the answers"',
	],
	steps: [
		'everything',
		'the first scenario that cleans up is printed whole, the others by name',
		'the scenarios are printed by name, with the answers they are for; their steps are left to the handout',
	],
} as const;

export type CardPage = keyof typeof CARD_LEVELS;

/** The highest level of a page. */
export const topLevel = (page: CardPage) => CARD_LEVELS[page].length - 1;

/** The levels at which an element is printed: from `from` up to, not including, `upto` (Infinity: every level from `from`). */
export interface Shown {
	from: number;
	upto: number;
}

const ALWAYS: Shown = { from: 0, upto: Infinity };

/** Is an element with these levels printed at `level`? */
export const shownAt = (shown: Shown, level: number) => shown.from <= level && level < shown.upto;

/** A list of names at some levels: whole below level 1, then its first LIST_MAX names and how many more, if it is longer. */
export interface FitList<T> {
	/** Each form of the list, with the levels it is printed at. */
	forms: { items: T[]; more: number; shown: Shown }[];
}

/** A list whole at level 0, and, when it has more than `max` items, cut to its first `max` and a count of the rest from level 1. */
export function fitList<T>(items: readonly T[], max = LIST_MAX): FitList<T> {
	if (items.length <= max) return { forms: [{ items: [...items], more: 0, shown: ALWAYS }] };
	return {
		forms: [
			{ items: [...items], more: 0, shown: { from: 0, upto: 1 } },
			{ items: items.slice(0, max), more: items.length - max, shown: { from: 1, upto: Infinity } },
		],
	};
}

/** A tool or a channel named on the card. */
export interface CardName {
	kind: 'tool' | 'channel';
	id: string;
}

/** One group of lines of the card: those that hold under the same answers, with the levels each is printed at. */
export interface FitGroup {
	condition: CardEntry['condition'];
	/** The group as a whole: printed while any of its lines is. */
	shown: Shown;
	rules: { rule: string; shown: Shown }[];
	use: { between: string; names: FitList<CardName>; shown: Shown }[];
	/** What to avoid: printed at every level; `tools` says whether the question's reason for avoiding tools follows. */
	avoid: { names: FitList<CardName>; tools: string[]; channels: string[]; shown: Shown } | undefined;
}

/** A rule text is printed below the level that prints only what to avoid; a Use line below the one that leaves them to the handout. */
const RULE: Shown = { from: 0, upto: 3 };
const USE: Shown = { from: 0, upto: 2 };

const names = (tools: readonly string[], channels: readonly string[]): CardName[] => [...tools.map((id) => ({ kind: 'tool' as const, id })), ...channels.map((id) => ({ kind: 'channel' as const, id }))];

/**
 * The lines under one question (or "whatever the answers"), grouped by the other answers they need:
 * first those that need none, then one group per condition, so that each condition is printed
 * once; each line with the levels it is printed at, and each group printed while one of its lines is.
 */
export function fitGroups(place: CardQuestion): FitGroup[] {
	const groups = new Map<string, { condition: CardEntry['condition']; rules: string[]; use: { between: string; tools: string[]; channels: string[] }[]; avoid: { tools: string[]; channels: string[] } }>();
	for (const e of place.entries) {
		const key = e.condition.map((c) => `${c.question}=${c.answer}`).join();
		const group = groups.get(key) ?? { condition: e.condition, rules: [], use: [], avoid: { tools: [], channels: [] } };
		if (e.part.kind === 'rule') group.rules.push(e.part.rule);
		else if (e.part.kind === 'use') group.use.push({ between: e.part.between, tools: e.part.tools, channels: e.part.channels });
		else if (e.part.tool) group.avoid.tools.push(e.part.tool);
		else if (e.part.channel) group.avoid.channels.push(e.part.channel);
		groups.set(key, group);
	}
	return [...groups.values()]
		.sort((a, b) => a.condition.length - b.condition.length)
		.map((g) => {
			const avoid = g.avoid.tools.length + g.avoid.channels.length > 0 ? { names: fitList(names(g.avoid.tools, g.avoid.channels)), tools: g.avoid.tools, channels: g.avoid.channels, shown: ALWAYS } : undefined;
			const rules = g.rules.map((rule) => ({ rule, shown: RULE }));
			const use = g.use.map((u) => ({ between: u.between, names: fitList(names(u.tools, u.channels)), shown: USE }));
			const upto = Math.max(0, ...[...rules, ...use, ...(avoid ? [avoid] : [])].map((l) => l.shown.upto));
			return { condition: g.condition, shown: { from: 0, upto }, rules, use, avoid };
		});
}

/** A place of the card's first page (a question, or "whatever the answers") is printed while any of its groups is; a question is printed at every level. */
export const placeShown = (groups: readonly FitGroup[]): Shown => ({ from: 0, upto: Math.max(0, ...groups.map((g) => g.shown.upto)) });

/** The scenarios of the card's second page, each with the levels it is printed at, whole or by name. */
export interface FitSteps<S> {
	/** The scenarios the plans lead to: always printed; their steps below level 2. */
	firstContact: { scenario: S; steps: Shown }[];
	/** The clean-up scenarios printed whole: the first at every level (its steps below level 2), the others below level 1. */
	cleanUp: { scenario: S; shown: Shown; steps: Shown }[];
	/** From level 1, the clean-up scenarios after the first, by name. */
	otherCleanUp: { names: FitList<S>; shown: Shown } | undefined;
}

/** What the second page prints at each level: first contact and clean-up (src/routes/[lang]/card.astro picks them from the plans). */
export function fitSteps<S>(firstContact: readonly S[], cleanUp: readonly S[]): FitSteps<S> {
	const steps: Shown = { from: 0, upto: 2 };
	return {
		firstContact: firstContact.map((scenario) => ({ scenario, steps })),
		cleanUp: cleanUp.map((scenario, i) => ({ scenario, shown: i === 0 ? ALWAYS : { from: 0, upto: 1 }, steps: i === 0 ? steps : { from: 0, upto: 1 } })),
		otherCleanUp: cleanUp.length > 1 ? { names: fitList(cleanUp.slice(1)), shown: { from: 1, upto: Infinity } } : undefined,
	};
}

/** The note that says a page is shortened, and where the rest is: from level 1. */
export const SHORTENED: Shown = { from: 1, upto: Infinity };

/** The attribute the handouts stage sets on the document for a page's level ("data-card-questions"). */
export const levelAttribute = (page: CardPage) => `data-card-${page}`;

/** The attribute the handouts stage sets on the document to print one page of the card alone, to find the level at which it fits one page. */
export const ALONE_ATTRIBUTE = 'data-card-alone';

/** The attributes that mark an element of a page with the levels it is printed at, for fitCss(). */
export function fitAttributes(page: CardPage, shown: Shown): Record<string, number> {
	return {
		...(shown.from > 0 ? { [`data-${page}-from`]: shown.from } : {}),
		...(Number.isFinite(shown.upto) ? { [`data-${page}-upto`]: shown.upto } : {}),
	};
}

/**
 * The CSS that prints each page at the level set on the document (levelAttribute), and one page
 * alone (ALONE_ATTRIBUTE, with the page's selector): it hides every element whose levels leave it
 * out. Without a level the page is at level 0.
 */
export function fitCss(pages: Record<CardPage, string>): string {
	const rules: string[] = [];
	for (const page of Object.keys(CARD_LEVELS) as CardPage[]) {
		const top = topLevel(page);
		for (let level = 0; level <= top; level++) {
			const at = level === 0 ? `:root:not([${levelAttribute(page)}]),:root[${levelAttribute(page)}="0"]` : `:root[${levelAttribute(page)}="${level}"]`;
			const hidden = [
				...Array.from({ length: top - level }, (_, i) => `[data-${page}-from="${level + 1 + i}"]`),
				...Array.from({ length: level }, (_, i) => `[data-${page}-upto="${i + 1}"]`),
			];
			if (hidden.length) rules.push(at.split(',').flatMap((root) => hidden.map((h) => `${root} ${h}`)).join(',') + '{display:none!important}');
		}
	}
	// One page alone: the other page's content is hidden, and the page starts the document.
	for (const [page, selector] of Object.entries(pages) as [CardPage, string][]) {
		const others = Object.entries(pages).filter(([p]) => p !== page).map(([, s]) => s);
		rules.push(`${others.map((s) => `:root[${ALONE_ATTRIBUTE}="${page}"] ${s}`).join(',')}{display:none!important}`);
		rules.push(`:root[${ALONE_ATTRIBUTE}="${page}"] ${selector}{break-before:auto!important}`);
	}
	return rules.join('');
}
