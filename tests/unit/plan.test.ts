/**
 * The risk plan (src/plan/plan.ts) on a small model built here: five questions, a handful of tools
 * and rules, two scenarios. Each check is shown on a fault seeded into it; the content check's use
 * of it (the file, the field, the fix) on a copy of the small second guide (tests/fixtures/).
 */
import { describe, expect, test } from 'vitest';
import { checkPlans, linkedPages, namePattern, pageTextFor, resolvePlan, type PlanFiles, type PlanModel, type PlanPage, type PlanStep, type PlanTexts, type Situation } from '../../src/plan/plan';
import { checkGuide, guideCopy } from '../helpers/fixture';

const step = (id: string, parts: Partial<PlanStep> = {}): PlanStep => ({ id, kind: 'action', when: [], tools: [], needs: [], fallback: [], practices: [], ...parts });
const rule = (id: string, parts: Partial<PlanModel['rules'][number]>): PlanModel['rules'][number] => ({ id, when: [], unless: [], between: 'person', option: false, useTools: [], useChannels: [], practices: [], avoidTools: [], avoidChannels: [], ...parts });

/**
 * A small model. Chat apps (Quill, Parcel) draw attention where they are risky; Plainchat draws
 * none. Onion Browser and Onion OS carry other tools' traffic. Near by, the plan is direct: the chat
 * apps, or Plainchat where they are risky; far away, a courier carries what is said, in person,
 * and the onion tools are offered with Parcel where neither they nor the apps are risky.
 */
const model: PlanModel = {
	routes: ['direct', 'courier'],
	partnerRoutes: ['courier'],
	channelKinds: ['email', 'messenger', 'meeting'],
	carriersOfOtherTools: ['onion'],
	questions: [
		{ id: 'watched', saferAnswer: 'yes' },
		{ id: 'apps-risky', saferAnswer: 'yes', suspects: 'chat-apps' },
		{ id: 'far-away', saferAnswer: 'yes' },
		{ id: 'courier-watched', saferAnswer: 'yes', askIf: [{ question: 'far-away', answer: 'yes' }] },
		{ id: 'onion-risky', saferAnswer: 'yes', suspects: 'onion' },
	],
	tools: [
		{ id: 'quill', kind: 'messenger', drawsAttention: 'chat-apps' },
		{ id: 'parcel', kind: 'email', drawsAttention: 'chat-apps' },
		{ id: 'plainchat', kind: 'messenger' },
		{ id: 'onion-browser', kind: 'browser', drawsAttention: 'onion' },
		{ id: 'onion-os', kind: 'system', drawsAttention: 'onion' },
	],
	rules: [
		rule('direct-apps', { when: [{ question: 'far-away', answer: 'no' }, { question: 'apps-risky', answer: 'no' }], route: 'direct', useTools: ['quill', 'parcel'], scenario: 'meet' }),
		rule('plain-fallback', { when: [{ question: 'far-away', answer: 'no' }, { question: 'apps-risky', answer: 'yes' }], route: 'direct', useTools: ['plainchat'], practices: ['lock-screen'], scenario: 'meet' }),
		rule('avoid-open', { when: [{ question: 'watched', answer: 'yes' }], avoidChannels: ['phone'] }),
		rule('via-courier', { when: [{ question: 'far-away', answer: 'yes' }], route: 'courier', between: 'courier', useChannels: ['in-person'], practices: ['safe-meetings'], scenario: 'relay' }),
		rule('courier-open', { when: [{ question: 'courier-watched', answer: 'yes' }], avoidChannels: ['phone'] }),
		rule('no-plainchat-far', { when: [{ question: 'far-away', answer: 'yes' }], avoidTools: ['plainchat'] }),
		rule('onion-tools', { when: [{ question: 'far-away', answer: 'yes' }, { question: 'onion-risky', answer: 'no' }, { question: 'apps-risky', answer: 'no' }], useTools: ['onion-browser', 'onion-os', 'parcel'] }),
	],
	scenarios: [
		{
			id: 'meet',
			route: 'direct',
			steps: [
				step('first-call', { tools: ['quill', 'plainchat'], fallback: ['parcel'] }),
				step('compare-keys', { tools: ['quill'], when: [{ question: 'apps-risky', answer: 'no' }] }),
				step('clean-up', { kind: 'cleanup' }),
			],
		},
		{
			id: 'relay',
			route: 'courier',
			steps: [
				step('courier-checks'),
				step('secure-courier-channel', { tools: ['quill', 'parcel'], needs: ['quill', 'parcel'], when: [{ question: 'apps-risky', answer: 'no' }] }),
				step('hand-over'),
				step('clean-up', { kind: 'cleanup' }),
			],
		},
	],
};
const toolNames = new Map([
	['quill', ['Quill']],
	['parcel', ['Parcel Mail', 'Parcel']],
	['plainchat', ['Plainchat']],
	['onion-browser', ['Onion Browser']],
	['onion-os', ['Onion OS']],
]);
/** What the source of the small model demands. */
const situations: Situation[] = [
	{ id: 'plain-where-apps-risky', when: [{ question: 'far-away', answer: 'no' }, { question: 'apps-risky', answer: 'yes' }], expect: { route: 'direct', use: ['plainchat'], avoid: [], avoidChannels: [], offers: [] } },
	{ id: 'plainchat-never-far', when: [{ question: 'far-away', answer: 'yes' }], expect: { use: [], avoid: ['plainchat'], avoidChannels: [], offers: [] } },
];
/** The texts of one language: `texts/<lang>.yaml`, with only the given keys. */
const textsOf = (lang: string, map: Record<string, string>): PlanTexts => ({ lang, file: `texts/${lang}.yaml`, text: (key) => map[key] });
/** The files of a guide whose content is in guide/, as the content check gives them for `playbook({ content: './guide' })`. */
const GUIDE_FILES: PlanFiles = { situations: 'guide/data/situations.yaml', questions: 'guide/data/questions.yaml', text: (lang) => `guide/text/${lang}.yaml` };

