/**
 * Questions asked only after an answer (askIf), on small models: which questions a reader is
 * asked, what a question not asked counts as, the combinations a reader can reach, the plans and
 * the steps for them, and the content check's refusals.
 */
import { describe, expect, test } from 'vitest';
import { checkAskIf } from '../../src/check/check-content';
import { allPlans, checkPlans, pageTextFor, resolvePlan, type PlanModel } from '../../src/plan/plan';
import { allAnswerCombinations, answersKey, askedWhen, effectiveAnswers, evaluate, type RiskModel } from '../../src/plan/risk';
import { checkSequences, stepApplies } from '../../src/plan/scenario';

type Questions = RiskModel['questions'];
const ask = (question: string, answer: 'yes' | 'no') => ({ question, answer });

/** Three questions: "b" is asked only after a = yes, "c" only after b = no (so after a = yes too). */
const chain: Questions = [
	{ id: 'a', saferAnswer: 'yes' },
	{ id: 'b', saferAnswer: 'yes', askIf: [ask('a', 'yes')] },
	{ id: 'c', saferAnswer: 'no', askIf: [ask('b', 'no')] },
];

const rule = (id: string, over: Partial<RiskModel['rules'][number]> = {}): RiskModel['rules'][number] => ({
	id,
	when: [],
	useTools: [],
	practices: [],
	avoidTools: [],
	avoidChannels: [],
	...over,
});

describe('effectiveAnswers', () => {
	test('a question whose askIf does not hold has no answer, whatever was left in it', () => {
		expect(effectiveAnswers(chain, { a: 'no', b: 'no', c: 'yes' })).toEqual({ a: 'no', b: undefined, c: undefined });
		expect(effectiveAnswers(chain, { a: 'yes', b: 'yes', c: 'yes' })).toEqual({ a: 'yes', b: 'yes', c: undefined });
		expect(effectiveAnswers(chain, { a: 'yes', b: 'no', c: 'yes' })).toEqual({ a: 'yes', b: 'no', c: 'yes' });
	});

	test('a question that is asked reads "not sure" and no answer as its safer answer; its askIf sees that reading', () => {
		expect(effectiveAnswers(chain, { a: 'unsure' })).toEqual({ a: 'yes', b: 'yes', c: undefined });
		expect(effectiveAnswers(chain, { a: 'unsure', b: 'no', c: 'unsure' })).toEqual({ a: 'yes', b: 'no', c: 'no' });
	});
});

describe('askedWhen', () => {
	test('gathers the answers a question waits for through the questions it names', () => {
		expect(askedWhen(chain, 'a')).toEqual([]);
		expect(askedWhen(chain, 'c')).toEqual([ask('a', 'yes'), ask('b', 'no')]);
	});

	test('is undefined for a question never asked: contradicting answers, or a question not listed before it', () => {
		const contradiction: Questions = [...chain, { id: 'd', saferAnswer: 'yes', askIf: [ask('c', 'yes'), ask('a', 'no')] }];
		expect(askedWhen(contradiction, 'd')).toBeUndefined();
		const later: Questions = [{ id: 'x', saferAnswer: 'yes', askIf: [ask('y', 'yes')] }, { id: 'y', saferAnswer: 'yes' }];
		expect(askedWhen(later, 'x')).toBeUndefined();
		expect(effectiveAnswers(later, { x: 'yes', y: 'yes' }).x).toBeUndefined();
	});
});

describe('allAnswerCombinations', () => {
	test('enumerates exactly what a reader can reach: a question not asked has no answer, and is never "not sure"', () => {
		const reached = [...allAnswerCombinations({ questions: chain }, ['yes', 'no'])];
		expect(reached).toEqual([{ a: 'yes', b: 'yes' }, { a: 'yes', b: 'no', c: 'yes' }, { a: 'yes', b: 'no', c: 'no' }, { a: 'no' }]);
		// With "not sure": a=no (1) + a=yes|unsure × (b=yes|unsure (2) + b=no × c (3)) = 1 + 2 × 5.
		const all = [...allAnswerCombinations({ questions: chain })];
		expect(all).toHaveLength(11);
		expect(all.filter((c) => c.a === 'no').every((c) => !('b' in c) && !('c' in c))).toBe(true);
	});

	test('without askIf, every combination of every question', () => {
		const plain: Questions = ['p', 'q', 'r'].map((id) => ({ id, saferAnswer: 'yes' as const }));
		expect([...allAnswerCombinations({ questions: plain })]).toHaveLength(27);
	});
});

