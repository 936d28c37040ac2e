/**
 * The quick card prints the plan as lines under each question (src/plan/card-parts.ts). Read the
 * way the card tells its reader to read it (everything under each "yes" they gave and under
 * "whatever the answers", except lines whose "only if" does not match), it must give exactly the
 * plan the risk check gives for those answers: for every combination, nothing more, nothing less.
 */
import { describe, expect, test } from 'vitest';
import { cardParts, conditions, partKey, planParts, readCard } from '../../src/plan/card-parts';
import { allPlans, resolvePlan, toPlanModel } from '../../src/plan/plan';
import { allAnswerCombinations, toRiskModel } from '../../src/plan/risk';
import { fixtureData } from '../helpers/fixture';
import { siteData } from '../helpers/site';

const data = siteData();
const model = toPlanModel(toRiskModel(data), data);

/** The second guide's model (tests/fixtures/newsroom/): three questions, one asked only after a "yes". */
const fixture = fixtureData();
const fixtureModel = toPlanModel(toRiskModel(fixture), fixture);

describe('the quick card, read for some answers', () => {
	test.each([
		['this guide', model],
		['the second guide', fixtureModel],
	])('gives exactly the plan for those answers, for every combination (%s)', (_, model) => {
		const card = cardParts(model);
		const combinations = [...allAnswerCombinations(model, ['yes', 'no'])] as Record<string, 'yes' | 'no'>[];
		expect(combinations).toHaveLength(allPlans(model).length);
		for (const answers of combinations) {
			const plan = new Set(planParts(resolvePlan(model, answers)).map(partKey));
			expect([...readCard(card, answers)].sort(), JSON.stringify(answers)).toEqual([...plan].sort());
		}
	});
});

describe('conditions', () => {
	const plans = allPlans(model);
	const keysWhere = (test: (a: Record<string, 'yes' | 'no'>) => boolean) => new Set(plans.filter((p) => test(p.answers)).map((p) => p.key));

	test('are as wide as they can be, and may overlap', () => {
		const keys = keysWhere((a) => a['direct-contact-dangerous'] === 'no' && (a.surveilled === 'yes' || a['secure-apps-risky'] === 'yes'));
		const found = conditions(model, plans, keys);
		expect(found).toHaveLength(2);
		expect(found).toEqual(
			expect.arrayContaining([
				{ surveilled: 'yes', 'direct-contact-dangerous': 'no' },
				{ 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'no' },
			]),
		);
	});

	test('are empty for a part of every plan', () => {
		expect(conditions(model, plans, new Set(plans.map((p) => p.key)))).toEqual([{}]);
	});
});
