/**
 * The risk model's decision logic: from answers to recommendations, each with its reasons.
 * Pure and data-driven: the same module renders the static outcomes at build time and runs
 * in the reader's browser, so the two can never disagree.
 */

export type Answer = 'yes' | 'no' | 'unsure';
/** A kind of attention a tool can draw: an id of content/data/attention.yaml, which the content check validates. */
export type Suspicion = string;
/** Who uses a plan's tools with whom: an id of content/data/roles.yaml. */
export type Between = string;
/** How contact is made: an id of content/data/routes.yaml. */
export type Route = string;
export type Answers = Readonly<Record<string, Answer | undefined>>;

/** The parts of the risk model the logic needs, with references flattened to ids. */
export interface RiskModel {
	/** The routes of contact in the order a plan prefers them (routes.yaml): a plan takes the first one that a rule that fires names. Absent: none, and no plan has a route. */
	routes?: readonly Route[];
	/**
	 * The questions in the order they are asked. A question with `askIf` is asked only when all of
	 * those answers to earlier questions hold; a question not asked has no answer (see effectiveAnswers).
	 */
	questions: readonly { id: string; saferAnswer: 'yes' | 'no'; suspects?: Suspicion; askIf?: readonly Condition[] }[];
	rules: readonly {
		id: string;
		when: readonly Condition[];
		/** The rule does not fire when all of these hold; empty: no exception. */
		unless?: readonly Condition[];
		route?: Route;
		useTools: readonly string[];
		/** Channels to use that are not tools (a meeting in person); absent: none. */
		useChannels?: readonly string[];
		/** Who uses `useTools` with whom; toRiskModel gives a rule without one the default role. */
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
	/** The first of the model's routes, in their order, that a fired rule names. */
	route: Route | undefined;
	/** The scenario to follow: the one of the first fired rule whose route is the outcome's route. */
	scenario: string | undefined;
	/** Questions the reader answered "not sure", which were read as the safer answer. */
	unsure: string[];
}

/** The answer a rule sees to a question that is asked: "not sure" and no answer count as the question's safer answer. */
export function effectiveAnswer(question: RiskModel['questions'][number], given: Answer | undefined): 'yes' | 'no' {
	return given === 'yes' || given === 'no' ? given : question.saferAnswer;
}

/**
 * The answer each question counts as, in question order: for a question that is asked, its
 * effective answer ("not sure" and no answer read as the safer one); for a question not asked,
 * none (undefined), whatever `answers` holds for it. A question is asked when every condition of
 * its `askIf` holds; a condition on a question that is not asked does not hold. So a question not
 * asked is never "not sure", makes no rule, step or situation fire through a condition on it, and
 * lets every "unless" that names it fail.
 */
export function effectiveAnswers(questions: RiskModel['questions'], answers: Answers): Record<string, 'yes' | 'no' | undefined> {
	const effective: Record<string, 'yes' | 'no' | undefined> = {};
	for (const q of questions) effective[q.id] = (q.askIf ?? []).every((c) => effective[c.question] === c.answer) ? effectiveAnswer(q, answers[q.id]) : undefined;
	return effective;
}

/**
 * The answers under which a question is asked, through the questions its `askIf` names and theirs
 * in turn: all must hold (an empty list: always asked). Undefined when the question is never asked:
 * they contradict each other, or name a question not listed before it.
 */
export function askedWhen(questions: RiskModel['questions'], id: string): Condition[] | undefined {
	const index = questions.findIndex((q) => q.id === id);
	const all: Condition[] = [];
	for (const condition of questions[index]?.askIf ?? []) {
		// A condition on a question not listed before this one never holds when this one is reached.
		if (!questions.slice(0, index).some((q) => q.id === condition.question)) return undefined;
		const before = askedWhen(questions, condition.question);
		if (!before) return undefined;
		for (const c of [...before, condition]) {
			const same = all.find((d) => d.question === c.question);
			if (same && same.answer !== c.answer) return undefined;
			if (!same) all.push(c);
		}
	}
	return all;
}

/** Applies the model to the answers. */
export function evaluate(model: RiskModel, answers: Answers): Outcome {
	const effective = effectiveAnswers(model.questions, answers);
	const holds = (c: Condition) => effective[c.question] === c.answer;
	const fired = model.rules
		.filter((rule) => rule.when.every(holds) && !(rule.unless?.length && rule.unless.every(holds)))
		.map((rule) => ({
			rule,
			// The answers that made it fire: its conditions, then the first exception that did not hold
			// because of an answer given (one is enough to keep the rule firing; a question not asked
			// is no answer given).
			reasons: [
				...rule.when.map((c) => ({ question: c.question, given: answers[c.question] ?? 'unsure', readAs: c.answer })),
				...(rule.unless ?? [])
					.filter((c) => !holds(c) && effective[c.question] !== undefined)
					.slice(0, 1)
					.map((c) => ({ question: c.question, given: answers[c.question] ?? 'unsure', readAs: c.answer === 'yes' ? ('no' as const) : ('yes' as const) })),
			],
		}));
	const route = (model.routes ?? []).find((r) => fired.some(({ rule }) => rule.route === r));
	return {
		fired: fired.map(({ rule, reasons }) => ({ rule: rule.id, reasons: reasons as Reason[] })),
		route,
		scenario: fired.find(({ rule }) => rule.scenario && rule.route === route)?.rule.scenario ?? fired.find(({ rule }) => rule.scenario)?.rule.scenario,
		unsure: model.questions.filter((q) => effective[q.id] !== undefined && (answers[q.id] === undefined || answers[q.id] === 'unsure')).map((q) => q.id),
	};
}

/**
 * Every combination of answers a reader can reach, "not sure" included: each question that is
 * asked for the answers before it takes each of `values`; a question not asked has no answer
 * (its id is left out). Without `askIf`, every combination of every question.
 */
export function* allAnswerCombinations(model: Pick<RiskModel, 'questions'>, values: readonly Answer[] = ['yes', 'no', 'unsure']): Generator<Record<string, Answer>> {
	function* from(index: number, answers: Record<string, Answer>): Generator<Record<string, Answer>> {
		const question = model.questions[index];
		if (!question) return yield { ...answers };
		const effective = effectiveAnswers(model.questions.slice(0, index), answers);
		if (!(question.askIf ?? []).every((c) => effective[c.question] === c.answer)) return yield* from(index + 1, answers);
		for (const value of values) yield* from(index + 1, { ...answers, [question.id]: value });
	}
	yield* from(0, {});
}

/** The answers that differ in outcome: every reachable combination of "yes" and "no". */
export const decisiveCombinations = (model: RiskModel) => [...allAnswerCombinations(model, ['yes', 'no'])];

/** A stable key for a combination of effective answers, in question order: "yes-no-no-yes"; a question not asked is "unasked". */
export function answersKey(model: Pick<RiskModel, 'questions'>, answers: Answers): string {
	const effective = effectiveAnswers(model.questions, answers);
	return model.questions.map((q) => effective[q.id] ?? 'unasked').join('-');
}

type Ref = { id: string };

/** Flattens the validated data (references parsed to `{ id }`, as Astro does) into the plain model the logic uses. */
export function toRiskModel(data: {
	questions: readonly { id: string; saferAnswer: 'yes' | 'no'; suspects?: Suspicion | undefined; askIf?: readonly { question: Ref; answer: 'yes' | 'no' }[] }[];
	rules: readonly {
		id: string;
		when: readonly { question: Ref; answer: 'yes' | 'no' }[];
		unless?: readonly { question: Ref; answer: 'yes' | 'no' }[];
		between?: Between;
		option?: boolean;
		route?: Route | undefined;
		useTools: readonly Ref[];
		useChannels?: readonly Ref[];
		practices: readonly Ref[];
		avoidTools: readonly Ref[];
		avoidChannels: readonly Ref[];
		scenario?: Ref | undefined;
	}[];
	/** The routes in the order a plan prefers them, and the roles with the one a rule without `between` takes (routes.yaml, roles.yaml). */
	routes?: readonly Ref[];
	roles?: readonly (Ref & { default?: boolean })[];
}): RiskModel {
	const id = (ref: Ref) => ref.id;
	// The role of a rule that names none (the content check requires one when a rule names none).
	const role = data.roles?.find((r) => r.default)?.id;
	return {
		...(data.routes ? { routes: data.routes.map(id) } : {}),
		questions: data.questions.map((q) => ({
			id: q.id,
			saferAnswer: q.saferAnswer,
			...(q.suspects ? { suspects: q.suspects } : {}),
			...(q.askIf?.length ? { askIf: q.askIf.map((c) => ({ question: id(c.question), answer: c.answer })) } : {}),
		})),
		rules: data.rules.map((r) => ({
			id: r.id,
			when: r.when.map((c) => ({ question: id(c.question), answer: c.answer })),
			unless: (r.unless ?? []).map((c) => ({ question: id(c.question), answer: c.answer })),
			...((r.between ?? role) !== undefined ? { between: r.between ?? role } : {}),
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
