/**
 * The risk model takes a guide's own routes and roles (routes.yaml, roles.yaml): a plan's route is
 * the first of the guide's routes that a rule that fires names, and a rule without `between` gets
 * the guide's default role; the plan reads which route goes through a partner, which kinds of tool
 * carry messages and which kinds of attention tools that carry other tools draw. On small models
 * with ids no guide has to have.
 */
import { describe, expect, test } from 'vitest';
import { checkPlans, resolvePlan, toPlanModel } from '../../src/plan/plan';
import { evaluate, toRiskModel } from '../../src/plan/risk';

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

	test('without routes and roles given, no plan has a route and a rule without "between" names no role', () => {
		const model = toRiskModel({ questions, rules: [rule('d', { route: 'direct' }), rule('p', { route: 'partner' })] });
		expect(evaluate(model, { far: 'no' }).route).toBeUndefined();
		expect(model.rules.map((r) => r.between)).toEqual([undefined, undefined]);
	});

	test('a plan whose route goes through a partner (throughPartner) says so; one on another route does not', () => {
		const rules = [rule('meet', { route: 'in-person', between: 'colleagues' }), rule('via', { route: 'via-host', between: 'colleagues', when: [{ question: ref('far'), answer: 'yes' }] })];
		const risk = toRiskModel({ questions, rules, routes: [ref('via-host'), ref('in-person')], roles: [{ id: 'colleagues', default: true }] });
		const model = toPlanModel(risk, { tools: [], scenarios: [], routes: [{ id: 'via-host', throughPartner: true }, { id: 'in-person' }] });
		expect(resolvePlan(model, { far: 'yes' })).toMatchObject({ route: 'via-host', throughPartner: true });
		expect(resolvePlan(model, { far: 'no' })).toMatchObject({ route: 'in-person', throughPartner: false });
	});

	test('a tool that carries other tools (carriesOtherTools) needs a tool of a kind that carries messages (carriesMessages) beside it', () => {
		const tools = [{ id: 'onion', drawsAttention: 'hidden-routes' }, { id: 'pigeon', kind: 'bird' }, { id: 'kite', kind: 'toy' }];
		const data = { tools, scenarios: [], 'tool-kinds': [{ id: 'bird', carriesMessages: true }, { id: 'toy' }], attention: [{ id: 'hidden-routes', carriesOtherTools: true }] };
		const plan = (useTools: string[]) =>
			checkPlans(toPlanModel(toRiskModel({ questions, rules: [{ ...rule('r', { route: 'in-person' }), useTools: useTools.map(ref) }], routes: [ref('in-person')], roles: [{ id: 'colleagues', default: true }] }), data)).filter((p) => p.source === 'rule "r"');
		expect(plan(['onion', 'kite']).map((p) => p.message)).toEqual(['prescribes onion but names no tool to talk over it (a tool of kind bird) that the plan does not avoid']);
		expect(plan(['onion', 'pigeon'])).toEqual([]);
		// Where no kind of attention carries other tools, nothing needs a tool beside it.
		expect(checkPlans(toPlanModel(toRiskModel({ questions, rules: [{ ...rule('r', { route: 'in-person' }), useTools: [ref('onion')] }], routes: [ref('in-person')], roles: [] }), { ...data, attention: [{ id: 'hidden-routes' }] })).filter((p) => p.source === 'rule "r"')).toEqual([]);
	});
});
