/**
 * What the quick card prints under each risk question (src/routes/[lang]/card.astro), worked out
 * from every plan (src/plan/plan.ts) so that a reader who answers "yes" to several questions is
 * never told two opposite things.
 *
 * The card cannot print sixteen plans. It prints, under each question, what a "yes" there adds:
 * rule texts, tools to use with someone, tools and channels to avoid; and, under "whatever the
 * answers", what needs no "yes" (the plan when every answer is "no", with the answers it needs). A part of a plan that also depends on other answers (WhatsApp with the person only when
 * contact with you is not dangerous) carries those answers as its condition ("only if …"). Each
 * part is printed under the last question whose "yes" it needs, with the rest of its answers as
 * the condition, so that it is printed once per way it can come about, not once per question.
 */
import { allPlans, picks, type Cube, type Plan, type PlanModel } from './plan';
import type { Between } from './risk';

export type CardPart =
	| { kind: 'rule'; rule: string }
	| { kind: 'use'; between: Between; tools: string[]; channels: string[] }
	| { kind: 'avoid'; tool?: string; channel?: string };

/** A part under one question, with the other answers it needs (empty: none). */
export interface CardEntry {
	part: CardPart;
	condition: { question: string; answer: 'yes' | 'no' }[];
}

/** A question's lines (or, with no id, those printed whatever the answers). */
export interface CardQuestion {
	id: string;
	entries: CardEntry[];
}

const partKey = (part: CardPart) =>
	part.kind === 'rule' ? `rule:${part.rule}` : part.kind === 'use' ? `use:${part.between}:${[...part.tools, ...part.channels.map((c) => `channel:${c}`)].join()}` : `avoid:${part.tool ?? ''}:${part.channel ?? ''}`;

/** Every part of a plan, in the order a card lists them. */
export function planParts(plan: Plan): CardPart[] {
	const rules = [plan.headline, ...plan.options.map((o) => o.rule), ...plan.use.map((u) => u.rule)].filter((r): r is string => !!r);
	return [
		...[...new Set(rules)].map((rule): CardPart => ({ kind: 'rule', rule })),
		...plan.use.map((group): CardPart => ({ kind: 'use', between: group.between, tools: [...group.tools], channels: [...group.channels] })),
		...plan.avoidTools.map((tool): CardPart => ({ kind: 'avoid', tool })),
		...plan.avoidChannels.map((channel): CardPart => ({ kind: 'avoid', channel })),
	];
}

/** `general` picks every plan `specific` picks: its answers are some of the other's. */
const covers = (general: Cube, specific: Cube) => Object.entries(general).every(([q, a]) => specific[q] === a);

/**
 * The fewest sets of answers that together pick exactly the plans in `keys`; each as general as it
 * can be (sets may overlap: "watched, not dangerous" and "secure apps risky, not dangerous").
 */
export function conditions(model: PlanModel, plans: readonly Plan[], keys: ReadonlySet<string>): Cube[] {
	let candidates: Cube[] = [{}];
	for (const q of model.questions) candidates = candidates.flatMap((c) => [c, { ...c, [q.id]: 'yes' as const }, { ...c, [q.id]: 'no' as const }]);
	const valid = candidates.filter((c) => {
		const picked = plans.filter((p) => picks(c, p));
		return picked.length > 0 && picked.every((p) => keys.has(p.key));
	});
	const widest = valid.filter((c) => !valid.some((d) => d !== c && covers(d, c)));
	const left = new Set(keys);
	const chosen: Cube[] = [];
	while (left.size > 0) {
		const gain = (c: Cube) => plans.filter((p) => left.has(p.key) && picks(c, p)).length;
		const best = widest.reduce((a, b) => (gain(b) > gain(a) || (gain(b) === gain(a) && Object.keys(b).length < Object.keys(a).length) ? b : a));
		if (gain(best) === 0) throw new Error(`no set of answers picks the plans ${[...left].join(', ')}`);
		chosen.push(best);
		for (const p of plans) if (picks(best, p)) left.delete(p.key);
	}
	return chosen;
}

/** What the card prints: under each question what a "yes" there adds, and what holds whatever the answers. */
export function cardParts(model: PlanModel): { general: CardQuestion; questions: CardQuestion[] } {
	const plans = allPlans(model);
	const order = model.questions.map((q) => q.id);
	const parts = new Map<string, { part: CardPart; keys: Set<string> }>();
	for (const plan of plans)
		for (const part of planParts(plan)) {
			const key = partKey(part);
			const found = parts.get(key) ?? { part, keys: new Set<string>() };
			found.keys.add(plan.key);
			parts.set(key, found);
		}

	const general: CardQuestion = { id: '', entries: [] };
	const questions: CardQuestion[] = order.map((id) => ({ id, entries: [] }));
	for (const { part, keys } of parts.values())
		for (const cube of conditions(model, plans, keys)) {
			// Under the last question whose "yes" it needs; with none, whatever the answers (its condition says when).
			const anchor = order.filter((q) => cube[q] === 'yes').at(-1);
			const entry: CardEntry = { part, condition: order.filter((q) => q !== anchor && cube[q]).map((q) => ({ question: q, answer: cube[q]! })) };
			(anchor ? questions.find((q) => q.id === anchor)! : general).entries.push(entry);
		}
	return { general, questions };
}

/** What a reader of the card takes from it for some answers: every part printed for a "yes" they gave or whatever the answers, whose condition holds. */
export function readCard(card: ReturnType<typeof cardParts>, answers: Record<string, 'yes' | 'no'>): Set<string> {
	const read = new Set<string>();
	for (const place of [card.general, ...card.questions]) {
		if (place.id && answers[place.id] !== 'yes') continue;
		for (const entry of place.entries)
			if (entry.condition.every((c) => answers[c.question] === c.answer)) read.add(partKey(entry.part));
	}
	return read;
}

export { partKey };
