import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/check-content';
import { allPlans, checkPlans, cover, namePattern, resolvePlan, sharedParts, toPlanModel, type PlanModel, type PlanTexts } from '../../src/lib/plan';
import { allAnswerCombinations, toRiskModel, type Answers } from '../../src/lib/risk';
import { parseYaml } from '../../src/lib/sources';
import { copyProject, ROOT } from '../helpers/project';
import { siteData } from '../helpers/site';

const data = siteData();
const model = toPlanModel(toRiskModel(data), data);
const toolNames = new Map(data.tools.map((t) => [t.id, [t.name, ...t.otherNames]]));
const situations = data.situations.map((s) => ({
	id: s.id,
	when: s.when.map((c) => ({ question: c.question.id, answer: c.answer })),
	expect: { ...(s.expect.route ? { route: s.expect.route } : {}), use: s.expect.use.map((r) => r.id), avoid: s.expect.avoid.map((r) => r.id), avoidChannels: s.expect.avoidChannels.map((r) => r.id), offers: s.expect.offers.map((r) => r.id) },
}));
const textsOf = (lang: string, override: Record<string, string> = {}): PlanTexts => {
	const map = { ...(parseYaml(readFileSync(join(ROOT, `content/text/${lang}.yaml`), 'utf8'), lang) as Record<string, string>), ...override };
	return { lang, text: (key) => map[key] };
};
const texts = data.languages.map((l) => textsOf(l.id));

/**
 * The source guide's assessment table and its two sequences, written out independently of
 * rules.yaml and scenarios.yaml ("not sure" counts as "yes" for every question):
 * 1. communication watched → avoid Facebook, email, phone, SMS, video calls without end-to-end encryption (the source's Skype, shut down in May 2025); meeting in person through a partner is an option;
 * 2. secure apps illegal or persecuted → every tool that draws attention as an encrypted app is avoided; if direct
 *    contact is not dangerous, WhatsApp as a partly secure alternative, and in person through a partner as an option;
 * 3. direct contact dangerous → through a partner, with secure channels to it first (WhatsApp where secure apps are risky);
 *    Tor and Tails on both sides only if direct digital contact cannot be avoided and they are not illegal or watched.
 * Otherwise, the secure tools directly.
 */
const ENCRYPTED_APPS = ['delta-chat', 'element', 'jitsi-meet', 'proton-mail', 'signal', 'veracrypt', 'wire'];
const OPEN_CHANNELS = ['facebook', 'ordinary-email', 'phone', 'sms', 'video-calls'];
function expected(answers: Answers) {
	const yes = (id: string) => answers[id] !== 'no';
	const [watched, appsRisky, dangerous, torRisky] = ['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky'].map(yes) as [boolean, boolean, boolean, boolean];
	const use: Record<string, string[]> = {};
	if (dangerous) use.partner = appsRisky ? ['whatsapp'] : ['proton-mail', 'signal', 'wire'];
	if (dangerous && !torRisky) use['person-if-unavoidable'] = ['tails', 'tor-browser'];
	if (!dangerous) use.person = appsRisky ? ['whatsapp'] : ['jitsi-meet', 'proton-mail', 'signal', 'wire'];
	const steps = dangerous
		? [appsRisky ? 'partner-channel-whatsapp' : 'secure-partner-channel', 'partner-checks-risk', 'in-person-meeting', 'partner-relays', 'partner-gives-access', ...(torRisky ? [] : ['direct-over-tor']), 'delete-channels']
		: appsRisky
			? ['first-call-whatsapp', 'check-participants', 'ongoing-whatsapp', 'compare-safety-numbers', 'coach-devices', 'delete-channels']
			: ['first-meeting', 'protect-meeting-link', 'check-participants', 'ongoing-channel', 'compare-safety-numbers', 'coach-devices', 'delete-channels'];
	return {
		route: dangerous ? 'partner' : 'direct',
		scenario: dangerous ? 'via-partner' : 'direct-contact',
		use,
		avoidTools: [...(appsRisky ? ENCRYPTED_APPS : []), ...(torRisky ? ['tails', 'tor-browser'] : [])].sort(),
		avoidChannels: watched ? OPEN_CHANNELS : [],
		options: !dangerous && (watched || appsRisky) ? ['meet-through-partner'] : [],
		steps,
	};
}

const combinations = [...allAnswerCombinations(model)];

