/**
 * What the build stages, the benchmark and the scripts read from content/: the languages
 * (validated with the same schema as the content check), each language's interface strings, and
 * the version. Read once per run; a broken file stops with the file, what is wrong and the fix.
 */
import { LanguagesSchema, type Language } from '../schemas/language.ts';
import { ReleaseKeySchema, type ReleaseKey } from '../schemas/release-key.ts';
import { PageRoleSchema, type PageRoleEntry } from '../schemas/vocabulary.ts';
import { z } from 'astro/zod';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { dataFile, parseJson, parseYaml, readText, uiFile } from './sources.ts';
import { COLLECTIONS, type DataCollectionName } from '../schemas/collections.ts';

export interface SiteData {
	/** In file order; the first is the source language. */
	languages: Language[];
	/** Interface strings (content/i18n/<id>.json) by language id. */
	strings: Record<string, Record<string, string>>;
	/** The package's version, printed on handouts and bundles. */
	version: string;
	/** The keys that sign releases (content/data/release-keys.yaml); the one without `retired` is current. */
	releaseKeys: ReleaseKey[];
	/** The pages the generator writes into or links to, by role (content/data/page-roles.yaml). */
	pageRoles: PageRoleEntry[];
}

/** An error that names the file, what is wrong and what to do. */
export function contentError(file: string, what: string, fix: string): Error {
	return new Error(`${file}: ${what}. Fix: ${fix}`);
}

function readJson(root: string, rel: string, fix: string): unknown {
	const text = readText(root, rel);
	if (text === undefined) throw contentError(rel, 'the file is missing', fix);
	// A syntax error or a key written twice throws a ContentError with the line and the fix.
	return parseJson(text, rel);
}

/** The languages of content/data/languages.yaml, validated, in file order. */
export function loadLanguages(root: string): Language[] {
	return loadList(root, 'languages', LanguagesSchema(), 'restore it: it lists the languages of the guide, the source language first');
}

/** The release keys of content/data/release-keys.yaml, validated. */
export function loadReleaseKeys(root: string): ReleaseKey[] {
	return loadList(root, 'release-keys', z.array(ReleaseKeySchema()), 'restore it: a YAML list of release keys, [] when releases are not signed');
}

/** The pages of content/data/page-roles.yaml, validated: the downloads page the build fills, and others. */
export function loadPageRoles(root: string): PageRoleEntry[] {
	return loadList(root, 'page-roles', z.array(PageRoleSchema()), 'restore it: a YAML list of the pages the generator writes into or links to, [] when there are none');
}

function loadList<T>(root: string, name: DataCollectionName, schema: z.ZodType<T>, restore: string): T {
	const rel = dataFile(name);
	const text = readText(root, rel);
	if (text === undefined) throw contentError(rel, 'the file is missing', restore);
	// A syntax error or a key written twice throws a ContentError with the line and the fix.
	const raw = parseYaml(text, rel);
	const parsed = schema.safeParse(raw ?? []);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw contentError(rel, `at ${issue.path.length ? issue.path.join('.') : 'the top'}: ${issue.message}`, `see ${COLLECTIONS[name].schemaFile} for every field, or run \`npm run check:content\``);
	}
	return parsed.data;
}

export function loadSiteData(root: string): SiteData {
	const languages = loadLanguages(root);
	const strings = Object.fromEntries(
		languages.map((l) => [l.id, readJson(root, uiFile(l.id), `copy ${uiFile(languages[0]!.id)} to ${uiFile(l.id)} and translate it`) as Record<string, string>]),
	);
	return { languages, strings, version: projectVersion(root), releaseKeys: loadReleaseKeys(root), pageRoles: loadPageRoles(root) };
}

/**
 * The version printed on the handouts and bundles: that of the project's package.json, or, for a
 * project without one, of the nearest package.json above it, as Node finds packages.
 */
function projectVersion(root: string): string {
	for (let dir = resolve(root); ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json'))) {
			const rel = relative(root, join(dir, 'package.json')).split(sep).join('/');
			const pkg = readJson(dir, 'package.json', 'run the command in the project folder') as { version?: unknown };
			if (typeof pkg.version !== 'string') throw contentError(rel, 'no "version"', 'add "version": "1.0.0" (the version printed on the handouts and bundles)');
			return pkg.version;
		}
		if (dirname(dir) === dir) throw contentError('package.json', 'the file is missing', 'run the command in the project folder, or add a package.json with "version": "1.0.0" (the version printed on the handouts and bundles)');
	}
}
