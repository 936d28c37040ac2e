import { z } from 'astro/zod';
import { IdSchema, type RefFactory } from './common.ts';

/** A group of good practices, such as "devices" or "email". Its name lives in the text files. */
export const CategorySchema = () => z.strictObject({ id: IdSchema() });

/** One entry of the fixed list of threats that tools and practices address. */
export const ThreatSchema = () => z.strictObject({ id: IdSchema() });

/** A good practice. Its explanation is a page per language at `practices/<id>`. */
export const PracticeSchema = (ref: RefFactory) =>
	z.strictObject({
		id: IdSchema(),
		/** The group it is listed under. */
		category: ref('categories'),
		/** The threats it addresses. */
		addresses: z.array(ref('threats')).min(1),
		/** Tools that help to follow it. */
		tools: z.array(ref('tools')).default([]),
	});

export type Practice = z.output<ReturnType<typeof PracticeSchema>>;
