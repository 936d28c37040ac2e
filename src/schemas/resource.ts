import { z } from 'astro/zod';
import { IdSchema, UrlSchema, type RefFactory } from './common.ts';

/** A link to further reading, listed for the languages it is written in. */
export const ResourceSchema = (ref: RefFactory) =>
	z.strictObject({
		id: IdSchema(),
		/** The resource's own title, as published. */
		title: z.string().min(1),
		url: UrlSchema(),
		/** The subject it is listed under: an id of content/data/resource-topics.yaml. */
		topic: ref('resource-topics').transform((r) => r.id),
		/** Language codes of the guide under which it is listed. */
		listedFor: z.array(z.string().min(2)).min(1),
		/**
		 * Language the resource itself is written in (the code of its edition, such as "en"). Where it
		 * is listed for another language, the list says so to the reader, such as "(in English)".
		 * A resource with an edition in the reader's language is listed once per edition.
		 */
		writtenIn: z.string().min(2),
	});

export type Resource = z.output<ReturnType<typeof ResourceSchema>>;
