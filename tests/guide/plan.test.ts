/**
 * This guide's advice: the plans that content/data gives, against the source guide's table
 * written out by hand. These tests are about the guide in content/, not about the generator (whose
 * behaviour is tested on small models in tests/unit/): change them when the guide's advice
 * changes, with the source.
 */
import { describe, expect, test } from 'vitest';
import { allPlans, cover, resolvePlan, sharedParts, toPlanModel } from '../../src/plan/plan';
import { allAnswerCombinations, toRiskModel, type Answers } from '../../src/plan/risk';
import { siteData } from '../helpers/site';

const data = siteData();
const model = toPlanModel(toRiskModel(data), data);

/**
 * The source guide's assessment table and its two sequences, written out independently of
 * rules.yaml and scenarios.yaml ("not sure" counts as "yes" for every question):
 * 1. communication watched → avoid Facebook, email, phone, SMS, video calls without end-to-end encryption (the source's Skype, shut down in May 2025); meeting in person through a partner is an option;
 * 2. secure apps illegal or persecuted → every tool that draws attention as an encrypted app is avoided; if direct
 *    contact is not dangerous, WhatsApp as a partly secure alternative, and in person through a partner as an option;
 * 3. direct contact dangerous → through a partner, after checking questions 1 and 2 for the partner (asked then:
 *    its communication watched → the same channels avoided; secure apps risky where it works, asked only where they
 *    are not for the person): secure channels to it where secure apps put neither at risk, otherwise meetings in
 *    person or the partner's own channels; never WhatsApp
 *    (the source allows it only where direct contact is not dangerous); Tor and Tails on both sides only if direct
 *    digital contact cannot be avoided and they are not illegal or watched, with a channel over them that is not avoided
 *    (Proton Mail, so only where secure apps are not risky); otherwise no direct digital contact at all.
 * Otherwise, the secure tools directly.
 */
const ENCRYPTED_APPS = ['delta-chat', 'element', 'jitsi-meet', 'proton-mail', 'signal', 'veracrypt', 'wire'];
const OPEN_CHANNELS = ['facebook', 'ordinary-email', 'phone', 'sms', 'video-calls'];
function expected(answers: Answers) {
	const yes = (id: string) => answers[id] !== 'no';
	const [watched, appsRisky, dangerous, torRisky] = ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky'].map(yes) as [boolean, boolean, boolean, boolean];
	// Asked only on the partner route; the partner's apps only where the person's are not risky.
	const partnerWatched = dangerous && yes('partner-surveilled');
	const partnerAppsRisky = dangerous && !appsRisky && yes('partner-secure-apps-risky');
	const use: Record<string, string[]> = {};
	if (dangerous) use.partner = appsRisky || partnerAppsRisky ? ['channel:in-person', 'channel:partner-channels'] : ['proton-mail', 'signal', 'wire'];
	if (dangerous && !torRisky && !appsRisky) use['person-if-unavoidable'] = ['proton-mail', 'tails', 'tor-browser'];
	if (!dangerous) use.person = appsRisky ? ['whatsapp'] : ['jitsi-meet', 'proton-mail', 'signal', 'wire'];
	const steps = dangerous
		? ['partner-checks-risk', appsRisky ? 'partner-own-channel' : partnerAppsRisky ? 'partner-at-risk-channel' : 'secure-partner-channel', 'in-person-meeting', 'partner-relays', 'partner-gives-access', ...(torRisky || appsRisky ? [] : ['direct-over-tor']), 'delete-channels']
		: appsRisky
			? ['first-call-whatsapp', 'check-participants', 'ongoing-whatsapp', 'compare-safety-numbers', 'coach-devices', 'delete-channels']
			: ['first-meeting', 'protect-meeting-link', 'check-participants', 'ongoing-channel', 'compare-safety-numbers', 'coach-devices', 'delete-channels'];
	return {
		route: dangerous ? 'partner' : 'direct',
		scenario: dangerous ? 'via-partner' : 'direct-contact',
		use,
		avoidTools: [...(appsRisky ? ENCRYPTED_APPS : []), ...(torRisky ? ['tails', 'tor-browser'] : []), ...(dangerous ? ['whatsapp'] : [])].sort(),
		avoidChannels: [...(watched || partnerWatched ? OPEN_CHANNELS : []), ...(dangerous && (appsRisky || torRisky) ? ['direct-digital-contact'] : [])].sort(),
		options: !dangerous && (watched || appsRisky) ? ['meet-through-partner'] : [],
		steps,
	};
}

const combinations = [...allAnswerCombinations(model)];

