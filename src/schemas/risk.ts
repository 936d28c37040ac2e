import { z } from 'astro/zod';
import { IdSchema, type RefFactory } from './common';

export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];

/** A question of the risk assessment. Its wording lives in the text files. */
export const QuestionSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The answer that leads to the more careful advice; "not sure" is read as this answer. */
		saferAnswer: z.enum(['yes', 'no']),
	});

/** Answers a rule or a step depends on: question id to "yes" or "no". All must hold. */
export const ConditionSchema = (ref: RefFactory) =>
	z.array(z.strictObject({ question: ref('questions'), answer: z.enum(['yes', 'no']) })).default([]);

/** A rule of the risk model: when its answers hold, it recommends and warns. Its reason lives in the text files. */
export const RuleSchema = (ref: RefFactory) =>
	z.strictObject({
		id: IdSchema(),
		/** Answers that make the rule fire; an empty list fires always. */
		when: ConditionSchema(ref),
		/** How to reach the person: directly, or through a partner or host organisation. */
		route: z.enum(['direct', 'partner']).optional(),
		/** Tools to use. */
		useTools: z.array(ref('tools')).default([]),
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
