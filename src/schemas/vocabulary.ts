import { z } from 'astro/zod';
import { IdSchema } from './common.ts';

/*
 * The guide's own vocabulary: lists of values that other entries name by id (a tool's kind, its
 * use cases, a resource's topic), each in its file of content/data/, so that a guide names its
 * own. Their names for readers are interface strings, required in every content/i18n/<lang>.json
 * (`labels` in src/schemas/collections.ts).
 */

/** A kind of tool (a tool's `kind`): its name is "kind.<id>" in content/i18n/<lang>.json. */
export const ToolKindSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/**
		 * Tools of this kind carry what people say to each other (a messenger, email, a meeting tool),
		 * rather than carrying other tools' traffic (a browser, a system). The tools comparison lists
		 * these; a plan that prescribes a tool that only carries other tools' traffic must name one of these.
		 */
		carriesMessages: z.boolean().default(false),
	});

/** What people use a tool for (a tool's `useCases`): its name is "useCase.<id>" in content/i18n/<lang>.json. */
export const UseCaseSchema = () => z.strictObject({ id: IdSchema() });

/** A subject that further resources are listed under (a resource's `topic`); the resources page gives each its heading. */
export const ResourceTopicSchema = () => z.strictObject({ id: IdSchema() });

export type ToolKind = z.output<ReturnType<typeof ToolKindSchema>>;

/** A page's slug below its language folder of content/docs, such as `about`, `guides/first-steps` or `index`. */
const SlugSchema = () => z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/, { error: 'must be a page’s path below its language folder, without extension, such as "about" or "guides/first-steps"' });

/**
 * A group of the sidebar, in the order of content/data/sidebar.yaml. Its name is "nav.<id>" in
 * content/i18n/<lang>.json. It lists its `pages`, then the page of every entry of `entries`.
 */
export const SidebarGroupSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** Pages listed first, by slug (content/docs/<lang>/<slug>.mdx). */
		pages: z.array(SlugSchema()).default([]),
		/** A collection whose entries each have a page, such as "tools" (content/docs/<lang>/tools/<id>.mdx): each is listed, in the order of its file. */
		entries: z.string().optional(),
		/**
		 * A field of those entries that names an entry of another collection, such as a practice's
		 * "category": the entries are then listed in one subgroup per entry of that collection, in its
		 * order, named by its text in content/text/<lang>.yaml ("category.<id>").
		 */
		groupBy: z.string().optional(),
	});

export type SidebarGroup = z.output<ReturnType<typeof SidebarGroupSchema>>;

/** Where the printouts print a page of the guide (`card` and `handout` of content/data/printed-pages.yaml). */
export const CARD_PLACES = ['questions', 'closing'] as const;
export const HANDOUT_PLACES = ['first', 'last'] as const;

/**
 * A page of the guide that the quick card or the handout prints. Each place below is held by one
 * page; the content check says which is missing.
 */
export const PrintedPageSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The page, by its path below its language folder of content/docs, without extension. */
		page: SlugSchema(),
		/** Where the quick card prints it: "questions", its description heads the risk questions; "closing", printed whole at the end. */
		card: z.enum(CARD_PLACES).optional(),
		/** Where the handout prints it: "first", before the plans (its review date is also the quick card's); "last", after the scenarios. */
		handout: z.enum(HANDOUT_PLACES).optional(),
	});

export type PrintedPage = z.output<ReturnType<typeof PrintedPageSchema>>;

/** The page printed at a place of the quick card or the handout, from the entries of content/data/printed-pages.yaml (the content check makes sure there is one). */
export function printedPage(entries: readonly { data: PrintedPage }[], printout: 'card', place: (typeof CARD_PLACES)[number]): string;
export function printedPage(entries: readonly { data: PrintedPage }[], printout: 'handout', place: (typeof HANDOUT_PLACES)[number]): string;
export function printedPage(entries: readonly { data: PrintedPage }[], printout: 'card' | 'handout', place: string): string {
	const page = entries.find((e) => e.data[printout] === place)?.data.page;
	if (page === undefined) throw new Error(`no page of content/data/printed-pages.yaml has ${printout}: ${place}; add "${printout}: ${place}" to the page the ${printout === 'card' ? 'quick card' : 'handout'} prints there`);
	return page;
}

