/**
 * The data collections, written once: each is a YAML list in `content/data/<name>.yaml`, with the
 * schema its entries follow, the noun an entry is called by in the content check's messages, and
 * the file that explains its fields. The content check, Astro's content collections
 * (src/content.config.ts) and the loaders of the build (src/check/sources.ts) are all derived from
 * this list, so adding a collection is one entry here (and its schema).
 */
import type { z } from 'astro/zod';
import type { RefFactory } from './common.ts';
import { LanguageSchema } from './language.ts';
import { CategorySchema, PracticeSchema, ThreatSchema } from './practice.ts';
import { QuestionSchema, RuleSchema } from './risk.ts';
import { ResourceSchema } from './resource.ts';
import { ReleaseKeySchema } from './release-key.ts';
import { ScenarioSchema } from './scenario.ts';
import { SituationSchema } from './situation.ts';
import { ChannelSchema, ToolSchema } from './tool.ts';
import { AttentionSchema, PageRoleSchema, PrintFontSchema, PrintedPageSchema, ResourceTopicSchema, RoleSchema, RouteSchema, SidebarGroupSchema, ToolKindSchema, UseCaseSchema } from './vocabulary.ts';

/** What the generator knows of one data collection. */
export interface CollectionEntry<S extends z.ZodType = z.ZodType> {
	/** The schema of one entry, given how references to other collections are checked (a `RefFactory`). */
	schema: (ref: RefFactory) => S;
	/** What one entry is called in messages: "unknown tool …", "the scenario … has no page". */
	singular: string;
	/** The file whose comments say what each field means, named in the fixes of the content check. */
	schemaFile: string;
	/** The interface strings an entry needs in every content/i18n/<lang>.json, given its id: the names of a vocabulary's values. */
	labels?: (id: string) => string[];
	/** Whether the site's pages read it through Astro's content collections (`getCollection`); the others are read by the checks and the build only. */
	pages: boolean;
}

const entry = <S extends z.ZodType>(value: CollectionEntry<S>) => value;

/** Every data collection, by name, in the order the content check reads them. */
export const COLLECTIONS = {
	// The guide's vocabulary, which the entries below name by id (src/schemas/vocabulary.ts).
	'tool-kinds': entry({ schema: () => ToolKindSchema(), singular: 'tool kind', schemaFile: 'src/schemas/vocabulary.ts', labels: (id) => [`kind.${id}`], pages: true }),
	'use-cases': entry({ schema: () => UseCaseSchema(), singular: 'use case', schemaFile: 'src/schemas/vocabulary.ts', labels: (id) => [`useCase.${id}`], pages: true }),
	'resource-topics': entry({ schema: () => ResourceTopicSchema(), singular: 'resource topic', schemaFile: 'src/schemas/vocabulary.ts', pages: true }),
	attention: entry({ schema: () => AttentionSchema(), singular: 'kind of attention', schemaFile: 'src/schemas/vocabulary.ts', labels: (id) => [`attention.${id}`, `risk.suspect.${id}`], pages: true }),
	roles: entry({ schema: () => RoleSchema(), singular: 'role', schemaFile: 'src/schemas/vocabulary.ts', labels: (id) => [`risk.between.${id}`], pages: true }),
	routes: entry({ schema: () => RouteSchema(), singular: 'route', schemaFile: 'src/schemas/vocabulary.ts', pages: true }),
	sidebar: entry({ schema: () => SidebarGroupSchema(), singular: 'sidebar group', schemaFile: 'src/schemas/vocabulary.ts', labels: (id) => [`nav.${id}`], pages: false }),
	'printed-pages': entry({ schema: () => PrintedPageSchema(), singular: 'printed page', schemaFile: 'src/schemas/vocabulary.ts', pages: true }),
	'page-roles': entry({ schema: () => PageRoleSchema(), singular: 'page role', schemaFile: 'src/schemas/vocabulary.ts', pages: true }),
	'print-fonts': entry({ schema: () => PrintFontSchema(), singular: 'print font', schemaFile: 'src/schemas/vocabulary.ts', pages: true }),
	languages: entry({ schema: (ref) => LanguageSchema(ref), singular: 'language', schemaFile: 'src/schemas/language.ts', pages: true }),
	categories: entry({ schema: () => CategorySchema(), singular: 'category', schemaFile: 'src/schemas/practice.ts', pages: true }),
	threats: entry({ schema: () => ThreatSchema(), singular: 'threat', schemaFile: 'src/schemas/practice.ts', pages: true }),
	channels: entry({ schema: () => ChannelSchema(), singular: 'channel', schemaFile: 'src/schemas/tool.ts', pages: true }),
	questions: entry({ schema: (ref) => QuestionSchema(ref), singular: 'question', schemaFile: 'src/schemas/risk.ts', pages: true }),
	tools: entry({ schema: (ref) => ToolSchema(ref), singular: 'tool', schemaFile: 'src/schemas/tool.ts', pages: true }),
	practices: entry({ schema: (ref) => PracticeSchema(ref), singular: 'practice', schemaFile: 'src/schemas/practice.ts', pages: true }),
	rules: entry({ schema: (ref) => RuleSchema(ref), singular: 'rule', schemaFile: 'src/schemas/risk.ts', pages: true }),
	scenarios: entry({ schema: (ref) => ScenarioSchema(ref), singular: 'scenario', schemaFile: 'src/schemas/scenario.ts', pages: true }),
	situations: entry({ schema: (ref) => SituationSchema(ref), singular: 'situation', schemaFile: 'src/schemas/situation.ts', pages: false }),
	resources: entry({ schema: (ref) => ResourceSchema(ref), singular: 'resource', schemaFile: 'src/schemas/resource.ts', pages: true }),
	'release-keys': entry({ schema: () => ReleaseKeySchema(), singular: 'release key', schemaFile: 'src/schemas/release-key.ts', pages: false }),
};

/** The name of a data collection, which is also its file's: `content/data/<name>.yaml`. */
export type DataCollectionName = keyof typeof COLLECTIONS;

/** The names of the data collections, in the order of `COLLECTIONS`. */
export const DATA_COLLECTIONS = Object.keys(COLLECTIONS) as DataCollectionName[];

/** One valid entry of a collection, as its schema outputs it. */
export type EntryOf<N extends DataCollectionName> = z.output<ReturnType<(typeof COLLECTIONS)[N]['schema']>>;
