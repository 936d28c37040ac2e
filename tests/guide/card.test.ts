/**
 * This guide's advice on its quick card: where the card prints the lines whose advice depends on
 * other answers. How the card is made, on any model, is tested in tests/unit/card-parts.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { cardParts, partKey, readCard } from '../../src/plan/card-parts';
import { toPlanModel } from '../../src/plan/plan';
import { toRiskModel } from '../../src/plan/risk';
import { siteData } from '../helpers/site';

const data = siteData();
const card = cardParts(toPlanModel(toRiskModel(data), data));

describe('the quick card of this guide', () => {
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