const withRule = (id: string, change: (rule: PlanModel['rules'][number]) => PlanModel['rules'][number]): PlanModel => ({ ...model, rules: model.rules.map((r) => (r.id === id ? change(r) : r)) });
const withStep = (scenario: string, id: string, change: (s: PlanStep) => PlanStep): PlanModel => ({
	...model,
	scenarios: model.scenarios.map((s) => (s.id === scenario ? { ...s, steps: s.steps.map((st) => (st.id === id ? change(st) : st)) } : s)),
});
const ruleOf = (id: string) => model.rules.find((r) => r.id === id)!;
/** The reason a chat app is avoided, as the messages give it. */
const SUSPECT_APPS = '(it draws attention where chat apps are suspect, and "apps-risky" is answered yes)';
/** The first answers (in the order the check goes through them) for which the courier's steps show while the chat apps are risky. */
const FAR_AND_RISKY = 'watched=yes, apps-risky=yes, far-away=yes, courier-watched=yes, onion-risky=yes';

test('the small model is one consistent plan for every answer, and meets its situations', () => {
	expect(checkPlans(model, { situations, toolNames })).toEqual([]);
});

describe('resolvePlan', () => {
	test('takes avoided tools out of a step’s tool list and fallback, and keeps the rest', () => {
		const plan = resolvePlan(model, { watched: 'no', 'apps-risky': 'yes', 'far-away': 'no', 'onion-risky': 'no' });
		const firstCall = plan.steps.find((s) => s.id === 'first-call')!;
		expect(firstCall.tools).toEqual(['plainchat']);
		expect(firstCall.fallback).toEqual([]);
		expect(resolvePlan(model, { watched: 'no', 'apps-risky': 'no', 'far-away': 'no', 'onion-risky': 'no' }).steps.find((s) => s.id === 'first-call')!.tools).toEqual(['quill', 'plainchat']);
	});

	test('gives each avoided group its reason: the question that makes the tools suspect, or the rule', () => {
		const plan = resolvePlan(model, { watched: 'unsure', 'apps-risky': 'yes', 'far-away': 'no', 'onion-risky': 'yes' });
		expect(plan.avoid.map((g) => [g.suspicion ?? g.rule, g.reasons])).toEqual([
			['chat-apps', [{ question: 'apps-risky', given: 'yes', readAs: 'yes' }]],
			['onion', [{ question: 'onion-risky', given: 'yes', readAs: 'yes' }]],
			['avoid-open', [{ question: 'watched', given: 'unsure', readAs: 'yes' }]],
		]);
		expect(plan.avoid.map((g) => g.tools)).toEqual([['quill', 'parcel'], ['onion-browser', 'onion-os'], []]);
		expect(plan.headline).toBe('plain-fallback');
		// The question asked only far away is "unasked" in the key.
		expect(plan.key).toBe('yes-yes-no-unasked-yes');
	});
});

