/**
 * Content collections. Pages and interface strings follow Starlight's conventions but live
 * in content/, the one folder editors touch; the data collections hold the facts.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import type { RefFactory } from './schemas/common';
import { PageFrontmatterSchema } from './schemas/page';
import { UiStringsSchema } from './schemas/ui';
import { ToolSchema, ChannelSchema } from './schemas/tool';
import { CategorySchema, PracticeSchema, ThreatSchema } from './schemas/practice';
import { QuestionSchema, RuleSchema } from './schemas/risk';
import { ScenarioSchema } from './schemas/scenario';
import { ResourceSchema } from './schemas/resource';
import { LanguageSchema } from './schemas/language';
import { directoryLoader } from './lib/directory-loader';
import { dataFile, parseYaml, type DataCollectionName } from './lib/sources';

const ref: RefFactory = (collection) => reference(collection);
const list = (name: DataCollectionName) => file(dataFile(name), { parser: (text) => parseYaml(text, dataFile(name)) as Record<string, unknown>[] });

export const collections = {
	docs: defineCollection({
		loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
		schema: docsSchema({ extend: PageFrontmatterSchema(ref) }),
	}),
	i18n: defineCollection({
		loader: directoryLoader('content/i18n', '.json'),
		schema: i18nSchema({ extend: UiStringsSchema() }),
	}),
	text: defineCollection({ loader: directoryLoader('content/text', '.yaml') }),
	languages: defineCollection({ loader: list('languages'), schema: LanguageSchema() }),
	categories: defineCollection({ loader: list('categories'), schema: CategorySchema() }),
	threats: defineCollection({ loader: list('threats'), schema: ThreatSchema() }),
	channels: defineCollection({ loader: list('channels'), schema: ChannelSchema() }),
	questions: defineCollection({ loader: list('questions'), schema: QuestionSchema() }),
	tools: defineCollection({ loader: list('tools'), schema: ToolSchema(ref) }),
	practices: defineCollection({ loader: list('practices'), schema: PracticeSchema(ref) }),
	rules: defineCollection({ loader: list('rules'), schema: RuleSchema(ref) }),
	scenarios: defineCollection({ loader: list('scenarios'), schema: ScenarioSchema(ref) }),
	resources: defineCollection({ loader: list('resources'), schema: ResourceSchema() }),
};
