/**
 * This guide's advice on the steps of its scenarios: which branch a reader's answers take. How
 * steps are picked, on any scenario, is tested in tests/unit/scenario.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { applicableSteps, toSequences } from '../../src/plan/scenario';
import { toRiskModel } from '../../src/plan/risk';
import { siteData } from '../helpers/site';

const data = siteData();
const questions = toRiskModel({ questions: data.questions, rules: [] }).questions;
const direct = toSequences(data.scenarios).find((s) => s.id === 'direct-contact')!;
const ids = (steps: { id: string }[]) => steps.map((s) => s.id);
const all = (answer: 'yes' | 'no') => Object.fromEntries(questions.map((q) => [q.id, answer]));

describe('direct contact', () => {
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
