import { describe, expect, test } from 'vitest';
import { allAnswerCombinations, answersKey, checkRiskModel, effectiveAnswer, evaluate, toRiskModel, type Answers, type RiskModel } from '../../src/lib/risk';
import { checkContent } from '../../src/lib/check-content';
import { copyProject } from '../helpers/project';
import { siteData } from '../helpers/site';

const model = toRiskModel(siteData());
const SECURE_TOOLS = ['jitsi-meet', 'signal', 'wire', 'proton-mail'];
const OPEN_CHANNELS = ['phone', 'sms', 'facebook', 'skype', 'ordinary-email'];

/**
 * The source guide's assessment table, written out independently of the rules file:
 * 1. communication surveilled → avoid Facebook, email, phone, SMS, Skype; meet through partners where secure apps are risky too;
 * 2. secure apps illegal or persecuted → WhatsApp as a partly secure alternative, if direct contact is not dangerous;
 * 3. direct contact dangerous → go through partners; Tor and Tails on both sides, only where they are not illegal or watched.
 * Otherwise, secure tools directly. "Not sure" counts as "yes" for every question.
 */
function expected(answers: Answers) {
	const yes = (id: string) => answers[id] !== 'no';
	const surveilled = yes('surveilled');
	const appsRisky = yes('secure-apps-risky');
	const directDangerous = yes('direct-contact-dangerous');
	const anonymityRisky = yes('anonymity-tools-risky');
	const use = [
		...(!appsRisky && !directDangerous ? SECURE_TOOLS : []),
		...(appsRisky && !directDangerous ? ['whatsapp'] : []),
		...(directDangerous && !anonymityRisky ? ['tor-browser', 'tails'] : []),
	];
	const avoidTools = [...(appsRisky && !directDangerous ? ['signal', 'wire'] : []), ...(anonymityRisky ? ['tor-browser', 'tails'] : [])];
	const route = directDangerous || (surveilled && appsRisky) ? 'partner' : 'direct';
	return {
		useTools: use.sort(),
		avoidTools: avoidTools.sort(),
		avoidChannels: surveilled ? [...OPEN_CHANNELS].sort() : [],
		route,
		scenario: route === 'partner' ? 'via-partner' : 'direct-contact',
	};
}

const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
const combinations = [...allAnswerCombinations(model)];

describe('evaluate', () => {
	test('covers all 81 combinations of yes, no and not sure for the four questions', () => {
		expect(model.questions.map((q) => q.id)).toEqual(['surveilled', 'secure-apps-risky', 'direct-contact-dangerous', 'anonymity-tools-risky']);
		expect(combinations).toHaveLength(81);
		expect(new Set(combinations.map((c) => JSON.stringify(c))).size).toBe(81);
	});

	test.each(combinations.map((answers) => [Object.values(answers).join(' / '), answers] as const))('follows the source table for %s', (_, answers) => {
		const outcome = evaluate(model, answers);
		const want = expected(answers);
		expect({
			useTools: ids(outcome.useTools),
			avoidTools: ids(outcome.avoidTools),
			avoidChannels: ids(outcome.avoidChannels),
			route: outcome.route,
			scenario: outcome.scenario,
		}).toEqual(want);
		// Everyone gets the basic practices, whatever the answers.
		expect(ids(outcome.practices)).toEqual(expect.arrayContaining(['check-links-and-attachments', 'multi-factor-authentication', 'passwords', 'updates']));
	});

	test('explains each fired rule with the answers that made it fire', () => {
		const outcome = evaluate(model, { surveilled: 'unsure', 'secure-apps-risky': 'no', 'direct-contact-dangerous': 'no', 'anonymity-tools-risky': 'no' });
		expect(outcome.fired.find((f) => f.rule === 'avoid-open-channels')?.reasons).toEqual([{ question: 'surveilled', given: 'unsure', readAs: 'yes' }]);
		expect(outcome.fired.find((f) => f.rule === 'secure-apps')?.reasons).toEqual([
			{ question: 'secure-apps-risky', given: 'no', readAs: 'no' },
			{ question: 'direct-contact-dangerous', given: 'no', readAs: 'no' },
		]);
		expect(outcome.fired.find((f) => f.rule === 'basics')?.reasons).toEqual([]);
		expect(outcome.unsure).toEqual(['surveilled']);
	});

	test('reads "not sure" and a missing answer as the safer answer', () => {
		const question = { id: 'q', saferAnswer: 'yes' as const };
		expect(effectiveAnswer(question, 'unsure')).toBe('yes');
		expect(effectiveAnswer(question, undefined)).toBe('yes');
		expect(effectiveAnswer(question, 'no')).toBe('no');
		expect(answersKey(model, { surveilled: 'unsure', 'secure-apps-risky': 'no' })).toBe('yes-no-yes-yes');
	});
});

describe('checkRiskModel', () => {
	test('finds no problem in the shipped model', () => {
		expect(checkRiskModel(model)).toEqual([]);
	});

	test('errors when two rules that can fire together recommend and avoid the same tool', () => {
		const broken: RiskModel = { ...model, rules: model.rules.map((r) => (r.id === 'secure-apps' ? { ...r, when: r.when.filter((c) => c.question !== 'secure-apps-risky') } : r)) };
		const problems = checkRiskModel(broken);
		expect(problems[0]).toEqual({
			answers: 'surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=no, anonymity-tools-risky=yes',
			message: 'rule "secure-apps" recommends tool "signal" but rule "whatsapp-fallback" says to avoid it',
			fix: 'add a condition ("when") to one of the two rules so that they cannot fire together.',
		});
	});

	test('errors when some answers lead to no route, tool or scenario', () => {
		const broken: RiskModel = { ...model, rules: model.rules.filter((r) => r.id !== 'partner-first') };
		const messages = checkRiskModel(broken).map((p) => `${p.answers}: ${p.message}`);
		expect(messages).toContain('surveilled=no, secure-apps-risky=no, direct-contact-dangerous=yes, anonymity-tools-risky=yes: no rule recommends a route or a tool');
		expect(messages).toContain('surveilled=no, secure-apps-risky=no, direct-contact-dangerous=yes, anonymity-tools-risky=yes: no rule names a scenario to follow');
	});

	test('stops the content check with the rules file, the answers and the fix', () => {
		const copy = copyProject(['content']);
		try {
			copy.edit('content/data/rules.yaml', (t) => t.replace("  useTools: [whatsapp]\n  avoidTools: [signal, wire]", "  useTools: [whatsapp]\n  avoidTools: [signal, wire, whatsapp]"));
			const problems = checkContent(copy.dir).problems;
			expect(problems[0]).toEqual({
				file: 'content/data/rules.yaml',
				field: 'answers surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=no, anonymity-tools-risky=yes',
				message: 'rule "whatsapp-fallback" recommends tool "whatsapp" but rule "whatsapp-fallback" says to avoid it',
				fix: 'add a condition ("when") to one of the two rules so that they cannot fire together.',
			});
		} finally {
			copy.cleanup();
		}
	});
});
