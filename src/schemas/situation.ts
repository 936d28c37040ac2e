import { z } from 'astro/zod';
import { IdSchema, type RefFactory } from './common.ts';
import { ConditionSchema } from './risk.ts';

/**
 * A situation of the source guide, written as a check on the risk plan: for every combination
 * of answers for which `when` holds, the plan resolved from the rules must meet `expect`.
 */
export const SituationSchema = (ref: RefFactory) =>
	z.strictObject({
		id: IdSchema(),
		/** Where the source guide says so, in a sentence, for the editor who reads the check's message. */
		source: z.string().min(1),
		/** Answers for which the situation applies; all must hold. */
		when: ConditionSchema(ref),
		/** What every plan for these answers must hold. */
		expect: z.strictObject({
			/** The route the plan must take: a route of content/data/routes.yaml. */
			route: ref('routes').transform((r) => r.id).optional(),
			/** Tools that must be on the Use list. */
			use: z.array(ref('tools')).default([]),
			/** Channels that are not tools (a meeting in person) that must be on the Use list. */
			useChannels: z.array(ref('channels')).default([]),
			/** Tools that must be on the Avoid list. */
			avoid: z.array(ref('tools')).default([]),
			/** Channels that must be on the Avoid list. */
			avoidChannels: z.array(ref('channels')).default([]),
			/** Rules whose option must be offered. */
			offers: z.array(ref('rules')).default([]),
		}),
	});

export type Situation = z.output<ReturnType<typeof SituationSchema>>;
