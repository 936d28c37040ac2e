import { z } from 'astro/zod';
import { DateSchema, type RefFactory } from './common';

/**
 * Frontmatter that every guide page carries on top of Starlight's own fields.
 * Prose lives in the page; facts are rendered from the data it names.
 */
export const PageFrontmatterSchema = (ref: RefFactory) =>
	z.object({
		/** Day the advice on this page was last checked by an editor, written as YYYY-MM-DD. Shown on the page. */
		reviewed: DateSchema(),
		/** Tools this page talks about; each is listed with a link to its page. */
		tools: z.array(ref('tools')).default([]),
	});

export type PageFrontmatter = z.output<ReturnType<typeof PageFrontmatterSchema>>;
