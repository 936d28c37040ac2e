import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/check/check-content';
import { checkPlans, linkedPages, namePattern, pageTextFor, resolvePlan, toPlanModel, type PlanModel, type PlanTexts } from '../../src/plan/plan';
import { toRiskModel } from '../../src/plan/risk';
import { parseYaml } from '../../src/check/sources';
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

describe('resolvePlan', () => {
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
		expect(plan.key).toBe('yes-yes-no-unasked-unasked-yes');
	});
});

describe('checkPlans', () => {
	const withRule = (id: string, change: (rule: PlanModel['rules'][number]) => PlanModel['rules'][number]): PlanModel => ({ ...model, rules: model.rules.map((r) => (r.id === id ? change(r) : r)) });
	const withStep = (scenario: string, step: string, change: (s: PlanModel['scenarios'][number]['steps'][number]) => PlanModel['scenarios'][number]['steps'][number]): PlanModel => ({
		...model,
		scenarios: model.scenarios.map((s) => (s.id === scenario ? { ...s, steps: s.steps.map((st) => (st.id === step ? change(st) : st)) } : s)),
	});

	test('errors when a rule recommends a tool that the same plan avoids', () => {
		const problems = checkPlans(withRule('partner-secure-channels', (r) => ({ ...r, when: r.when.filter((c) => c.question === 'direct-contact-dangerous') })));
		expect(problems[0]).toEqual({
			answers: 'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes',
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
			'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes: scenario "via-partner" → step "secure-partner-channel": says the other person needs tool "signal", which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
			'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes: scenario "via-partner" → step "secure-partner-channel": says the other person needs tool "proton-mail", which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
			"surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes: scenario \"via-partner\" → step \"secure-partner-channel\": every tool of the step (signal, wire, proton-mail) is on the plan's Avoid list, so the step would be shown without them",
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
		expect(messages).toContain('rules: the Use list is empty: the plan recommends no tool and no channel');
		expect(messages).toContain('situation "whatsapp-alternative": tool "whatsapp" is not on the Use list');
		expect(messages).toContain('situation "whatsapp-alternative": the route is "undefined", but the source\'s situation calls for "direct"');
	});

	test('errors when a plan uses WhatsApp where direct contact is dangerous, through the rule that avoids it or the source’s situation', () => {
		// The partner over WhatsApp where secure apps are risky, as the guide once said.
		const partnerWhatsapp = { ...model.rules.find((r) => r.id === 'partner-own-channels')!, id: 'partner-whatsapp', useTools: ['whatsapp'], useChannels: [] };
		const seeded: PlanModel = { ...model, rules: [...model.rules, partnerWhatsapp] };
		expect(checkPlans(seeded, { situations }).map((p) => `${p.source}: ${p.message}`)).toContain(
			'rule "partner-whatsapp": recommends tool "whatsapp", which the same plan says to avoid (rule "no-whatsapp-when-dangerous" says to avoid it)',
		);
		// Without the rule that avoids it, the source's situation still stops it.
		const withoutAvoid: PlanModel = { ...seeded, rules: seeded.rules.filter((r) => r.id !== 'no-whatsapp-when-dangerous') };
		expect(checkPlans(withoutAvoid, { situations }).map((p) => `${p.answers}: ${p.source}: ${p.message}`)).toEqual([
			'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes: situation "no-whatsapp-when-dangerous": tool "whatsapp" is not on the Avoid list',
		]);
	});

	test('errors when a plan prescribes Tor or Tails without a channel over them that it does not avoid', () => {
		// Tor and Tails alone, as the guide once said: nothing to talk over.
		const torOnly = checkPlans(withRule('anonymity-tools', (r) => ({ ...r, useTools: ['tails', 'tor-browser'] })));
		expect(torOnly).toEqual([
			{
				answers: 'surveilled=yes, secure-apps-risky=no, direct-contact-dangerous=yes, partner-surveilled=yes, partner-secure-apps-risky=yes, anonymity-tools-risky=no',
				source: 'rule "anonymity-tools"',
				message: 'prescribes tails and tor-browser but names no tool to talk over them (a tool of kind email, messenger or meeting) that the plan does not avoid',
				fix: 'add to rule "anonymity-tools"\'s "useTools" a tool of kind email, messenger or meeting that is not avoided for these answers; or, if there is none, give the rule a "when" so that it does not fire for them, and say plainly that there is no safe direct channel (a rule that avoids that channel in "avoidChannels").',
			},
		]);
		// A channel that the same plan avoids (Proton Mail where secure apps are risky) is no channel.
		const avoided = checkPlans(withRule('anonymity-tools', (r) => ({ ...r, when: r.when.filter((c) => c.question !== 'secure-apps-risky') })));
		expect(avoided.map((p) => `${p.answers}: ${p.message}`)).toEqual([
			'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=no: prescribes tails and tor-browser but names no tool to talk over them (a tool of kind email, messenger or meeting) that the plan does not avoid',
			'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=no: recommends tool "proton-mail", which the same plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
		]);
	});

	test('errors when a plan uses a channel it also avoids, or has neither a tool nor a channel to use', () => {
		const inPersonWatched = { ...model.rules.find((r) => r.id === 'avoid-open-channels')!, id: 'no-meetings', avoidChannels: ['in-person'] };
		const messages = checkPlans({ ...model, rules: [...model.rules, inPersonWatched] }).map((p) => `${p.source}: ${p.message}`);
		expect(messages).toContain('rule "partner-own-channels": recommends channel "in-person", which the same plan says to avoid (rule "no-meetings" says to avoid it)');
		const noChannels = checkPlans(withRule('partner-own-channels', (r) => ({ ...r, useChannels: [] })));
		expect(noChannels.map((p) => `${p.answers}: ${p.message}`)).toEqual([
			'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes: the Use list is empty: the plan recommends no tool and no channel',
		]);
	});

	describe('pages the plan links to', () => {
		const page = (id: string, text: string, lang = 'en') => ({ id, lang, file: `content/docs/${lang}/${id}.mdx`, text });
		const appLock = (text: string) => checkPlans(model, { toolNames, pages: [page('practices/app-lock', text), page('practices/app-lock', text, 'fr')] });

		test('errors when a page a plan links to names a tool that plan avoids, once per page and tool, with every file', () => {
			const problems = appLock('---\ntitle: Lock your apps\ntools: [signal]\n---\n\nLock [Signal](../tools/signal/) with a PIN.\n');
			expect(problems).toEqual([
				{
					answers: 'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes',
					source: 'page "practices/app-lock"',
					file: 'content/docs/en/practices/app-lock.mdx',
					message:
						'the page "practices/app-lock", which the plan links to, names Signal in content/docs/en/practices/app-lock.mdx, content/docs/fr/practices/app-lock.mdx, which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
					fix: 'reword the passage so that it names no tool the plan avoids; or, where the advice holds only for other answers, say so on the page and put the passage between {/* only-where: question=answer … */} and {/* end only-where */}, with the answers for which it holds (README, "The risk plan"), in every language.',
				},
			]);
			// A page no plan links to may name what it likes.
			expect(checkPlans(model, { toolNames, pages: [page('tools/element', 'Element or Signal.')] })).toEqual([]);
		});

		test('accepts a passage marked for the answers where it holds, and only for those', () => {
			const marked = (where: string) => `Lock your phone.\n\n{/* only-where: ${where} */}\n\nWhere secure apps raise no suspicion, lock Signal with a PIN.\n\n{/* end only-where */}\n`;
			expect(appLock(marked('secure-apps-risky=no'))).toEqual([]);
			// Marked for answers whose plans avoid it: still an error.
			expect(appLock(marked('secure-apps-risky=yes')).map((p) => p.answers)).toEqual(['surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes']);
			// A mark that names no question hides nothing, and is reported itself.
			expect(appLock(marked('secure-apps=no')).map((p) => p.message)).toContain('the mark {/* only-where: secure-apps=no */} names no question of content/data/questions.yaml with the answer yes or no');
		});

		test('pageTextFor keeps the passages whose answers all hold, and drops the others', () => {
			const text = 'a {/* only-where: surveilled=yes secure-apps-risky=no */}b{/* end only-where */} c';
			expect(pageTextFor(text, { surveilled: 'yes', 'secure-apps-risky': 'no' }).text).toBe(text);
			expect(pageTextFor(text, { surveilled: 'yes', 'secure-apps-risky': 'yes' })).toEqual({ text: 'a  c', invalid: [] });
		});

		test('linkedPages lists the scenario, the practices and the tools of the plan and its steps', () => {
			const plan = resolvePlan(model, { surveilled: 'no', 'secure-apps-risky': 'yes', 'direct-contact-dangerous': 'no', 'anonymity-tools-risky': 'no' });
			expect(linkedPages(plan)).toEqual(expect.arrayContaining(['scenarios/direct-contact', 'practices/app-lock', 'tools/whatsapp']));
			expect(linkedPages(plan)).not.toContain('tools/signal');
		});
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
					'answers surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes → scenario "via-partner" → step "partner-relays"',
					'the text "step.via-partner.partner-relays" in content/text/fr.yaml names Signal, which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)',
				],
			]);
		} finally {
			copy.cleanup();
		}
	});
});
