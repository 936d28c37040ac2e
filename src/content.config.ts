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
import { COLLECTIONS, DATA_COLLECTIONS } from './schemas/collections';
import { directoryLoader } from './check/directory-loader';
import { contentDir, dataFile, docsDir, parseYaml, type DataCollectionName } from './check/sources';

const ref: RefFactory = (collection) => reference(collection);
const list = (name: DataCollectionName) => file(dataFile(name), { parser: (text) => parseYaml(text, dataFile(name)) as Record<string, unknown>[] });

/** Each data collection's schema, by name, so that `getCollection` and `getEntry` know what its entries hold. */
type DataCollections = { [N in DataCollectionName]: { loader: ReturnType<typeof file>; schema: ReturnType<(typeof COLLECTIONS)[N]['schema']> } };

export const collections = {
	docs: defineCollection({
		loader: glob({ base: `./${docsDir()}`, pattern: '**/[^_]*.{md,mdx}' }),
		schema: docsSchema({ extend: PageFrontmatterSchema(ref) }),
	}),
	i18n: defineCollection({
		loader: directoryLoader(`${contentDir()}/i18n`, '.json'),
		schema: i18nSchema({ extend: UiStringsSchema() }),
	}),
	text: defineCollection({ loader: directoryLoader(`${contentDir()}/text`, '.yaml') }),
	// Every data collection that pages read, as src/schemas/collections.ts lists them.
	...(Object.fromEntries(DATA_COLLECTIONS.filter((name) => COLLECTIONS[name].pages).map((name) => [name, defineCollection({ loader: list(name), schema: COLLECTIONS[name].schema(ref) })])) as DataCollections),
};