describe('rules, steps and plans with a question not asked', () => {
	const model: PlanModel = {
		routes: ['partner', 'direct'],
		questions: chain,
		rules: [
			rule('direct', { route: 'direct', when: [ask('a', 'no')], useTools: ['t1'], scenario: 's' }),
			rule('partner', { route: 'partner', when: [ask('a', 'yes')], useTools: ['t2'], scenario: 's' }),
			rule('on-b-no', { when: [ask('b', 'no')], avoidChannels: ['ch'] }),
			rule('unless-c', { when: [ask('a', 'yes')], unless: [ask('c', 'yes')], useTools: ['t3'] }),
		],
		tools: [{ id: 't1' }, { id: 't2' }, { id: 't3' }],
		scenarios: [{ id: 's', route: 'direct', steps: [{ id: 'only-c-no', kind: 'action', when: [ask('c', 'no')], tools: [], needs: [], fallback: [], practices: [] }, { id: 'end', kind: 'cleanup', when: [], tools: [], needs: [], fallback: [], practices: [] }] }],
	};

	test('a condition on a question not asked does not hold, and an "unless" naming it fails', () => {
		const outcome = evaluate(model, { a: 'no', b: 'no', c: 'yes' });
		expect(outcome.fired.map((f) => f.rule)).toEqual(['direct']);
		expect(outcome.unsure).toEqual([]);
		// b = yes: c is not asked, so "unless c = yes" cannot hold, and the rule fires, with no reason about c.
		const unless = evaluate(model, { a: 'yes', b: 'yes' }).fired.find((f) => f.rule === 'unless-c')!;
		expect(unless.reasons).toEqual([{ question: 'a', given: 'yes', readAs: 'yes' }]);
		expect(evaluate(model, { a: 'yes', b: 'no', c: 'yes' }).fired.map((f) => f.rule)).not.toContain('unless-c');
	});

	test('a question asked and left without an answer is "not sure"; one not asked is not', () => {
		expect(evaluate(model, { a: 'yes' }).unsure).toEqual(['b']);
		expect(evaluate(model, { a: 'no' }).unsure).toEqual([]);
	});

	test('a step waiting for an answer to a question not asked does not apply', () => {
		const step = model.scenarios[0]!.steps[0]!;
		expect(stepApplies(step, chain, { a: 'no', c: 'no' })).toBe(false);
		expect(stepApplies(step, chain, { a: 'yes', b: 'no', c: 'no' })).toBe(true);
	});

	test('one plan per reachable combination, its answers without the questions not asked, and a key that says so', () => {
		const plans = allPlans(model);
		expect(plans.map((p) => p.key)).toEqual(['yes-yes-unasked', 'yes-no-yes', 'yes-no-no', 'no-unasked-unasked']);
		expect(plans[3]!.answers).toEqual({ a: 'no' });
		expect(answersKey(model, { a: 'no', b: 'yes', c: 'yes' })).toBe('no-unasked-unasked');
		expect(resolvePlan(model, { a: 'yes', b: 'no', c: 'no' }).steps.map((s) => s.id)).toEqual(['only-c-no', 'end']);
	});

	test('the plan check reads only reachable answers, and names them without the questions not asked', () => {
		const broken: PlanModel = { ...model, rules: [...model.rules, rule('avoid-t3', { when: [ask('c', 'no')], avoidTools: ['t3'] })] };
		const problems = checkPlans(broken);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ source: 'rule "unless-c"', answers: 'a=yes, b=no, c=no' });
		// A rule on an answer that cannot be reached (c asked only after a = yes) never fires, so nothing clashes.
		const unreachable: PlanModel = { ...model, rules: [...model.rules, rule('never', { when: [ask('a', 'no'), ask('c', 'no')], avoidTools: ['t1'] })] };
		expect(checkPlans(unreachable)).toEqual([]);
	});

	test('a scenario is checked on reachable answers only', () => {
		const sequence = { id: 's', route: 'direct' as const, steps: [{ id: 'x', kind: 'action' as const, when: [ask('b', 'yes')] }, { id: 'y', kind: 'action' as const, when: [ask('b', 'no')] }, { id: 'end', kind: 'cleanup' as const, when: [] }] };
		expect(checkSequences([sequence], chain)).toEqual([]);
	});

	test('a passage of a page marked for an answer to a question not asked is left out', () => {
		const text = 'A {/* only-where: c=no */}secret{/* end only-where */} B';
		expect(pageTextFor(text, { a: 'no' }, ['a', 'b', 'c'])).toEqual({ text: 'A  B', invalid: [] });
		expect(pageTextFor(text, { a: 'yes', b: 'no', c: 'no' }, ['a', 'b', 'c']).text).toContain('secret');
	});
});

describe('checkAskIf', () => {
	const q = (id: string, ...askIf: { question: string; answer: 'yes' | 'no' }[]) => ({ id, askIf: askIf.map((c) => ({ question: { id: c.question }, answer: c.answer })) });

	test('accepts conditions on questions listed before', () => {
		expect(checkAskIf([q('a'), q('b', ask('a', 'yes')), q('c', ask('b', 'no'))])).toEqual([]);
	});

	test('refuses a condition on a later question or on itself, naming the entry, the field and the fix', () => {
		const problems = checkAskIf([q('a', ask('b', 'yes')), q('b'), q('c', ask('c', 'no'))]);
		expect(problems).toEqual([
			{
				file: 'content/data/questions.yaml',
				field: 'entry 1 (id "a") → askIf[0].question',
				message: '"askIf" names question "b", which is not listed before "a": a question can wait only for answers given before it',
				fix: 'move question "a" below "b" in content/data/questions.yaml, or remove this condition.',
			},
			expect.objectContaining({ field: 'entry 3 (id "c") → askIf[0].question', message: 'question "c" is asked only after an answer to itself' }),
		]);
	});

	test('refuses a question that is never asked', () => {
		const problems = checkAskIf([q('a'), q('b', ask('a', 'yes')), q('c', ask('b', 'no'), ask('a', 'no'))]);
		expect(problems).toEqual([expect.objectContaining({ field: 'entry 3 (id "c") → askIf', message: expect.stringContaining('question "c" is never asked') })]);
	});
});
