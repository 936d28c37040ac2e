import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/check-content';
import { applicableSteps, checkSequences, toSequences, type Sequence } from '../../src/lib/scenario';
import { copyProject } from '../helpers/project';
import { siteData } from '../helpers/site';

const data = siteData();
const sequences = toSequences(data.scenarios);
const questions = data.questions;
const direct = sequences.find((s) => s.id === 'direct-contact')!;
const ids = (steps: { id: string }[]) => steps.map((s) => s.id);
const all = (answer: 'yes' | 'no') => Object.fromEntries(questions.map((q) => [q.id, answer]));

describe('applicableSteps', () => {
	test('shows every step, every branch, when there are no answers', () => {
		expect(ids(applicableSteps(direct.steps, questions))).toEqual(direct.steps.map((s) => s.id));
	});

	test('keeps the secure-app branch when secure apps are safe, and protects the link when watched', () => {
		const steps = ids(applicableSteps(direct.steps, questions, { ...all('no'), surveilled: 'yes' }));
		expect(steps).toEqual(['first-meeting', 'protect-meeting-link', 'check-participants', 'ongoing-channel', 'compare-safety-numbers', 'coach-devices', 'delete-channels']);
	});

	test('takes the WhatsApp branch when secure apps are risky, and "not sure" counts as risky', () => {
		for (const answer of ['yes', 'unsure'] as const) {
			const steps = ids(applicableSteps(direct.steps, questions, { ...all('no'), 'secure-apps-risky': answer }));
			expect(steps).toContain('ongoing-whatsapp');
			expect(steps).not.toContain('ongoing-channel');
			expect(steps).not.toContain('protect-meeting-link');
			expect(steps.at(-1)).toBe('delete-channels');
		}
	});
});

describe('checkSequences', () => {
	test('finds no problem in the shipped scenarios', () => {
		expect(checkSequences(sequences, questions)).toEqual([]);
	});

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

	test('errors when a scenario with a person has no clean-up, or when no step applies', () => {
		const broken: Sequence = { id: 'x', route: 'partner', steps: [{ id: 'only', kind: 'action', when: [{ question: 'surveilled', answer: 'yes' }] }] };
		expect(checkSequences([broken], questions).map((p) => p.message)).toEqual([
			'the last step "only" applies only for some answers, so other branches have no end',
			'a scenario with a person at risk has no clean-up step',
			'no step applies for the answers surveilled=no, secure-apps-risky=yes, direct-contact-dangerous=yes, anonymity-tools-risky=yes',
		]);
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
