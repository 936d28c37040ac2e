import { describe, expect, test } from 'vitest';
import { answersKey, effectiveAnswer, evaluate, type RiskModel } from '../../src/plan/risk';

/** A rule that fires whatever the answers, and says to use nothing. */
const rule = (id: string, when: RiskModel['rules'][number]['when'] = []): RiskModel['rules'][number] => ({ id, when, useTools: [], practices: [], avoidTools: [], avoidChannels: [] });

describe('evaluate', () => {
	test('explains each fired rule with the answers that made it fire, and lists the questions answered "not sure"', () => {
		const model: RiskModel = {
			questions: [
				{ id: 'watched', saferAnswer: 'yes' },
				{ id: 'apps-risky', saferAnswer: 'yes' },
				{ id: 'dangerous', saferAnswer: 'yes' },
			],
			rules: [
				rule('open-channels', [{ question: 'watched', answer: 'yes' }]),
				rule('secure-apps', [
					{ question: 'apps-risky', answer: 'no' },
					{ question: 'dangerous', answer: 'no' },
				]),
				rule('basics'),
				rule('partner', [{ question: 'dangerous', answer: 'yes' }]),
			],
		};
		const outcome = evaluate(model, { watched: 'unsure', 'apps-risky': 'no', dangerous: 'no' });
		expect(outcome.fired.map((f) => f.rule)).toEqual(['open-channels', 'secure-apps', 'basics']);
		expect(outcome.fired.find((f) => f.rule === 'open-channels')?.reasons).toEqual([{ question: 'watched', given: 'unsure', readAs: 'yes' }]);
		expect(outcome.fired.find((f) => f.rule === 'secure-apps')?.reasons).toEqual([
			{ question: 'apps-risky', given: 'no', readAs: 'no' },
			{ question: 'dangerous', given: 'no', readAs: 'no' },
		]);
		expect(outcome.fired.find((f) => f.rule === 'basics')?.reasons).toEqual([]);
		expect(outcome.unsure).toEqual(['watched']);
	});

	test('fires a rule with "unless" only when not all of its exceptions hold, and gives the one that did not as a reason', () => {
		const rule: RiskModel['rules'][number] = {
			id: 'option',
			when: [{ question: 'c', answer: 'no' }],
			unless: [
				{ question: 'a', answer: 'no' },
				{ question: 'b', answer: 'no' },
			],
			useTools: [],
			practices: [],
			avoidTools: [],
			avoidChannels: [],
		};
		const small: RiskModel = { questions: ['a', 'b', 'c'].map((id) => ({ id, saferAnswer: 'yes' as const })), rules: [rule] };
		expect(evaluate(small, { a: 'no', b: 'no', c: 'no' }).fired).toEqual([]);
		expect(evaluate(small, { a: 'unsure', b: 'no', c: 'no' }).fired).toEqual([
			{
				rule: 'option',
				reasons: [
					{ question: 'c', given: 'no', readAs: 'no' },
					{ question: 'a', given: 'unsure', readAs: 'yes' },
				],
			},
		]);
		expect(evaluate(small, { a: 'yes', b: 'yes', c: 'yes' }).fired).toEqual([]);
		// Both exceptions fail: the first is reason enough.
		expect(evaluate(small, { a: 'yes', b: 'yes', c: 'no' }).fired[0]!.reasons).toEqual([
			{ question: 'c', given: 'no', readAs: 'no' },
			{ question: 'a', given: 'yes', readAs: 'yes' },
		]);
	});

	test('reads "not sure" and a missing answer as the safer answer', () => {
		const question = { id: 'q', saferAnswer: 'yes' as const };
		expect(effectiveAnswer(question, 'unsure')).toBe('yes');
		expect(effectiveAnswer(question, undefined)).toBe('yes');
		expect(effectiveAnswer(question, 'no')).toBe('no');
		const small: RiskModel = { questions: [{ id: 'a', saferAnswer: 'yes' }, { id: 'b', saferAnswer: 'no' }], rules: [] };
		expect(answersKey(small, { a: 'unsure' })).toBe('yes-no');
	});
});
