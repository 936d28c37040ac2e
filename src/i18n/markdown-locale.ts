/**
 * Starlight picks the language of a Markdown file's interface strings (the titles of callouts such
 * as "Caution", the screen-reader label "Section titled …" of each heading's anchor) from the file's
 * path under `src/content/docs/<locale>/`. The pages of this project live in `content/docs/<locale>/`,
 * which Starlight processes (`markdown.processedDirs`) but cannot read a language from: every page
 * got English labels. This hands Starlight's Markdown plugins each page's path as if it lay under
 * `src/content/docs/`, so they find the page's own language. Starlight 0.42 registers one factory of
 * Sätteri plugins per tree (mdast, hast) that reads `fileURL`; the check below fails the build when
 * that is no longer so.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A Sätteri plugin entry: a plugin object, or a factory called per file with its address. */
type PluginEntry = object | ((context: { fileURL?: URL } & Record<string, unknown>) => unknown);

export interface SatteriLike {
	name?: string;
	options?: { mdastPlugins?: PluginEntry[]; hastPlugins?: PluginEntry[] };
}

/** The address Starlight expects for a page at `path`, or the same address when it is not a page. */
export function asStarlightPath(url: URL, docs: string, expected: string): URL {
	const path = fileURLToPath(url).replace(/\\/g, '/');
	return path.startsWith(docs) ? pathToFileURL(expected + path.slice(docs.length)) : url;
}

const WRAPPED = Symbol('playbook:markdown-locale');

/**
 * Wraps the per-file plugin factories of `processor` (Starlight's; no other factory reads the file's
 * address) so that they see pages under `docs` (absolute, with a trailing slash) as under
 * `expected`. Returns an error message when the processor is not as Starlight 0.42 leaves it.
 */
export function relocateDocs(processor: SatteriLike | undefined, docs: string, expected: string): string | undefined {
	const options = processor?.options;
	if (!options?.mdastPlugins || !options.hastPlugins)
		return `the Markdown processor is "${processor?.name ?? 'none'}", not Sätteri with mdast and hast plugins: Starlight's callout titles and heading anchor labels would stay in English on translated pages.`;
	for (const key of ['mdastPlugins', 'hastPlugins'] as const) {
		const list = options[key]!;
		const factories = list.flatMap((entry, index) => (typeof entry === 'function' ? [index] : []));
		if (factories.length !== 1)
			return `expected one Starlight plugin factory among the Sätteri ${key}, found ${factories.length}: compare node_modules/@astrojs/starlight/dist/integrations/satteri.js with src/i18n/markdown-locale.ts.`;
		const index = factories[0]!;
		const factory = list[index] as Extract<PluginEntry, Function> & { [WRAPPED]?: true };
		if (factory[WRAPPED]) continue;
		const wrapped = Object.assign(
			(context: { fileURL?: URL } & Record<string, unknown>) =>
				factory(context.fileURL ? { ...context, fileURL: asStarlightPath(context.fileURL, docs, expected) } : context),
			{ [WRAPPED]: true as const },
		);
		list[index] = wrapped;
	}
	return undefined;
}
