import { z } from 'astro/zod';
import { PastDateSchema, type RefFactory } from './common.ts';

/** A reference read as its id alone, where no other collection is loaded to check it against (the build's own reading of the languages). */
const idRef: RefFactory = (collection) => z.string().transform((id) => ({ id, collection }));

/** One language the guide is published in. Adding one is an entry here plus its content. */
export const LanguageSchema = (ref: RefFactory = idRef) =>
	z.strictObject({
		/** Short code used in URLs and file names, such as `en` or `ar`. */
		id: z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?$/, { error: 'must be a language code such as "en" or "ar"' }),
		/** BCP-47 tag written to `<html lang>`, such as `en` or `pt-BR`. */
		lang: z.string().min(2),
		/** The language's own name, shown in the language picker: "Español", "العربية". */
		label: z.string().min(1),
		/** Writing direction. */
		dir: z.enum(['ltr', 'rtl']).default('ltr'),
		/** Where the quick-exit button leads: an ordinary site that draws no attention, in this language. */
		quickExit: z.string().regex(/^https:\/\/[^\s]+$/, { error: 'must be a full address starting with https://' }),
		/**
		 * The day a fluent speaker last read this language's interface strings (content/i18n/<id>.json)
		 * and data texts (content/text/<id>.yaml) against the source language's, as YYYY-MM-DD. Until then,
		 * what is built from them (the handout, for one) tells readers the translation is not reviewed.
		 */
		fluentReview: PastDateSchema().optional(),
		/**
		 * Keys of content/i18n/<id>.json or content/text/<id>.yaml whose translation is rightly the
		 * same as the source's (Spanish "No", French "Messages"): `npm run i18n:status` stops listing them.
		 */
		sameAsSource: z.array(z.string().min(1)).default([]),
		/**
		 * The fonts its PDFs are printed in, ids of content/data/print-fonts.yaml. Together they must
		 * have every letter of `letters`.
		 */
		printFonts: z.array(ref('print-fonts').transform((r) => r.id)).min(1),
		/** The letters the language is written with, or a sample of them (the ones a font is most likely to lack): the content check makes sure its print fonts have each. */
		letters: z.string().min(1),
	});

export const LanguagesSchema = (ref?: RefFactory) => z.array(LanguageSchema(ref)).min(1);

export type Language = z.output<ReturnType<typeof LanguageSchema>>;
