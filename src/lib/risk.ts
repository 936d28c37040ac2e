/**
 * The risk model's decision logic: from answers to recommendations, each with its reasons.
 * Pure and data-driven: the same module renders the static outcomes at build time and runs
 * in the reader's browser, so the two can never disagree.
 */

export type Answer = 'yes' | 'no' | 'unsure';
export type Suspicion = 'encrypted-apps' | 'anonymity-tools';
export type Between = 'person' | 'partner' | 'person-if-unavoidable';
export type Answers = Readonly<Record<string, Answer | undefined>>;

/** The parts of the risk model the logic needs, with references flattened to ids. */
export interface RiskModel {
	questions: readonly { id: string; saferAnswer: 'yes' | 'no'; suspects?: Suspicion }[];
	rules: readonly {
		id: string;
		when: readonly Condition[];
		/** The rule does not fire when all of these hold; empty: no exception. */
		unless?: readonly Condition[];
		route?: 'direct' | 'partner';
		useTools: readonly string[];
		/** Channels to use that are not tools (a meeting in person); absent: none. */
		useChannels?: readonly string[];
		/** Who uses `useTools` with whom; "person" when absent. */
		between?: Between;
		/** The rule's text is an option the plan offers, not its main advice. */
		option?: boolean;
		practices: readonly string[];
		avoidTools: readonly string[];
		avoidChannels: readonly string[];
		scenario?: string;
	}[];
}

export interface Condition {
	question: string;
	answer: 'yes' | 'no';
}

/** Why a rule fired: the answers it depended on, as given by the reader. */
export interface Reason {
	question: string;
	/** The answer the reader gave. */
	given: Answer;
	/** The answer the rule needed; differs from `given` when "not sure" was read as the safer answer. */
	readAs: 'yes' | 'no';
}

export interface Outcome {
	/** Rules that fired, in model order, each with the answers that made it fire. */
	fired: { rule: string; reasons: Reason[] }[];
	/** Partner wins over direct when any fired rule asks for it. */
	route: 'direct' | 'partner' | undefined;
	/** The scenario to follow: the one of the first fired rule whose route is the outcome's route. */
	scenario: string | undefined;
	/** Questions the reader answered "not sure", which were read as the safer answer. */
	unsure: string[];
}

/** The answer a rule sees: "not sure" and no answer count as the question's safer answer. */
export function effectiveAnswer(question: RiskModel['questions'][number], given: Answer | undefined): 'yes' | 'no' {
	return given === 'yes' || given === 'no' ? given : question.saferAnswer;
}

/** Applies the model to the answers. */
export function evaluate(model: RiskModel, answers: Answers): Outcome {
	const questions = new Map(model.questions.map((q) => [q.id, q]));
	const holds = (c: Condition) => effectiveAnswer(questions.get(c.question)!, answers[c.question]) === c.answer;
	const fired = model.rules
		.filter((rule) => rule.when.every(holds) && !(rule.unless?.length && rule.unless.every(holds)))
		.map((rule) => ({
			rule,
			// The answers that made it fire: its conditions, then the exceptions that did not hold.
			reasons: [
				...rule.when.map((c) => ({ question: c.question, given: answers[c.question] ?? 'unsure', readAs: c.answer })),
				...(rule.unless ?? []).filter((c) => !holds(c)).map((c) => ({ question: c.question, given: answers[c.question] ?? 'unsure', readAs: c.answer === 'yes' ? ('no' as const) : ('yes' as const) })),
			],
		}));
	const route = fired.some(({ rule }) => rule.route === 'partner') ? 'partner' : fired.some(({ rule }) => rule.route === 'direct') ? 'direct' : undefined;
	return {
		fired: fired.map(({ rule, reasons }) => ({ rule: rule.id, reasons: reasons as Reason[] })),
		route,
		scenario: fired.find(({ rule }) => rule.scenario && rule.route === route)?.rule.scenario ?? fired.find(({ rule }) => rule.scenario)?.rule.scenario,
		unsure: model.questions.filter((q) => answers[q.id] === undefined || answers[q.id] === 'unsure').map((q) => q.id),
	};
}

/** Every combination of answers to the model's questions, "not sure" included. */
export function* allAnswerCombinations(model: RiskModel, values: readonly Answer[] = ['yes', 'no', 'unsure']): Generator<Record<string, Answer>> {
	const ids = model.questions.map((q) => q.id);
	const total = values.length ** ids.length;
	for (let n = 0; n < total; n++) {
		const answers: Record<string, Answer> = {};
		let rest = n;
		for (const id of ids) {
			answers[id] = values[rest % values.length]!;
			rest = Math.floor(rest / values.length);
		}
		yield answers;
	}
}

/** The answers that differ in outcome: every combination of "yes" and "no". */
export const decisiveCombinations = (model: RiskModel) => [...allAnswerCombinations(model, ['yes', 'no'])];

/** A stable key for a combination of effective answers, in question order: "yes-no-no-yes". */
export function answersKey(model: RiskModel, answers: Answers): string {
	return model.questions.map((q) => effectiveAnswer(q, answers[q.id])).join('-');
}

type Ref = { id: string };

/** Flattens the validated data (references parsed to `{ id }`, as Astro does) into the plain model the logic uses. */
export function toRiskModel(data: {
	questions: readonly { id: string; saferAnswer: 'yes' | 'no'; suspects?: Suspicion | undefined }[];
	rules: readonly {
		id: string;
		when: readonly { question: Ref; answer: 'yes' | 'no' }[];
		unless?: readonly { question: Ref; answer: 'yes' | 'no' }[];
		between?: Between;
		option?: boolean;
		route?: 'direct' | 'partner' | undefined;
		useTools: readonly Ref[];
		useChannels?: readonly Ref[];
		practices: readonly Ref[];
		avoidTools: readonly Ref[];
		avoidChannels: readonly Ref[];
		scenario?: Ref | undefined;
	}[];
}): RiskModel {
	const id = (ref: Ref) => ref.id;
	return {
		questions: data.questions.map((q) => ({ id: q.id, saferAnswer: q.saferAnswer, ...(q.suspects ? { suspects: q.suspects } : {}) })),
		rules: data.rules.map((r) => ({
			id: r.id,
			when: r.when.map((c) => ({ question: id(c.question), answer: c.answer })),
			unless: (r.unless ?? []).map((c) => ({ question: id(c.question), answer: c.answer })),
			between: r.between ?? 'person',
			option: r.option ?? false,
			...(r.route ? { route: r.route } : {}),
			useTools: r.useTools.map(id),
			useChannels: (r.useChannels ?? []).map(id),
			practices: r.practices.map(id),
			avoidTools: r.avoidTools.map(id),
			avoidChannels: r.avoidChannels.map(id),
			...(r.scenario ? { scenario: id(r.scenario) } : {}),
		})),
	};
}
