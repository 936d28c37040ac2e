import { z } from 'astro/zod';
import { IdSchema, type RefFactory } from './common.ts';
import { ConditionSchema } from './risk.ts';

/** One step of a scenario. Its instructions live in the text files under `step.<scenario>.<step>`. */
export const StepSchema = (ref: RefFactory) =>
	z.strictObject({
		id: IdSchema(),
		/** What sort of step: do something, check who is there, or clean up. */
		kind: z.enum(['action', 'verify', 'cleanup']).default('action'),
		/** Tools used in this step. */
		tools: z.array(ref('tools')).default([]),
		/** Practices this step applies. */
		practices: z.array(ref('practices')).default([]),
		/** Tools the other person must already have for this step. */
		needs: z.array(ref('tools')).default([]),
		/** Tools to use instead when the step's tools are blocked or unsafe. */
		fallback: z.array(ref('tools')).default([]),
		/** Answers of the risk assessment for which this step applies; empty means always. */
		when: ConditionSchema(ref),
	});

/** A scenario: an ordered sequence of steps. Its title and steps' text live in the text files. */
export const ScenarioSchema = (ref: RefFactory) =>
	z
		.strictObject({
			id: IdSchema(),
			/** How the contact is made: a route of content/data/routes.yaml. */
			route: ref('routes').transform((r) => r.id),
			steps: z.array(StepSchema(ref)).min(1, { error: 'a scenario needs at least one step' }),
		})
		.superRefine((scenario, ctx) => {
			const seen = new Set<string>();
			scenario.steps.forEach((step, index) => {
				if (seen.has(step.id))
					ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `step id "${step.id}" is used twice in this scenario; give each step its own id` });
				seen.add(step.id);
			});
		});

export type Scenario = z.output<ReturnType<typeof ScenarioSchema>>;
export type Step = z.output<ReturnType<typeof StepSchema>>;
