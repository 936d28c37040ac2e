import { z } from 'astro/zod';
import { PastDateSchema, type RefFactory } from './common.ts';
import { contentDir } from '../check/sources.ts';

/** Markup in a text: a tag (`<meta`, `</title`, `<!--`) or a character reference (`&#60;`, `&lt;`). */
const MARKUP = /<\s*[a-zA-Z/!?]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/**
 * A text shown as text, such as a page's title or description. It reaches the page's <title>, its
 * meta tags, the sidebar and the search index; markup in it ("x</title><meta …>") is refused.
 */
export const PlainTextSchema = () =>
	z.string({ error: 'must be text' }).refine((text) => !MARKUP.test(text), {
		error: (issue) => `must be plain text, without markup: "${MARKUP.exec(String(issue.input))?.[0]}" is markup`,
	});

/**
 * The frontmatter keys a page of the guide may have, and nothing else: those of this schema, and
 * two of Starlight's that only choose a layout (`template`, `tableOfContents`). A page's frontmatter
 * is data: Starlight's keys that write HTML or links into the page are refused (REFUSED_PAGE_KEYS).
 */
export const STARLIGHT_PAGE_KEYS = ['template', 'tableOfContents'] as const;

/** Starlight keys a page may not use, with the reason given to the editor. */
export const REFUSED_PAGE_KEYS: Readonly<Record<string, string>> = {
	head: 'it writes elements into the page’s head, such as a redirection to another site',
	banner: 'its content is written into the page as HTML',
	hero: 'its texts are written into the page as HTML',
	prev: 'the links between pages are the generator’s',
	next: 'the links between pages are the generator’s',
	editUrl: 'the page has no edit link',
	get sidebar() {
		return `the sidebar is written from ${contentDir()}/data, the same in every language`;
	},
	pagefind: 'every page of the guide is in its search',
	draft: 'a page is published or not there',
	lastUpdated: 'the page shows its "reviewed" date',
};

const refused = (key: string) => z.undefined({ error: () => `"${key}" is not allowed in a page: ${REFUSED_PAGE_KEYS[key]}` }).optional();

/**
 * Frontmatter that every guide page carries, on top of Starlight's own fields. Strict: a key that
 * is not known is an error, not silently dropped. Starlight's docs schema is extended with it
 * (src/content.config.ts) and pages made by the generator (<StarlightPage>) are checked against
 * the same schema, which therefore still takes the `head`, `pagefind`, `tableOfContents` and
 * `sidebar.hidden` those pages set; the content check refuses them in content pages.
 * Prose lives in the page; facts are rendered from the data it names.
 */
export const PageFrontmatterSchema = (ref: RefFactory) =>
	z.strictObject({
		/** The page's title: plain text. */
		title: PlainTextSchema().min(1, { error: 'must not be empty' }),
		/** One or two sentences saying what the page is about: plain text. */
		description: PlainTextSchema().optional(),
		/** The address below the language, when it is not the file's path; see src/check/check-pages.ts. */
		slug: z.string().optional(),
		/** Day the advice on this page was last checked by an editor, written as YYYY-MM-DD. Shown on the page. */
		reviewed: PastDateSchema(),
		/**
		 * In a translation: a hash of the source-language page it was translated from, written by
		 * `npm run i18n:mark`. When the source page changes, readers are told the translation is behind.
		 */
		sourceHash: z.string().regex(/^[0-9a-f]{12}$/, { error: 'must be the 12-character hash written by npx playbook i18n-mark' }).optional(),
		/**
		 * In a translation: the day a fluent speaker of the language last read the whole translation
		 * against the source and corrected it, as YYYY-MM-DD. `npm run i18n:status` counts the pages
		 * without one.
		 */
		fluentReview: PastDateSchema().optional(),
		/** Tools this page talks about; each is listed with a link to its page. */
		tools: z.array(ref('tools')).default([]),
		// Starlight's keys that write HTML or links: none from any page. A generator page's head holds
		// its title, robots line and print style only (src/routes/[lang]/handout.astro, card.astro); the
		// content check refuses "head" in every content page, and the output check accepts a style
		// element on those two print pages only.
		head: z
			.array(
				z.union([
					z.strictObject({ tag: z.literal('title'), content: PlainTextSchema() }),
					z.strictObject({ tag: z.literal('meta'), attrs: z.strictObject({ name: z.literal('robots'), content: z.string() }) }),
					z.strictObject({ tag: z.literal('style'), content: z.string() }),
				]),
				{ error: `"head" is not allowed in a page: ${REFUSED_PAGE_KEYS.head}` },
			)
			.default([]),
		banner: refused('banner'),
		hero: refused('hero'),
		prev: refused('prev'),
		next: refused('next'),
		editUrl: refused('editUrl'),
		sidebar: z.strictObject({ attrs: refused('sidebar'), badge: refused('sidebar') }).prefault({}),
	});

/** The keys a content page may have, in the order an editor would expect them. */
export const PAGE_KEYS = ['title', 'description', 'reviewed', 'sourceHash', 'fluentReview', 'tools', 'slug', ...STARLIGHT_PAGE_KEYS] as const;

export type PageFrontmatter = z.output<ReturnType<typeof PageFrontmatterSchema>>;
