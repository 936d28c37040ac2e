/**
 * Which translations are missing, not reviewed (never marked as following the source), stale or
 * current, and which a fluent speaker has reviewed (`fluentReview` in the frontmatter). A translated page records, in its
 * frontmatter, `sourceHash`: a short hash of the source-language page it was translated from.
 * When the source page's title, description or text change, the hash no longer matches and the
 * translation is stale. Works without git history (tarballs, shallow clones).
 *
 * Runs in Astro and directly with Node (scripts/i18n-*.ts): it imports with explicit extensions.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadLanguages } from '../check/site-data.ts';
import { contentDir, dataFile, decodeContent, docsDir, listPages, parseJson, parseYaml, readStrings, splitFrontmatter, textFile, uiFile } from '../check/sources.ts';

export type TranslationState = 'missing' | 'not-reviewed' | 'stale' | 'current';

export interface PageStatus {
	/** Page path below the language folder, without extension: `tools/signal`. */
	slug: string;
	state: TranslationState;
	/** The translation's file, when it exists. */
	file?: string;
	/** The day a fluent speaker last reviewed the translation (YYYY-MM-DD), when one has. */
	fluentReview?: string;
}

/** The part of a page that translators translate; its hash says which version a translation follows. */
export function sourceHash(page: { title?: unknown; description?: unknown; body: string }): string {
	const text = [String(page.title ?? ''), String(page.description ?? ''), page.body.replace(/\r\n/g, '\n').trim()].join('\n');
	return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Splits a page file into its frontmatter (parsed) and body. */
export function readPage(path: string): { data: Record<string, unknown>; body: string; raw: string } {
	const file = relative(process.cwd(), path).split(sep).join('/');
	const raw = decodeContent(readFileSync(path), file);
	const { frontmatter, body } = splitFrontmatter(raw);
	const data = frontmatter === undefined ? {} : ((parseYaml(frontmatter, file, 2) ?? {}) as Record<string, unknown>);
	return { data, body, raw };
}

/** The source hash of a page file: its title, description and text. */
export function fileSourceHash(path: string): string {
	const { data, body } = readPage(path);
	return sourceHash({ title: data.title, description: data.description, body });
}

/** The languages of the guide, source language first, from content/data/languages.yaml. */
export function languageIds(root: string): string[] {
	return loadLanguages(root).map((l) => l.id);
}

/** The file of page `slug` (`tools/<id>`) in language `lang`, MDX or Markdown, or undefined when it has none. */
function pageFile(root: string, lang: string, slug: string): string | undefined {
	return ['.mdx', '.md'].map((ext) => join(root, docsDir(), lang, slug + ext)).find((p) => existsSync(p));
}

/** A path below `root`, with forward slashes, as messages name files. */
const fromRoot = (root: string, path: string) => relative(root, path).split(sep).join('/');

/** Status of every source-language page in every other language. */
export function translationStatus(root: string): { source: string; languages: Record<string, PageStatus[]> } {
	const [source, ...others] = languageIds(root);
	const docs = join(root, docsDir());
	const sourcePages = listPages(root).filter((p) => p.lang === source).map((p) => p.file.slice(`${docsDir()}/${source}/`.length));
	const languages: Record<string, PageStatus[]> = {};
	for (const lang of others) {
		languages[lang] = sourcePages.map((file) => {
			const slug = file.replace(/\.mdx?$/, '');
			const translated = pageFile(root, lang, slug);
			if (!translated) return { slug, state: 'missing' };
			const expected = fileSourceHash(join(docs, source!, file));
			const { data } = readPage(translated);
			const recorded = data.sourceHash;
			// Never marked: nobody has compared it with the source yet, which is not the same as behind it.
			const state: TranslationState = recorded === undefined ? 'not-reviewed' : recorded === expected ? 'current' : 'stale';
			const fluentReview = data.fluentReview === undefined ? undefined : String(data.fluentReview);
			return { slug, state, file: fromRoot(root, translated), ...(fluentReview ? { fluentReview } : {}) };
		});
	}
	return { source: source!, languages };
}

/** Records in a translation's frontmatter that it follows the current source page; returns the hash and the file written (from `root`). */
export function markCurrent(root: string, lang: string, slug: string): { hash: string; file: string } {
	const [source] = languageIds(root);
	const sourceFile = pageFile(root, source!, slug);
	const translated = pageFile(root, lang, slug);
	if (!sourceFile) throw new Error(`no page "${slug}" in the source language (${docsDir()}/${source}/${slug}.mdx)`);
	if (!translated) throw new Error(`no translation of "${slug}" in "${lang}": write ${docsDir()}/${lang}/${slug}.mdx first`);
	const hash = fileSourceHash(sourceFile);
	const { raw } = readPage(translated);
	const updated = /^sourceHash:.*$/m.test(raw.split(/\r?\n---/)[0]!)
		? raw.replace(/^sourceHash:.*$/m, `sourceHash: '${hash}'`)
		: raw.replace(/^---\r?\n/, `---\nsourceHash: '${hash}'\n`);
	writeFileSync(translated, updated);
	return { hash, file: fromRoot(root, translated) };
}

/**
 * Short texts follow their source too: the interface strings (content/i18n/<lang>.json) and the
 * data texts (content/text/<lang>.yaml: rules, steps, questions). Advice lives in them, so an
 * English step that changes must not leave its translations silently behind. Each translated
 * language keeps, in `content/text/<lang>.follows.json`, the hash of the source text each of its
 * texts was translated from, written by `npm run i18n:mark -- <lang> --texts`.
 */
export interface TextStatus {
	/** The source-language file the text comes from, and its key. */
	file: string;
	key: string;
	state: Exclude<TranslationState, 'missing'>;
	/** The file to update. */
	translation: string;
	/** The source's text now. */
	source: string;
}

export const followsFile = (lang: string) => `${contentDir()}/text/${lang}.follows.json`;
const textHash = (value: string) => createHash('sha256').update(value.replace(/\r\n/g, '\n').trim()).digest('hex').slice(0, 12);

/** The texts of a language, per file: its interface strings and its data texts. */
const textsOf = (root: string, lang: string): Record<string, Record<string, string>> =>
	Object.fromEntries([uiFile(lang), textFile(lang)].map((rel) => [rel, readStrings(root, rel)]));

const readFollows = (root: string, lang: string): Record<string, Record<string, string>> => {
	const path = join(root, followsFile(lang));
	return existsSync(path) ? (parseJson(decodeContent(readFileSync(path), followsFile(lang)), followsFile(lang)) as Record<string, Record<string, string>>) : {};
};

/** Every source text that a language has, with whether its translation follows the source's text now. */
export function textStatus(root: string): { source: string; languages: Record<string, TextStatus[]> } {
	const [source, ...others] = languageIds(root);
	const sources = textsOf(root, source!);
	const languages: Record<string, TextStatus[]> = {};
	for (const lang of others) {
		const follows = readFollows(root, lang);
		const own = textsOf(root, lang);
		languages[lang] = Object.entries(sources).flatMap(([file, texts]) => {
			const translation = file.replace(`/${source}.`, `/${lang}.`);
			return Object.entries(texts)
				.filter(([key]) => own[translation]?.[key] !== undefined)
				.map(([key, value]): TextStatus => {
					const recorded = follows[file]?.[key];
					return { file, key, translation, source: value, state: recorded === undefined ? 'not-reviewed' : recorded === textHash(value) ? 'current' : 'stale' };
				});
		});
	}
	return { source: source!, languages };
}

/** Records that a language's texts follow the source's texts now: `keys`, or all of them. Returns how many. */
export function markTextsCurrent(root: string, lang: string, keys?: readonly string[]): number {
	const [source] = languageIds(root);
	if (lang === source) throw new Error(`"${lang}" is the source language: its texts are the ones others follow`);
	if (!languageIds(root).includes(lang)) throw new Error(`"${lang}" is not a language of the guide (${dataFile('languages')})`);
	const sources = textsOf(root, source!);
	const own = textsOf(root, lang);
	const follows = readFollows(root, lang);
	const unknown = (keys ?? []).filter((k) => !Object.values(sources).some((texts) => k in texts));
	if (unknown.length) throw new Error(`no source text ${unknown.map((k) => `"${k}"`).join(', ')} in ${uiFile(source!)} or ${textFile(source!)}`);
	let marked = 0;
	const next: Record<string, Record<string, string>> = {};
	for (const [file, texts] of Object.entries(sources)) {
		const translation = file.replace(`/${source}.`, `/${lang}.`);
		next[file] = {};
		for (const [key, value] of Object.entries(texts).sort(([a], [b]) => a.localeCompare(b))) {
			const mark = own[translation]?.[key] !== undefined && (!keys || keys.includes(key));
			const hash = mark ? textHash(value) : follows[file]?.[key];
			if (mark) marked++;
			if (hash) next[file]![key] = hash;
		}
	}
	writeFileSync(join(root, followsFile(lang)), `${JSON.stringify(next, null, '\t')}\n`);
	return marked;
}
