/**
 * Scenario logic: which steps apply for given risk answers, and the checks every scenario must
 * pass. Pure, shared by the build, the static pages and the sequencer in the browser.
 */
import { allAnswerCombinations, effectiveAnswers, type Answers, type RiskModel, type Route } from './risk';

export interface SequenceStep {
	id: string;
	kind: 'action' | 'verify' | 'cleanup';
	when: readonly { question: string; answer: 'yes' | 'no' }[];
}

export interface Sequence {
	id: string;
	route: Route;
	steps: readonly SequenceStep[];
}

/**
 * Does a step apply for these answers? Without answers every step applies: all branches are shown.
 * A condition on a question that is not asked for these answers does not hold.
 */
export function stepApplies(step: SequenceStep, questions: RiskModel['questions'], answers?: Answers): boolean {
	if (!answers) return true;
	const effective = effectiveAnswers(questions, answers);
	return step.when.every((c) => effective[c.question] === c.answer);
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
 * Checks that every branch of every scenario ends: for every combination of answers a reader can reach at least one
 * step applies, the last step applies whatever the answers, and a scenario whose route reaches a
 * person at risk (`reachesPerson` of content/data/routes.yaml; a route not in `routes` does) has a
 * clean-up step.
 */
export function checkSequences(sequences: readonly Sequence[], questions: RiskModel['questions'], routes: readonly { id: Route; reachesPerson?: boolean }[] = []): SequenceProblem[] {
	const problems: SequenceProblem[] = [];
	const combinations = [...allAnswerCombinations({ questions }, ['yes', 'no'])];
	for (const sequence of sequences) {
		const last = sequence.steps.at(-1);
		if (last && last.when.length > 0)
			problems.push({
				scenario: sequence.id,
				field: `steps[${sequence.steps.length - 1}].when`,
				message: `the last step "${last.id}" applies only for some answers, so other branches have no end`,
				fix: 'end the scenario with a step that has no "when", or move this step before it.',
			});
		if (routes.find((r) => r.id === sequence.route)?.reachesPerson !== false && !sequence.steps.some((s) => s.kind === 'cleanup'))
			problems.push({
				scenario: sequence.id,
				field: 'steps',
				message: `the route "${sequence.route}" reaches a person at risk, and the scenario has no step that cleans up`,
				fix: 'add a step with "kind: cleanup" that deletes the channels on both sides.',
			});
		for (const answers of combinations)
			if (applicableSteps(sequence.steps, questions, answers).length === 0) {
				problems.push({
					scenario: sequence.id,
					field: 'steps',
					message: `no step applies for the answers ${questions.filter((q) => answers[q.id] !== undefined).map((q) => `${q.id}=${answers[q.id]}`).join(', ')}`,
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

type Condition = SequenceStep['when'][number];

/** Can two steps never apply together: is there a question on which their conditions want different answers? */
export function exclusive(a: { when: readonly Condition[] }, b: { when: readonly Condition[] }): boolean {
	return a.when.some((c) => b.when.some((d) => d.question === c.question && d.answer !== c.answer));
}

/**
 * A scenario's steps as the reader counts them: adjacent steps of which at most one ever applies
 * (one for "secure apps risky: no", the next for "yes") are alternatives, shown as one step with a
 * choice; every other step is a group of its own. Each step joins the group before it when it
 * excludes every step already in it. Derived from the data, so the scenarios keep one list of steps.
 */
export function stepGroups<S extends { when: readonly Condition[] }>(steps: readonly S[]): S[][] {
	const groups: S[][] = [];
	for (const step of steps) {
		const last = groups.at(-1);
		if (last && step.when.length > 0 && last.every((other) => other.when.length > 0 && exclusive(other, step))) last.push(step);
		else groups.push([step]);
	}
	return groups;
}

/**
 * Does one of a group's alternatives apply whatever the answers? Then its last choice can read
 * "otherwise" instead of repeating the opposite answers. Tries every answer to the questions the
 * group depends on.
 */
export function coversAllAnswers(group: readonly { when: readonly Condition[] }[]): boolean {
	const questions = [...new Set(group.flatMap((step) => step.when.map((c) => c.question)))];
	let combinations: Record<string, 'yes' | 'no'>[] = [{}];
	for (const q of questions) combinations = combinations.flatMap((c) => [{ ...c, [q]: 'yes' as const }, { ...c, [q]: 'no' as const }]);
	return combinations.every((answers) => group.some((step) => step.when.every((c) => answers[c.question] === c.answer)));
}

/**
 * Splits a scenario page's rendered prose where its steps go: after the text that says when to use
 * them and the first section (what to have ready before you start), before the next second-level
 * section (what to do if a tool is blocked). Prose with one section or none keeps the steps after it.
 */
export function splitScenarioProse(html: string): [before: string, after: string] {
	const wrapped = [...html.matchAll(/<div class="sl-heading-wrapper level-h2"/g)];
	const sections = wrapped.length > 0 ? wrapped : [...html.matchAll(/<h2[\s>]/g)];
	const at = sections[1]?.index;
	return at === undefined ? [html, ''] : [html.slice(0, at), html.slice(at)];
}
