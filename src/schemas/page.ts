import { z } from 'astro/zod';
import { PastDateSchema, type RefFactory } from './common';

/**
 * Frontmatter that every guide page carries on top of Starlight's own fields.
 * Prose lives in the page; facts are rendered from the data it names.
 */
export const PageFrontmatterSchema = (ref: RefFactory) =>
	z.object({
		/** Day the advice on this page was last checked by an editor, written as YYYY-MM-DD. Shown on the page. */
		reviewed: PastDateSchema(),
		/**
		 * In a translation: a hash of the source-language page it was translated from, written by
		 * `npm run i18n:mark`. When the source page changes, readers are told the translation is behind.
		 */
		sourceHash: z.string().regex(/^[0-9a-f]{12}$/, { error: 'must be the 12-character hash written by npm run i18n:mark' }).optional(),
		/**
		 * In a translation: the day a fluent speaker of the language last read the whole translation
		 * against the source and corrected it, as YYYY-MM-DD. `npm run i18n:status` counts the pages
		 * without one.
		 */
		fluentReview: PastDateSchema().optional(),
		/** Tools this page talks about; each is listed with a link to its page. */
		tools: z.array(ref('tools')).default([]),
	});

export type PageFrontmatter = z.output<ReturnType<typeof PageFrontmatterSchema>>;