describe('resolvePlan', () => {
	test.each(combinations.map((answers) => [Object.values(answers).join(' / '), answers] as const))('follows the source table for %s', (_, answers) => {
		const plan = resolvePlan(model, answers);
		const use: Record<string, string[]> = {};
		for (const group of plan.use) use[group.between] = [...(use[group.between] ?? []), ...group.tools].sort();
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
		expect(plan.useTools.length).toBeGreaterThan(0);
		for (const step of plan.steps) for (const tool of [...step.tools, ...step.needs, ...step.fallback]) expect(plan.avoidTools).not.toContain(tool);
		expect(plan.useTools.filter((t) => plan.avoidTools.includes(t))).toEqual([]);
		// Everyone gets the basic practices, whatever the answers.
		expect(plan.practices.flatMap((p) => p.practices)).toEqual(expect.arrayContaining(['check-links-and-attachments', 'multi-factor-authentication', 'passwords', 'updates']));
	});

	test('takes avoided tools out of a step’s tool list, and keeps the rest', () => {
		const plan = resolvePlan(model, { surveilled: 'no', 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'no', 'anonymity-tools-risky': 'no' });
		expect(plan.steps.find((s) => s.id === 'compare-safety-numbers')!.tools).toEqual(['whatsapp']);
	});

	test('gives each avoided group its reason: the question that makes the tools suspect, or the rule', () => {
		const plan = resolvePlan(model, { surveilled: 'unsure', 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'no', 'anonymity-tools-risky': 'yes' });
		expect(plan.avoid.map((g) => [g.suspicion ?? g.rule, g.reasons])).toEqual([
			['encrypted-apps', [{ question: 'secure-apps-risky', given: 'yes', readAs: 'yes' }]],
			['anonymity-tools', [{ question: 'anonymity-tools-risky', given: 'yes', readAs: 'yes' }]],
			['avoid-open-channels', [{ question: 'surveilled', given: 'unsure', readAs: 'yes' }]],
		]);
		expect(plan.headline).toBe('whatsapp-fallback');
		expect(plan.key).toBe('yes-yes-no-yes');
	});

	test('resolves one plan for each of the 16 combinations of yes and no', () => {
		const plans = allPlans(model);
		expect(plans).toHaveLength(16);
		expect(new Set(plans.map((p) => p.key)).size).toBe(16);
	});
});