/** What the generator does with a page of the guide (`role` of content/data/page-roles.yaml). */
export const PAGE_ROLES = ['download-list', 'translation-help'] as const;

export type PageRole = (typeof PAGE_ROLES)[number];

/**
 * A page of the guide that the generator itself writes into or links to, by its role. Each role is
 * held by one page at most (the content check says which are more); a role no page holds is left out.
 */
export const PageRoleSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The page, by its path below its language folder of content/docs, without extension. */
		page: SlugSchema(),
		/**
		 * "download-list": the page that lists the downloads (<DownloadList />); the checksums stage
		 * writes each file's size and checksum and the build date into it, in every language, and the
		 * signatures stage shows its line about signatures. "translation-help": the page on how to
		 * help translate, which the notice on a page whose translation is not reviewed links to.
		 */
		role: z.enum(PAGE_ROLES),
	});

export type PageRoleEntry = z.output<ReturnType<typeof PageRoleSchema>>;

/** The page that holds a role, from the entries of content/data/page-roles.yaml, or undefined when no page does. */
export function rolePage(entries: readonly PageRoleEntry[], role: PageRole): string | undefined {
	return entries.find((e) => e.role === role)?.page;
}

/**
 * A kind of attention that using a tool can draw where such tools are suspect (a tool's
 * `drawsAttention`, a question's `suspects`). Its names: "attention.<id>" (a tool's fact) and
 * "risk.suspect.<id>" (why a plan avoids those tools) in content/i18n/<lang>.json.
 */
export const AttentionSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/**
		 * Tools that draw this attention carry other tools' traffic and say nothing themselves (Tor
		 * and what is built on it): a plan that prescribes one must also name a tool to talk over it.
		 */
		carriesOtherTools: z.boolean().default(false),
	});

/**
 * Who uses a plan's tools with whom (a rule's `between`). Its name: "risk.between.<id>" in
 * content/i18n/<lang>.json, the label of a plan's line of tools.
 */
export const RoleSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The role of a rule that names none; one role is the default. */
		default: z.boolean().default(false),
	});

/** How contact is made (the `route` of a rule, a scenario, a situation). */
export const RouteSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The route reaches a person at risk: its scenarios must end with a clean-up step. */
		reachesPerson: z.boolean().default(true),
		/** Contact goes through a partner organisation: a plan on this route adds that the partner talks to the person. */
		throughPartner: z.boolean().default(false),
	});

/**
 * A font the PDFs are printed in (a language's `printFonts`): a package of the @fontsource family,
 * installed with the project, with the subsets of it the PDFs use. The fonts of every language are
 * in every printed page, each subset for the letters of its unicode-range (the package's
 * unicode.json), so that a word in another script (a language's own name) prints too.
 */
export const PrintFontSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The npm package, such as "@fontsource/inter": a dependency of the project. */
		package: z.string().regex(/^@fontsource\/[a-z0-9-]+$/, { error: 'must be a package of the @fontsource family, such as "@fontsource/inter"' }),
		/** Its subsets the PDFs use, such as latin and latin-ext: each is the letters of one unicode-range. */
		subsets: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
		/** When its letters are drawn smaller or larger than the other fonts' at the same size: a CSS size-adjust, such as "120%". */
		sizeAdjust: z.string().regex(/^\d+(\.\d+)?%$/, { error: 'must be a percentage, such as "120%"' }).optional(),
		/** False when its kerning moves letters so far apart that PDF readers split the words there: the languages printed in it are printed without kerning. */
		kerning: z.boolean().default(true),
	});

export type PrintFont = z.output<ReturnType<typeof PrintFontSchema>>;
