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

/** A page's slug below its language folder of content/docs: `risk-check`, `practices/leave-fewer-traces`, `index`. */
const SlugSchema = () => z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/, { error: 'must be a page’s path below its language folder, without extension, such as "risk-check" or "practices/leave-fewer-traces"' });

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