describe('sharedParts', () => {
	const plans = allPlans(model);

	test('renders each list of steps once, picked by the answers its plans share and only by those', () => {
		const lists = sharedParts(model, plans, (p) => [p.steps.map((s) => s.id)], (ids) => ids.join());
		// Direct contact: one list where secure apps are risky, one where not; through a partner: the same, with or without the Tor step.
		expect(lists.map((l) => l.cubes)).toEqual(
			expect.arrayContaining([
				[{ 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'no' }],
				[{ 'secure-apps-risky': 'no', 'direct-contact-dangerous': 'no' }],
				[{ 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'yes', 'anonymity-tools-risky': 'yes' }],
				[{ 'secure-apps-risky': 'no', 'direct-contact-dangerous': 'yes', 'anonymity-tools-risky': 'no' }],
			]),
		);
		expect(lists).toHaveLength(6);
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

describe('checkPlans', () => {
	test('finds no problem in the shipped model, its texts in every language and the source’s situations', () => {
		expect(texts.map((t) => t.lang)).toEqual(['en', 'es', 'fr', 'ar']);
		expect(checkPlans(model, { situations, toolNames, texts })).toEqual([]);
	});

	const withRule = (id: string, change: (rule: PlanModel['rules'][number]) => PlanModel['rules'][number]): PlanModel => ({ ...model, rules: model.rules.map((r) => (r.id === id ? change(r) : r)) });
	const withStep = (scenario: string, step: string, change: (s: PlanModel['scenarios'][number]['steps'][number]) => PlanModel['scenarios'][number]['steps'][number]): PlanModel => ({
		...model,
		scenarios: model.scenarios.map((s) => (s.id === scenario ? { ...s, steps: s.steps.map((st) => (st.id === step ? change(st) : st)) } : s)),
	});

	test('errors when a rule recommends a tool that the same plan avoids', () => {
		const problems = checkPlans(withRule('partner-secure-channels', (r) => ({ ...r, when: r.when.filter((c) => c.question !== 'secure-apps-risky') })));
		expect(problems[0]).toEqual({
			answers: 'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, anonymity-tools-risky=yes',
			source: 'rule "partner-secure-channels"',
			message: 'recommends tool "signal", which the same plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
			fix: 'add a condition ("when") to rule "partner-secure-channels" so that it does not fire for these answers; or recommend another tool. Start with the rule you changed last.',
		});
	});

	test('names both rules when one recommends what another avoids, either may be the one to narrow', () => {
		const avoidOnWatch = { ...model.rules.find((r) => r.id === 'avoid-open-channels')!, id: 'avoid-signal-when-watched', avoidTools: ['signal'], avoidChannels: [], practices: [] };
		const problems = checkPlans({ ...model, rules: [...model.rules, avoidOnWatch] });
		const secureApps = problems.find((p) => p.source === 'rule "secure-apps"')!;
		expect(secureApps.message).toBe('recommends tool "signal", which the same plan says to avoid (rule "avoid-signal-when-watched" says to avoid it)');
		expect(secureApps.fix).toBe('add a condition ("when") to rule "secure-apps" so that it does not fire for these answers, or to rule "avoid-signal-when-watched" if it is the one that should not fire; or recommend another tool. Start with the rule you changed last.');
	});

	test('reports a text that names an avoided tool once, with every language file where it does', () => {
		const problems = checkPlans(withStep('via-partner', 'secure-partner-channel', (s) => ({ ...s, when: [] })), {
			toolNames: new Map([['signal', ['Signal']]]),
			texts: ['en', 'fr'].map((lang) => ({ lang, text: (key: string) => (key === 'step.via-partner.secure-partner-channel' ? 'Use Signal.' : undefined) })),
		});
		const texts = problems.filter((p) => p.message.startsWith('the text'));
		expect(texts.map((p) => p.message)).toEqual([
			'the text "step.via-partner.secure-partner-channel" in content/text/en.yaml, content/text/fr.yaml names Signal, which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
		]);
	});

	test('errors when a step the plan shows needs an avoided tool, or would lose all its tools', () => {
		const problems = checkPlans(withStep('via-partner', 'secure-partner-channel', (s) => ({ ...s, when: [] })));
		expect(problems.map((p) => `${p.answers}: ${p.source}: ${p.message}`)).toEqual([
			'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, anonymity-tools-risky=yes: scenario "via-partner" → step "secure-partner-channel": says the other person needs tool "signal", which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
			'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, anonymity-tools-risky=yes: scenario "via-partner" → step "secure-partner-channel": says the other person needs tool "proton-mail", which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
			"surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, anonymity-tools-risky=yes: scenario \"via-partner\" → step \"secure-partner-channel\": every tool of the step (signal, wire, proton-mail) is on the plan's Avoid list, so the step would be shown without them",
		]);
	});

	test('errors when the text of a step the plan shows names an avoided tool, in any language', () => {
		const arabic = textsOf('ar', { 'step.direct-contact.compare-safety-numbers': 'قارنا أرقام الأمان في Signal أو WhatsApp.' });
		const problems = checkPlans(model, { toolNames, texts: [arabic] });
		expect(problems).toEqual([
			{
				answers: 'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=no, anonymity-tools-risky=yes',
				source: 'scenario "direct-contact" → step "compare-safety-numbers"',
				message: 'the text "step.direct-contact.compare-safety-numbers" in content/text/ar.yaml names Signal, which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
				fix: 'reword "step.direct-contact.compare-safety-numbers" in every language so that it names no tool the plan avoids, or give the step a "when" so that it is not shown for these answers.',
			},
		]);
	});

	test('errors when a plan no longer meets a situation of the source, or recommends nothing', () => {
		const broken: PlanModel = { ...model, rules: model.rules.filter((r) => r.id !== 'whatsapp-fallback') };
		const messages = checkPlans(broken, { situations }).map((p) => `${p.source}: ${p.message}`);
		expect(messages).toContain('rules: the Use list is empty: the plan recommends no tool');
		expect(messages).toContain('situation "whatsapp-alternative": tool "whatsapp" is not on the Use list');
		expect(messages).toContain('situation "whatsapp-alternative": the route is "undefined", but the source\'s situation calls for "direct"');
	});

	test('finds a tool’s name as a word, next to Arabic letters too, and not inside another word', () => {
		const torBrowser = namePattern(['Tor Browser', 'Tor']);
		expect(torBrowser.test('استخدم Tor Browser')).toBe(true);
		expect(torBrowser.test('وTor')).toBe(true);
		expect(torBrowser.test('a Torx, the editor')).toBe(false);
		expect(namePattern(['Wire']).test('Wireless networks')).toBe(false);
		// A name in Arabic script: a word of its own, or with a joined prefix, never inside another word.
		const tor = namePattern(['تور']);
		expect(tor.test('استخدم تور الآن')).toBe(true);
		expect(tor.test('وتور')).toBe(true);
		expect(tor.test('الدستور')).toBe(false);
	});
});

describe('the content check', () => {
	test('stops on a contradiction seeded in the data, naming the file, the answers, the rule and the fix', () => {
		const copy = copyProject(['content']);
		try {
			copy.edit('content/data/rules.yaml', (t) => t.replace('  useTools: [whatsapp]\n  scenario: direct-contact', '  useTools: [whatsapp, signal]\n  scenario: direct-contact'));
			const { problems } = checkContent(copy.dir);
			expect(problems).toEqual([
				{
					file: 'content/data/rules.yaml',
					field: 'answers surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=no, anonymity-tools-risky=yes → rule "whatsapp-fallback"',
					message: 'recommends tool "signal", which the same plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
					fix: 'add a condition ("when") to rule "whatsapp-fallback" so that it does not fire for these answers; or recommend another tool. Start with the rule you changed last.',
				},
			]);
		} finally {
			copy.cleanup();
		}
	});

	test('stops on a step text that names an avoided tool, with the language file', () => {
		const copy = copyProject(['content']);
		try {
			copy.edit('content/text/fr.yaml', (t) => t.replace(/^step\.via-partner\.partner-relays: .*$/m, 'step.via-partner.partner-relays: Le personnel transmet ce qui a été dit par Signal.'));
			const { problems } = checkContent(copy.dir);
			expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
				[
					'content/data/scenarios.yaml',
					'answers surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, anonymity-tools-risky=yes → scenario "via-partner" → step "partner-relays"',
					'the text "step.via-partner.partner-relays" in content/text/fr.yaml names Signal, which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
				],
			]);
		} finally {
			copy.cleanup();
		}
	});
});
