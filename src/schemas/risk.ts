import { z } from 'astro/zod';
import { IdSchema, type RefFactory } from './common.ts';

export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];

/**
 * The kinds of attention a tool can draw are content/data/attention.yaml (src/schemas/vocabulary.ts):
 * a question that `suspects` one of them, answered "yes", puts every tool that `drawsAttention` of
 * that kind on the plan's Avoid list.
 */
export type { Suspicion } from '../plan/risk.ts';

/** Who uses a recommended tool with whom: content/data/roles.yaml. */
export type { Between } from '../plan/risk.ts';

/**
 * A question of the risk assessment. Its wording lives in the text files. Questions are asked in
 * the order of the file; one with `askIf` only when those answers to earlier questions hold.
 */
export const QuestionSchema = (ref: RefFactory) =>
	z.strictObject({
		id: IdSchema(),
		/** The answer that leads to the more careful advice; "not sure" is read as this answer. */
		saferAnswer: z.enum(['yes', 'no']),
		/** Answered "yes", every tool that draws this kind of attention is to be avoided (see `drawsAttention` in tools.yaml). */
		suspects: ref('attention').transform((r) => r.id).optional(),
		/**
		 * Ask this question only when all of these answers to questions listed before it hold (the
		 * content check refuses a later question). A question not asked has no answer: it is never
		 * "not sure", and a condition on it (a rule's, a step's, a situation's) does not hold.
		 */
		askIf: ConditionSchema(ref),
	});

/**
 * Answers a rule or a step depends on: question id to "yes" or "no". All must hold. A condition on
 * a question that was not asked (see `askIf`) does not hold.
 */
export const ConditionSchema = (ref: RefFactory) =>
	z.array(z.strictObject({ question: ref('questions'), answer: z.enum(['yes', 'no']) })).default([]);

/** A rule of the risk model: when its answers hold, it recommends and warns. Its reason lives in the text files. */
export const RuleSchema = (ref: RefFactory) =>
	z.strictObject({
		id: IdSchema(),
		/** Answers that make the rule fire; an empty list fires always. */
		when: ConditionSchema(ref),
		/** Answers that, all together, keep the rule from firing: "fire unless all of these hold". Empty: no exception. */
		unless: ConditionSchema(ref),
		/** How to reach the person, a route of content/data/routes.yaml: directly, or through a partner or host organisation. */
		route: ref('routes').transform((r) => r.id).optional(),
		/** Tools to use. */
		useTools: z.array(ref('tools')).default([]),
		/** Channels to use that are not tools, such as a meeting in person (content/data/channels.yaml); with whom as for `useTools`. */
		useChannels: z.array(ref('channels')).default([]),
		/** Who uses `useTools` with whom, a role of content/data/roles.yaml: your organisation and the person, your organisation and the partner, or the person only if direct contact cannot be avoided. Absent: the default role. */
		between: ref('roles').transform((r) => r.id).optional(),
		/** The rule's text is an option the plan offers ("you can also"), not its main advice. */
		option: z.boolean().default(false),
		/** Practices to follow. */
		practices: z.array(ref('practices')).default([]),
		/** Tools to stay away from. */
		avoidTools: z.array(ref('tools')).default([]),
		/** Channels to stay away from. */
		avoidChannels: z.array(ref('channels')).default([]),
		/** The scenario sequence to follow. */
		scenario: ref('scenarios').optional(),
	});

export type Question = z.output<ReturnType<typeof QuestionSchema>>;
export type Rule = z.output<ReturnType<typeof RuleSchema>>;
