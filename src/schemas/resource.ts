import { z } from 'astro/zod';
import { IdSchema, UrlSchema } from './common';

/** A link to further reading, listed for the languages it is written in. */
export const ResourceSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The resource's own title, as published. */
		title: z.string().min(1),
		url: UrlSchema(),
		/** The subject it is listed under. */
		topic: z.enum(['digital-security', 'holistic-security', 'messenger-comparison', 'country-risk']),
		/** Language codes of the guide under which it is listed. */
		listedFor: z.array(z.string().min(2)).min(1),
		/** Language the resource itself is written in, when it differs from the language it is listed for. */
		writtenIn: z.string().min(2).optional(),
	});

export type Resource = z.output<ReturnType<typeof ResourceSchema>>;