describe('the questions', () => {
	test('are asked in the source’s order, each with yes, no and not sure, the partner’s only on its route: 297 combinations', () => {
		expect(model.questions.map((q) => q.id)).toEqual(['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'partner-surveilled', 'partner-secure-apps-risky', 'anonymity-tools-risky']);
		// Direct contact not dangerous: 3 × 3 × 3 (no partner question); dangerous or not sure (2): 3 × (3 × 3 × 3 + 2 × 3) × 3.
		expect(combinations).toHaveLength(27 + 2 * 3 * 15 * 3);
		expect(new Set(combinations.map((c) => JSON.stringify(c))).size).toBe(combinations.length);
		expect(combinations.filter((c) => c['direct-contact-dangerous'] === 'no').every((c) => !('partner-surveilled' in c) && !('partner-secure-apps-risky' in c))).toBe(true);
		expect(combinations.filter((c) => c['secure-apps-risky'] !== 'no').every((c) => !('partner-secure-apps-risky' in c))).toBe(true);
	});
});

describe('the plan for each combination', () => {
	test.each(combinations.map((answers) => [Object.values(answers).join(' / '), answers] as const))('follows the source table for %s', (_, answers) => {
		const plan = resolvePlan(model, answers);
		const use: Record<string, string[]> = {};
		for (const group of plan.use) use[group.between] = [...(use[group.between] ?? []), ...group.tools, ...group.channels.map((c) => `channel:${c}`)].sort();
		expect({
			route: plan.route,
			scenario: plan.scenario,
			use,
			avoidTools: [...plan.avoidTools].sort(),
			avoidChannels: [...plan.avoidChannels].sort(),
			options: plan.options.map((o) => o.rule),
			steps: plan.steps.map((s) => s.id),
		}).toEqual(expected(answers));
		// One consistent plan: nothing avoided is used, needed or offered in a step, and there is always something to use.
		expect(plan.useTools.length + plan.useChannels.length).toBeGreaterThan(0);
		for (const step of plan.steps) for (const tool of [...step.tools, ...step.needs, ...step.fallback]) expect(plan.avoidTools).not.toContain(tool);
		expect(plan.useTools.filter((t) => plan.avoidTools.includes(t))).toEqual([]);
		expect(plan.useChannels.filter((c) => plan.avoidChannels.includes(c))).toEqual([]);
		// Never WhatsApp when contact with you is dangerous; never Tor without a channel over it that is not avoided.
		if (plan.answers['direct-contact-dangerous'] === 'yes') expect(plan.useTools).not.toContain('whatsapp');
		for (const group of plan.use.filter((g) => g.tools.includes('tor-browser'))) expect(group.tools.filter((t) => !['tails', 'tor-browser'].includes(t) && !plan.avoidTools.includes(t)).length).toBeGreaterThan(0);
		// Everyone gets the basic practices, whatever the answers.
		expect(plan.practices.flatMap((p) => p.practices)).toEqual(expect.arrayContaining(['check-links-and-attachments', 'multi-factor-authentication', 'passwords', 'updates']));
	});

	test('resolves one plan for each of the 32 combinations of yes and no a reader can reach', () => {
		const plans = allPlans(model);
		// Not dangerous: 2 × 2 × 2; dangerous: 2 × (2 × 2 + 1 × 2) × 2.
		expect(plans).toHaveLength(32);
		expect(new Set(plans.map((p) => p.key)).size).toBe(32);
	});
});

describe('the parts the plans share', () => {
	const plans = allPlans(model);

	test('renders each list of steps once, picked by the answers its plans share and only by those', () => {
		const lists = sharedParts(model, plans, (p) => [p.steps.map((s) => s.id)], (ids) => ids.join());
		// Direct contact: one list where secure apps are risky, one where not; through a partner: one where secure apps are
		// risky (no Tor step: nothing to use over it), and where not, by the partner's answer on secure apps (which is asked
		// only then, so it alone picks), with or without the Tor step.
		expect(lists.map((l) => l.cubes)).toEqual(
			expect.arrayContaining([
				[{ 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'no' }],
				[{ 'secure-apps-risky': 'no', 'direct-contact-dangerous': 'no' }],
				[{ 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'yes' }],
				[{ 'partner-secure-apps-risky': 'no', 'anonymity-tools-risky': 'yes' }],
				[{ 'partner-secure-apps-risky': 'no', 'anonymity-tools-risky': 'no' }],
				[{ 'partner-secure-apps-risky': 'yes', 'anonymity-tools-risky': 'yes' }],
				[{ 'partner-secure-apps-risky': 'yes', 'anonymity-tools-risky': 'no' }],
			]),
		);
		expect(lists).toHaveLength(7);
	});

	test('covers the plans that hold a part with cubes that pick those plans and no others, never twice', () => {
		// Options are offered where direct contact is not dangerous and communication is watched or secure apps are risky.
		const [options] = sharedParts(model, plans, (p) => p.options.map((o) => o.rule), (id) => id);
		expect(options!.keys).toHaveLength(6);
		for (const plan of plans) {
			const picking = options!.cubes.filter((cube) => Object.entries(cube).every(([q, a]) => plan.answers[q] === a));
			expect(picking.length).toBe(options!.keys.includes(plan.key) ? 1 : 0);
		}
		expect(cover(model, plans, new Set(plans.map((p) => p.key)))).toEqual([{}]);
	});
});
