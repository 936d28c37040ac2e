import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/check/check-content';
import { applicableSteps, checkSequences, coversAllAnswers, splitScenarioProse, stepGroups, toSequences, type Sequence } from '../../src/plan/scenario';
import { allAnswerCombinations, toRiskModel } from '../../src/plan/risk';
import { copyProject } from '../helpers/project';
import { fixtureData } from '../helpers/fixture';
import { siteData } from '../helpers/site';

const data = siteData();
const sequences = toSequences(data.scenarios);
const questions = toRiskModel({ questions: data.questions, rules: [] }).questions;
const direct = sequences.find((s) => s.id === 'direct-contact')!;
const ids = (steps: { id: string }[]) => steps.map((s) => s.id);

describe('applicableSteps', () => {
	test('shows every step, every branch, when there are no answers', () => {
		expect(ids(applicableSteps(direct.steps, questions))).toEqual(direct.steps.map((s) => s.id));
	});
});

describe('checkSequences', () => {
	test('errors when the last step applies only to some answers', () => {
		const broken: Sequence = { ...direct, steps: [...direct.steps, { id: 'extra', kind: 'action', when: [{ question: 'surveilled', answer: 'yes' }] }] };
		expect(checkSequences([broken], questions)).toEqual([
			{
				scenario: 'direct-contact',
				field: 'steps[9].when',
				message: 'the last step "extra" applies only for some answers, so other branches have no end',
				fix: 'end the scenario with a step that has no "when", or move this step before it.',
			},
		]);
	});

	test('errors when a scenario whose route reaches a person has no clean-up, or when no step applies', () => {
		const broken: Sequence = { id: 'x', route: 'by-post', steps: [{ id: 'only', kind: 'action', when: [{ question: 'surveilled', answer: 'yes' }] }] };
		expect(checkSequences([broken], questions).map((p) => p.message)).toEqual([
			'the last step "only" applies only for some answers, so other branches have no end',
			'the route "by-post" reaches a person at risk, and the scenario has no step that cleans up',
			'no step applies for the answers surveilled=no, secure-apps-risky=yes, direct-contact-dangerous=yes, partner-surveilled=yes, anonymity-tools-risky=yes',
		]);
		// A route that reaches no person at risk (reachesPerson: false in routes.yaml) needs no clean-up; one the list lacks does.
		const ended: Sequence = { ...broken, steps: [{ id: 'only', kind: 'action', when: [] }] };
		expect(checkSequences([ended], questions, [{ id: 'by-post', reachesPerson: false }])).toEqual([]);
		expect(checkSequences([ended], questions, [{ id: 'by-post', reachesPerson: true }, { id: 'other', reachesPerson: false }])).toHaveLength(1);
	});

	test('stops the content check on a scenario without steps, naming the file and the field', () => {
		const copy = copyProject(['content']);
		try {
			copy.edit('content/data/scenarios.yaml', (t) => `${t}\n- id: empty\n  route: direct\n  steps: []\n`);
			const problems = checkContent(copy.dir).problems.filter((p) => p.file === 'content/data/scenarios.yaml');
			expect(problems).toEqual([
				{
					file: 'content/data/scenarios.yaml',
					field: 'entry 5 (id "empty") → steps',
					message: 'a scenario needs at least one step',
					fix: 'correct the value; src/schemas/scenario.ts says what is allowed.',
				},
			]);
		} finally {
			copy.cleanup();
		}
	});
});

describe('stepGroups', () => {
	const step = (id: string, ...when: [string, 'yes' | 'no'][]) => ({ id, when: when.map(([question, answer]) => ({ question, answer })) });

	test('makes one step of adjacent alternatives on the same question, and leaves the others alone', () => {
		const groups = stepGroups([step('a', ['q', 'no']), step('b', ['q', 'yes']), step('c', ['q', 'no']), step('d'), step('e', ['q', 'no']), step('f', ['q', 'yes'])]);
		expect(groups.map((g) => g.map((s) => s.id))).toEqual([['a', 'b'], ['c'], ['d'], ['e', 'f']]);
	});

	test('does not join steps that can apply together: another question, the same answer, or no condition', () => {
		const groups = stepGroups([step('a', ['q', 'no']), step('b', ['r', 'yes']), step('c', ['r', 'yes']), step('d'), step('e')]);
		expect(groups.map((g) => g.map((s) => s.id))).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
	});

	test('joins three alternatives only when each excludes all the others', () => {
		const three = stepGroups([step('a', ['q', 'yes']), step('b', ['q', 'no'], ['r', 'yes']), step('c', ['q', 'no'], ['r', 'no'])]);
		expect(three.map((g) => g.map((s) => s.id))).toEqual([['a', 'b', 'c']]);
		const overlapping = stepGroups([step('a', ['q', 'yes']), step('b', ['q', 'no'], ['r', 'yes']), step('c', ['r', 'no'])]);
		expect(overlapping.map((g) => g.map((s) => s.id))).toEqual([['a', 'b'], ['c']]);
	});

	test.each([
		['this guide', data],
		['the second guide', fixtureData()],
	])('in every scenario of %s, at most one step of a group applies, whatever the answers', (_, guide) => {
		const questions = toRiskModel({ questions: guide.questions, rules: [] }).questions;
		const combinations = [...allAnswerCombinations({ questions }, ['yes', 'no', 'unsure'])];
		for (const sequence of toSequences(guide.scenarios))
			for (const group of stepGroups(sequence.steps))
				for (const answers of combinations) expect(applicableSteps(group, questions, answers).length, `${sequence.id}: ${group.map((s) => s.id)}`).toBeLessThanOrEqual(1);
	});

	test('"otherwise" only where the alternatives cover every answer', () => {
		expect(coversAllAnswers([step('a', ['q', 'no']), step('b', ['q', 'yes'])])).toBe(true);
		expect(coversAllAnswers([step('a', ['q', 'yes']), step('b', ['q', 'no'], ['r', 'yes'])])).toBe(false);
		expect(coversAllAnswers([step('a', ['q', 'yes']), step('b', ['q', 'no'], ['r', 'yes']), step('c', ['q', 'no'], ['r', 'no'])])).toBe(true);
	});
});

describe('splitScenarioProse', () => {
	const h2 = (id: string) => `<div class="sl-heading-wrapper level-h2"><h2 id="${id}">${id}</h2></div>`;

	test('puts the steps after the intro and the first section, before the next', () => {
		const [before, after] = splitScenarioProse(`<p>When</p>${h2('before')}<p>Need</p>${h2('blocked')}<p>Else</p>`);
		expect(before).toBe(`<p>When</p>${h2('before')}<p>Need</p>`);
		expect(after).toBe(`${h2('blocked')}<p>Else</p>`);
	});

	test('works on plain headings, and keeps everything before the steps when there is one section', () => {
		expect(splitScenarioProse('<p>a</p><h2 id="x">x</h2><p>b</p><h2>y</h2>')).toEqual(['<p>a</p><h2 id="x">x</h2><p>b</p>', '<h2>y</h2>']);
		expect(splitScenarioProse('<p>a</p><h2>x</h2><h3>z</h3>')).toEqual(['<p>a</p><h2>x</h2><h3>z</h3>', '']);
	});
});