describe('checkPlans', () => {
	test('errors when a rule recommends a tool that the same plan avoids', () => {
		const problems = checkPlans(withRule('direct-apps', (r) => ({ ...r, when: r.when.filter((c) => c.question === 'far-away') })));
		expect(problems[0]).toEqual({
			answers: 'watched=yes, apps-risky=yes, far-away=no, onion-risky=yes',
			source: 'rule "direct-apps"',
			message: `recommends tool "quill", which the same plan says to avoid ${SUSPECT_APPS}`,
			fix: 'add a condition ("when") to rule "direct-apps" so that it does not fire for these answers; or recommend another tool. Start with the rule you changed last.',
		});
	});

	test('names both rules when one recommends what another avoids, either may be the one to narrow', () => {
		const avoidOnWatch = { ...ruleOf('avoid-open'), id: 'avoid-quill-when-watched', avoidTools: ['quill'], avoidChannels: [], practices: [] };
		const problems = checkPlans({ ...model, rules: [...model.rules, avoidOnWatch] });
		const direct = problems.find((p) => p.source === 'rule "direct-apps"')!;
		expect(direct.message).toBe('recommends tool "quill", which the same plan says to avoid (rule "avoid-quill-when-watched" says to avoid it)');
		expect(direct.fix).toBe('add a condition ("when") to rule "direct-apps" so that it does not fire for these answers, or to rule "avoid-quill-when-watched" if it is the one that should not fire; or recommend another tool. Start with the rule you changed last.');
	});

	test('reports a text that names an avoided tool once, with every language file where it does', () => {
		const key = 'step.relay.secure-courier-channel';
		const problems = checkPlans(withStep('relay', 'secure-courier-channel', (s) => ({ ...s, when: [] })), { toolNames, texts: ['en', 'fa'].map((lang) => textsOf(lang, { [key]: 'Use Quill.' })) });
		const texts = problems.filter((p) => p.message.startsWith('the text'));
		expect(texts.map((p) => p.message)).toEqual([`the text "${key}" in texts/en.yaml, texts/fa.yaml names Quill, which the plan says to avoid ${SUSPECT_APPS}`]);
	});

	test('errors when a step the plan shows needs an avoided tool, or would lose all its tools', () => {
		const problems = checkPlans(withStep('relay', 'secure-courier-channel', (s) => ({ ...s, when: [] })));
		expect(problems.map((p) => `${p.answers}: ${p.source}: ${p.message}`)).toEqual([
			`${FAR_AND_RISKY}: scenario "relay" → step "secure-courier-channel": says the other person needs tool "quill", which the plan says to avoid ${SUSPECT_APPS}`,
			`${FAR_AND_RISKY}: scenario "relay" → step "secure-courier-channel": says the other person needs tool "parcel", which the plan says to avoid ${SUSPECT_APPS}`,
			`${FAR_AND_RISKY}: scenario "relay" → step "secure-courier-channel": every tool of the step (quill, parcel) is on the plan's Avoid list, so the step would be shown without them`,
		]);
	});

	test('errors when the text of a step the plan shows names an avoided tool, in any language', () => {
		// Latin names in a Persian sentence: Plainchat is never avoided where the step shows, Quill is where chat apps are risky.
		const persian = textsOf('fa', { 'step.meet.first-call': 'در Quill یا Plainchat با هم تماس بگیرید.' });
		const problems = checkPlans(model, { toolNames, texts: [persian] });
		expect(problems).toEqual([
			{
				answers: 'watched=yes, apps-risky=yes, far-away=no, onion-risky=yes',
				source: 'scenario "meet" → step "first-call"',
				message: `the text "step.meet.first-call" in texts/fa.yaml names Quill, which the plan says to avoid ${SUSPECT_APPS}`,
				fix: 'reword "step.meet.first-call" in every language so that it names no tool the plan avoids, or give the step a "when" so that it is not shown for these answers.',
			},
		]);
	});

	test('errors when a plan no longer meets a situation of the source, or recommends nothing', () => {
		const broken: PlanModel = { ...model, rules: model.rules.filter((r) => r.id !== 'plain-fallback') };
		const messages = checkPlans(broken, { situations }).map((p) => `${p.source}: ${p.message}`);
		expect(messages).toContain('rules: the Use list is empty: the plan recommends no tool and no channel');
		expect(messages).toContain('situation "plain-where-apps-risky": tool "plainchat" is not on the Use list');
		expect(messages).toContain('situation "plain-where-apps-risky": the route is "undefined", but the source\'s situation calls for "direct"');
	});

	test('names the guide’s files it is given: the situations in a fix, and the texts of a language given without their file', () => {
		const broken: PlanModel = { ...model, rules: model.rules.filter((r) => r.id !== 'plain-fallback') };
		expect(checkPlans(broken, { situations, files: GUIDE_FILES }).find((p) => p.source === 'situation "plain-where-apps-risky"')?.fix).toBe(
			'change rules.yaml so that every plan for these answers meets situation "plain-where-apps-risky" of guide/data/situations.yaml.',
		);
		const persian: PlanTexts = { lang: 'fa', text: (key) => (key === 'step.meet.first-call' ? 'در Quill با هم تماس بگیرید.' : undefined) };
		expect(checkPlans(model, { toolNames, texts: [persian], files: GUIDE_FILES }).map((p) => p.message)).toEqual([`the text "step.meet.first-call" in guide/text/fa.yaml names Quill, which the plan says to avoid ${SUSPECT_APPS}`]);
	});

	test('errors when a plan uses a tool that a rule avoids for the same answers, through that rule or the source’s situation', () => {
		// The courier over Plainchat, which another rule avoids far away.
		const courierPlainchat = { ...ruleOf('via-courier'), id: 'courier-plainchat', useTools: ['plainchat'], useChannels: [] };
		const seeded: PlanModel = { ...model, rules: [...model.rules, courierPlainchat] };
		expect(checkPlans(seeded, { situations }).map((p) => `${p.source}: ${p.message}`)).toContain(
			'rule "courier-plainchat": recommends tool "plainchat", which the same plan says to avoid (rule "no-plainchat-far" says to avoid it)',
		);
		// Without the rule that avoids it, the source's situation still stops it.
		const withoutAvoid: PlanModel = { ...seeded, rules: seeded.rules.filter((r) => r.id !== 'no-plainchat-far') };
		expect(checkPlans(withoutAvoid, { situations }).map((p) => `${p.answers}: ${p.source}: ${p.message}`)).toEqual([`${FAR_AND_RISKY}: situation "plainchat-never-far": tool "plainchat" is not on the Avoid list`]);
	});

	test('errors when a plan prescribes tools that carry others’ traffic without a channel over them that it does not avoid', () => {
		// The onion tools alone: nothing to talk over.
		const alone = checkPlans(withRule('onion-tools', (r) => ({ ...r, useTools: ['onion-browser', 'onion-os'] })));
		expect(alone).toEqual([
			{
				answers: 'watched=yes, apps-risky=no, far-away=yes, courier-watched=yes, onion-risky=no',
				source: 'rule "onion-tools"',
				message: 'prescribes onion-browser and onion-os but names no tool to talk over them (a tool of kind email, messenger or meeting) that the plan does not avoid',
				fix: 'add to rule "onion-tools"\'s "useTools" a tool of kind email, messenger or meeting that is not avoided for these answers; or, if there is none, give the rule a "when" so that it does not fire for them, and say plainly that there is no safe direct channel (a rule that avoids that channel in "avoidChannels").',
			},
		]);
		// A channel that the same plan avoids (Parcel where chat apps are risky) is no channel.
		const avoided = checkPlans(withRule('onion-tools', (r) => ({ ...r, when: r.when.filter((c) => c.question !== 'apps-risky') })));
		expect(avoided.map((p) => `${p.answers}: ${p.message}`)).toEqual([
			'watched=yes, apps-risky=yes, far-away=yes, courier-watched=yes, onion-risky=no: prescribes onion-browser and onion-os but names no tool to talk over them (a tool of kind email, messenger or meeting) that the plan does not avoid',
			`watched=yes, apps-risky=yes, far-away=yes, courier-watched=yes, onion-risky=no: recommends tool "parcel", which the same plan says to avoid ${SUSPECT_APPS}`,
		]);
	});

	test('errors when a plan uses a channel it also avoids, or has neither a tool nor a channel to use', () => {
		const noMeetings = { ...ruleOf('avoid-open'), id: 'no-meetings', avoidChannels: ['in-person'] };
		const messages = checkPlans({ ...model, rules: [...model.rules, noMeetings] }).map((p) => `${p.source}: ${p.message}`);
		expect(messages).toContain('rule "via-courier": recommends channel "in-person", which the same plan says to avoid (rule "no-meetings" says to avoid it)');
		const noChannels = checkPlans(withRule('via-courier', (r) => ({ ...r, useChannels: [] })));
		expect(noChannels.map((p) => `${p.answers}: ${p.message}`)).toEqual([`${FAR_AND_RISKY}: the Use list is empty: the plan recommends no tool and no channel`]);
	});

	describe('pages the plan links to', () => {
		const page = (id: string, text: string, lang = 'en'): PlanPage => ({ id, lang, file: `docs/${lang}/${id}.mdx`, text });
		const safeMeetings = (text: string) => checkPlans(model, { toolNames, files: GUIDE_FILES, pages: [page('practices/safe-meetings', text), page('practices/safe-meetings', text, 'fa')] });

		test('errors when a page a plan links to names a tool that plan avoids, once per page and tool, with every file', () => {
			const problems = safeMeetings('---\ntitle: Safe meetings\ntools: [quill]\n---\n\nAgree on the place over [Quill](../tools/quill/) the day before.\n');
			expect(problems).toEqual([
				{
					answers: FAR_AND_RISKY,
					source: 'page "practices/safe-meetings"',
					file: 'docs/en/practices/safe-meetings.mdx',
					message: `the page "practices/safe-meetings", which the plan links to, names Quill in docs/en/practices/safe-meetings.mdx, docs/fa/practices/safe-meetings.mdx, which the plan says to avoid ${SUSPECT_APPS}`,
					fix: 'reword the passage so that it names no tool the plan avoids; or, where the advice holds only for other answers, say so on the page and put the passage between {/* only-where: question=answer … */} and {/* end only-where */}, with the answers for which it holds (README, "The risk plan"), in every language.',
				},
			]);
			// A page no plan links to may name what it likes.
			expect(checkPlans(model, { toolNames, pages: [page('practices/backups', 'Back up Quill, Parcel and Plainchat.')] })).toEqual([]);
		});

		test('accepts a passage marked for the answers where it holds, and only for those', () => {
			const marked = (where: string) => `Meet in a quiet place.\n\n{/* only-where: ${where} */}\n\nWhere chat apps raise no suspicion, agree on the place over Quill.\n\n{/* end only-where */}\n`;
			expect(safeMeetings(marked('apps-risky=no'))).toEqual([]);
			// Marked for answers whose plans avoid it: still an error.
			expect(safeMeetings(marked('apps-risky=yes')).map((p) => p.answers)).toEqual([FAR_AND_RISKY]);
			// A mark that names no question hides nothing, and is reported itself.
			expect(safeMeetings(marked('chat-apps=no')).map((p) => p.message)).toContain('the mark {/* only-where: chat-apps=no */} names no question of guide/data/questions.yaml with the answer yes or no');
		});

		test('pageTextFor keeps the passages whose answers all hold, and drops the others', () => {
			const text = 'a {/* only-where: watched=yes apps-risky=no */}b{/* end only-where */} c';
			expect(pageTextFor(text, { watched: 'yes', 'apps-risky': 'no' }).text).toBe(text);
			expect(pageTextFor(text, { watched: 'yes', 'apps-risky': 'yes' })).toEqual({ text: 'a  c', invalid: [] });
		});

		test('linkedPages lists the scenario, the practices and the tools of the plan and its steps', () => {
			const plan = resolvePlan(model, { watched: 'no', 'apps-risky': 'yes', 'far-away': 'no', 'onion-risky': 'no' });
			expect(linkedPages(plan)).toEqual(['scenarios/meet', 'practices/lock-screen', 'tools/plainchat']);
			const far = resolvePlan(model, { watched: 'no', 'apps-risky': 'no', 'far-away': 'yes', 'courier-watched': 'no', 'onion-risky': 'no' });
			expect(linkedPages(far)).toEqual(['scenarios/relay', 'practices/safe-meetings', 'tools/onion-browser', 'tools/onion-os', 'tools/parcel', 'tools/quill']);
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
		const copy = guideCopy();
		try {
			const rules = `${copy.content}/data/rules.yaml`;
			// Where Tor is watched the plan meets in person; SecureDrop runs over Tor.
			copy.edit(rules, (t) => t.replace('  useChannels: [in-person]\n', '  useTools: [securedrop]\n  useChannels: [in-person]\n'));
			expect(checkGuide(copy.dir, copy.content).problems).toEqual([
				{
					file: rules,
					field: 'answers source-at-risk=yes, tor-watched=yes, receiving-files=yes → rule "meet-in-person"',
					message: 'recommends tool "securedrop", which the same plan says to avoid (it draws attention where tor are suspect, and "tor-watched" is answered yes)',
					fix: 'add a condition ("when") to rule "meet-in-person" so that it does not fire for these answers; or recommend another tool. Start with the rule you changed last.',
				},
			]);
		} finally {
			copy.cleanup();
		}
	});

	test('stops on a mark of a linked page that names no question, naming the questions file in the guide\'s folder', () => {
		const copy = guideCopy();
		try {
			const file = copy.page('en', 'scenarios/protect-a-source');
			copy.edit(file, (t) => t.replace('{/* only-where: tor-watched=no */}', '{/* only-where: tor-watchd=no */}'));
			expect(checkGuide(copy.dir, copy.content).problems.filter((p) => p.message.startsWith('the mark'))).toEqual([
				{
					file,
					field: 'page "scenarios/protect-a-source"',
					message: `the mark {/* only-where: tor-watchd=no */} names no question of ${copy.content}/data/questions.yaml with the answer yes or no`,
					fix: 'write it as {/* only-where: question=answer */}, for instance {/* only-where: source-at-risk=no */}; several conditions are separated by spaces and must all hold.',
				},
			]);
		} finally {
			copy.cleanup();
		}
	});

	test('stops on a step text that names an avoided tool, with the language file', () => {
		const copy = guideCopy();
		try {
			const persian = `${copy.content}/text/fa.yaml`;
			copy.edit(persian, (t) => t.replace(/^step\.protect-a-source\.hand-over: .*$/m, "step.protect-a-source.hand-over: 'منبع فایل‌ها را با OnionShare به شما می‌دهد.'"));
			expect(checkGuide(copy.dir, copy.content).problems.map((p) => [p.file, p.field, p.message])).toEqual([
				[
					`${copy.content}/data/scenarios.yaml`,
					'answers source-at-risk=yes, tor-watched=yes, receiving-files=yes → scenario "protect-a-source" → step "hand-over"',
					`the text "step.protect-a-source.hand-over" in ${persian} names OnionShare, which the plan says to avoid (it draws attention where tor are suspect, and "tor-watched" is answered yes)`,
				],
			]);
		} finally {
			copy.cleanup();
		}
	});
});
