/**
 * Where the editable content lives and how it is read from disk. Used at build time only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';

/** The language-neutral data collections, each one YAML list in `content/data/<name>.yaml`. */
export const DATA_COLLECTIONS = [
	'languages',
	'categories',
	'threats',
	'channels',
	'questions',
	'tools',
	'practices',
	'rules',
	'scenarios',
	'situations',
	'resources',
	'release-keys',
] as const;
export type DataCollectionName = (typeof DATA_COLLECTIONS)[number];

export const CONTENT_DIR = 'content';
export const dataFile = (name: DataCollectionName) => `${CONTENT_DIR}/data/${name}.yaml`;
export const uiFile = (lang: string) => `${CONTENT_DIR}/i18n/${lang}.json`;
export const textFile = (lang: string) => `${CONTENT_DIR}/text/${lang}.yaml`;
export const DOCS_DIR = `${CONTENT_DIR}/docs`;

/**
 * Parses YAML the way the whole project does: the core schema, so that dates stay text
 * and are checked strictly instead of being silently rolled over (2026-02-30 is not March 2).
 */
export function parseYaml(text: string, filename: string): unknown {
	return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename });
}

/** Reads a file below `root`; `undefined` when it does not exist. */
export function readText(root: string, rel: string): string | undefined {
	const path = join(root, rel);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Splits a Markdown or MDX file into its YAML frontmatter text and body. */
export function splitFrontmatter(source: string): { frontmatter: string | undefined; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
	if (!match) return { frontmatter: undefined, body: source };
	return { frontmatter: match[1], body: source.slice(match[0].length) };
}

export interface PageFile {
	/** Path from the project root, with forward slashes: `content/docs/en/tools/signal.mdx`. */
	file: string;
	/** First folder below `content/docs`: the language. */
	lang: string;
	/** Path below the language folder without extension: `tools/signal`, `index`. */
	slug: string;
}

/** Every Markdown and MDX page below `content/docs`, skipping names that start with `_`. */
export function listPages(root: string): PageFile[] {
	const base = join(root, DOCS_DIR);
	if (!existsSync(base)) return [];
	const pages: PageFile[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			if (name.startsWith('_') || name.startsWith('.')) continue;
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.mdx?$/.test(name)) {
				const rel = relative(base, path).split(sep).join('/');
				const [lang, ...rest] = rel.split('/');
				pages.push({
					file: `${DOCS_DIR}/${rel}`,
					lang: lang!,
					slug: rest.join('/').replace(/\.mdx?$/, '') || lang!.replace(/\.mdx?$/, ''),
				});
			}
		}
	};
	walk(base);
	return pages;
}

/**
 * The strings of an interface file (JSON) or a text file (YAML), key by key: only string values,
 * none when the file is missing or cannot be read (the content check reports that).
 */
export function readStrings(root: string, rel: string): Record<string, string> {
	try {
		const text = readFileSync(join(root, rel), 'utf8');
		const value = (rel.endsWith('.json') ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA })) ?? {};
		return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
	} catch {
		return {};
	}
}
