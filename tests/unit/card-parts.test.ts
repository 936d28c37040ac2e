/**
 * The quick card prints the plan as lines under each question (src/lib/card-parts.ts). Read the
 * way the card tells its reader to read it (everything under each "yes" they gave and under
 * "whatever the answers", except lines whose "only if" does not match), it must give exactly the
 * plan the risk check gives for those answers: for every combination, nothing more, nothing less.
 */
import { describe, expect, test } from 'vitest';
import { cardParts, conditions, partKey, planParts, readCard } from '../../src/lib/card-parts';
import { allPlans, resolvePlan, toPlanModel } from '../../src/lib/plan';
import { allAnswerCombinations, toRiskModel } from '../../src/lib/risk';
import { siteData } from '../helpers/site';

const data = siteData();
const model = toPlanModel(toRiskModel(data), data);
const card = cardParts(model);
const combinations = [...allAnswerCombinations(model, ['yes', 'no'])] as Record<string, 'yes' | 'no'>[];

describe('the quick card, read for some answers', () => {
	test('gives exactly the plan for those answers, for every combination', () => {
		expect(combinations).toHaveLength(allPlans(model).length);
		for (const answers of combinations) {
			const plan = new Set(planParts(resolvePlan(model, answers)).map(partKey));
			expect([...readCard(card, answers)].sort(), JSON.stringify(answers)).toEqual([...plan].sort());
		}
	});

	test('prints a line that depends on other answers with them: WhatsApp with the person only when contact is not dangerous', () => {
		const secureApps = card.questions.find((q) => q.id === 'secure-apps-risky')!;
		const whatsapp = secureApps.entries.find((e) => e.part.kind === 'use' && e.part.between === 'person' && e.part.tools.includes('whatsapp'));
		expect(whatsapp?.condition).toEqual([{ question: 'direct-contact-dangerous', answer: 'no' }]);
		// Both "yes": no line tells the reader to contact the person directly over WhatsApp.
		const read = readCard(card, { surveilled: 'no', 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'yes', 'anonymity-tools-risky': 'no' });
		expect(read.has('rule:whatsapp-fallback')).toBe(false);
		expect(read.has('rule:partner-first')).toBe(true);
		// Nor with the partner: WhatsApp is on the Avoid list, and no line says to use it.
		expect(read.has('avoid:whatsapp:')).toBe(true);
		expect([...read].filter((k) => k.startsWith('use:') && k.includes('whatsapp'))).toEqual([]);
	});

	test('prints each line under the last question whose "yes" it needs, and once per way it comes about', () => {
		const where = (key: string) => [card.general, ...card.questions].flatMap((q) => q.entries.filter((e) => partKey(e.part) === key).map((e) => q.id || 'any'));
		// With the partner where secure apps are risky for the person or the partner: meetings in person or its own channels
		// (under question 3, the last "yes" it needs, and under the partner's question on secure apps);
		// no direct digital contact where contact is dangerous and secure apps or Tor are risky (under 3, and under 4).
		expect(where('rule:partner-own-channels')).toEqual(['direct-contact-dangerous', 'partner-secure-apps-risky']);
		expect(where('avoid::direct-digital-contact')).toEqual(['direct-contact-dangerous', 'anonymity-tools-risky']);
		expect(where('rule:meet-through-partner')).toEqual(['surveilled', 'secure-apps-risky']);
		expect(where('rule:secure-apps')).toEqual(['any']);
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
