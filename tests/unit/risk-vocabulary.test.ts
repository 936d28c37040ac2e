/**
 * The risk model takes a guide's own routes and roles (routes.yaml, roles.yaml): a plan's route is
 * the first of the guide's routes that a rule that fires names, and a rule without `between` gets
 * the guide's default role. On small models with ids no guide has to have.
 */
import { describe, expect, test } from 'vitest';
import { evaluate, toRiskModel } from '../../src/lib/risk';

const ref = (id: string) => ({ id });
const rule = (id: string, extra: { route?: string; between?: string; when?: { question: { id: string }; answer: 'yes' | 'no' }[] } = {}) => ({
	id,
	when: extra.when ?? [],
	useTools: [],
	practices: [],
	avoidTools: [],
	avoidChannels: [],
	...(extra.route ? { route: extra.route as 'direct' } : {}),
	...(extra.between ? { between: extra.between as 'person' } : {}),
});
const questions = [{ id: 'far', saferAnswer: 'yes' as const }];

describe('the guide’s routes and roles in the risk model', () => {
	test('a plan takes the first of the guide’s routes, in their order, that a rule that fires names', () => {
		const rules = [rule('meet', { route: 'in-person' }), rule('post', { route: 'by-post', when: [{ question: ref('far'), answer: 'yes' }] })];
		const preferPost = toRiskModel({ questions, rules, routes: [ref('by-post'), ref('in-person')], roles: [] });
		expect(evaluate(preferPost, { far: 'yes' }).route).toBe('by-post');
		expect(evaluate(preferPost, { far: 'no' }).route).toBe('in-person');
		const preferMeeting = toRiskModel({ questions, rules, routes: [ref('in-person'), ref('by-post')], roles: [] });
		expect(evaluate(preferMeeting, { far: 'yes' }).route).toBe('in-person');
	});

	test('a rule without "between" gets the role marked default; one with it keeps its own', () => {
		const model = toRiskModel({ questions, rules: [rule('a'), rule('b', { between: 'colleagues' })], routes: [], roles: [ref('colleagues'), { id: 'client', default: true }] });
		expect(model.rules.map((r) => r.between)).toEqual(['client', 'colleagues']);
	});

	test('without routes and roles given, the model keeps its earlier names: partner before direct, and the role "person"', () => {
		const model = toRiskModel({ questions, rules: [rule('d', { route: 'direct' }), rule('p', { route: 'partner' })] });
		expect(evaluate(model, { far: 'no' }).route).toBe('partner');
		expect(model.rules.map((r) => r.between)).toEqual(['person', 'person']);
	});
});
