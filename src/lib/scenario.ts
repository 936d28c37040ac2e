/**
 * Scenario logic: which steps apply for given risk answers, and the checks every scenario must
 * pass. Pure, shared by the build, the static pages and the sequencer in the browser.
 */
import { allAnswerCombinations, effectiveAnswer, type Answers, type RiskModel } from './risk';

export interface SequenceStep {
	id: string;
	kind: 'action' | 'verify' | 'cleanup';
	when: readonly { question: string; answer: 'yes' | 'no' }[];
}

export interface Sequence {
	id: string;
	route: 'direct' | 'partner' | 'organisation';
	steps: readonly SequenceStep[];
}

/** Does a step apply for these answers? Without answers every step applies: all branches are shown. */
export function stepApplies(step: SequenceStep, questions: RiskModel['questions'], answers?: Answers): boolean {
	if (!answers) return true;
	return step.when.every((c) => {
		const question = questions.find((q) => q.id === c.question);
		return question !== undefined && effectiveAnswer(question, answers[c.question]) === c.answer;
	});
}

/** The steps that apply for these answers, in order. */
export function applicableSteps<S extends SequenceStep>(steps: readonly S[], questions: RiskModel['questions'], answers?: Answers): S[] {
	return steps.filter((step) => stepApplies(step, questions, answers));
}

export interface SequenceProblem {
	scenario: string;
	field: string;
	message: string;
	fix: string;
}

/**
 * Checks that every branch of every scenario ends: for every combination of answers at least one
 * step applies, the last step applies whatever the answers, and a scenario with a person ends
 * with a clean-up.
 */
export function checkSequences(sequences: readonly Sequence[], questions: RiskModel['questions']): SequenceProblem[] {
	const problems: SequenceProblem[] = [];
	const combinations = [...allAnswerCombinations({ questions, rules: [] }, ['yes', 'no'])];
	for (const sequence of sequences) {
		const last = sequence.steps.at(-1);
		if (last && last.when.length > 0)
			problems.push({
				scenario: sequence.id,
				field: `steps[${sequence.steps.length - 1}].when`,
				message: `the last step "${last.id}" applies only for some answers, so other branches have no end`,
				fix: 'end the scenario with a step that has no "when", or move this step before it.',
			});
		if (sequence.route !== 'organisation' && !sequence.steps.some((s) => s.kind === 'cleanup'))
			problems.push({
				scenario: sequence.id,
				field: 'steps',
				message: 'a scenario with a person at risk has no clean-up step',
				fix: 'add a step with "kind: cleanup" that deletes the channels on both sides.',
			});
		for (const answers of combinations)
			if (applicableSteps(sequence.steps, questions, answers).length === 0) {
				problems.push({
					scenario: sequence.id,
					field: 'steps',
					message: `no step applies for the answers ${questions.map((q) => `${q.id}=${answers[q.id]}`).join(', ')}`,
					fix: 'add a step without "when", or loosen a condition.',
				});
				break;
			}
	}
	return problems;
}

/** Flattens validated scenarios (references parsed to `{ id }`) for the logic. */
export function toSequences(scenarios: readonly { id: string; route: Sequence['route']; steps: readonly { id: string; kind: SequenceStep['kind']; when: readonly { question: { id: string }; answer: 'yes' | 'no' }[] }[] }[]): Sequence[] {
	return scenarios.map((s) => ({
		id: s.id,
		route: s.route,
		steps: s.steps.map((step) => ({ id: step.id, kind: step.kind, when: step.when.map((c) => ({ question: c.question.id, answer: c.answer })) })),
	}));
}
