/**
 * The build, as one list of named stages run in this order by `npm run build` (scripts/build.ts),
 * the benchmark (scripts/bench/build.ts) and the tests:
 *
 * - site: `astro build` checks the content and renders every page;
 * - policy: every page gets its Content-Security-Policy, the server snippets their headers;
 * - search index: Pagefind indexes the pages, one index per language, and so does the index that
 *   needs no WebAssembly (src/search/text-index.ts), for browsers where WebAssembly is off;
 * - handouts: Chromium prints the PDF handout of every language;
 * - offline bundles: a zip per language and one with all;
 * - single files: the whole guide of each language as one HTML file, for phones;
 * - scripts: online, the module scripts of each page bundled into one file per kind of page (after
 *   the bundles and single files, which bundle the site's scripts their own way);
 * - output check: every HTML file written above (site, zips, single files) read against what the
 *   generator emits, and every script file against what the build emitted; before the checksums
 *   and signatures, so that nothing it refuses is checksummed or signed;
 * - checksums: SHA256SUMS, manifest.json and the downloads pages;
 * - signatures: with a release key, a signature of SHA256SUMS and of every download.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerpt, sealSite } from '../../src/build/csp.ts';
import { detached } from '../../src/build/detach.ts';
import { filesUnder } from '../../src/build/files.ts';
import { findScriptSource, generatorInlineScripts, unknownScriptsError } from '../../src/build/inline-scripts.ts';
import type { Stage } from '../../src/build/pipeline.ts';
import { textIndexEntry, textIndexScript, type TextIndexEntry } from '../../src/search/text-index.ts';
import { parse } from 'node-html-parser';
import { checksums } from './checksums.ts';
import type { BuildContext } from './context.ts';
import { handouts } from './handouts.ts';
import { offlineBundles } from './offline.ts';
import { outputCheck } from './output-check.ts';
import { signatures } from './signatures.ts';
import { scripts } from './scripts.ts';
import { singleFiles } from './single-file.ts';
import { inlineScripts } from '../../src/build/csp.ts';
import { recordEmitted, sha256 } from '../../src/build/emitted.ts';
import { site } from './site.ts';

const requireSite = (context: BuildContext) => {
	if (!existsSync(join(context.dist, 'index.html'))) throw new Error('dist/ has no site: run the site stage first (npm run build runs every stage).');
};

const policy: Stage<BuildContext> = {
	name: 'policy',
	does: 'gives every page its Content-Security-Policy and writes the server headers',
	async run(context) {
		requireSite(context);
		// Only the inline scripts the generator writes are allowed; any other stops the build.
		const known = generatorInlineScripts(context.root);
		const { pages, hashes, unknown, answers } = sealSite(context.dist, new Set(known.keys()));
		if (unknown.length)
			throw unknownScriptsError(
				unknown.map(({ file, body }) => ({ page: `dist/${file}`, excerpt: excerpt(body), source: findScriptSource(context.root, body) })),
			);
		const kept = answers.length ? ` (no-store: ${answers.length} page${answers.length === 1 ? '' : 's'} with answers, single files)` : '';
		return { made: `${pages} pages sealed (${hashes.length} distinct inline scripts, all the generator's own), headers in dist/_server/${kept}` };
	},
};

/**
 * Pagefind, as Starlight runs it (its own step is turned off in astro.config.mjs so that it runs
 * here, after the policy): one index per `<html lang>`, of the parts marked data-pagefind-body.
 * Then the same parts again into dist/search/<lang>.js, the index that search falls back on where
 * WebAssembly, which Pagefind needs, is off (Tor Browser from its "Safer" level on).
 */
const searchIndex: Stage<BuildContext> = {
	name: 'search index',
	does: 'Pagefind indexes the pages of every language, and so does the index that needs no WebAssembly',
	async run(context, progress) {
		requireSite(context);
		const pagefind = await import('pagefind');
		const check = <T extends { errors: string[] }>(response: T | undefined, step: string): T => {
			if (!response) throw new Error(`Pagefind gave no answer to ${step}`);
			if (response.errors.length) throw new Error(`Pagefind, ${step}: ${response.errors.join('; ')}`);
			return response;
		};
		try {
			const { index } = check(await pagefind.createIndex(), 'createIndex');
			if (!index) throw new Error('Pagefind made no index');
			const { page_count } = check(await index.addDirectory({ path: context.dist }), 'addDirectory');
			progress(`${page_count} HTML files indexed`);
			check(await index.writeFiles({ outputPath: join(context.dist, 'pagefind') }), 'writeFiles');
		} finally {
			await pagefind.close();
		}
		const text = writeTextIndexes(context);
		progress(`${text.pages} pages in the index without WebAssembly (dist/search/), ${text.languages} languages`);
		const files = filesUnder(join(context.dist, 'pagefind'));
		return {
			made: `${files.length} files in dist/pagefind/, ${text.languages} in dist/search/`,
			bytes: files.reduce((sum, f) => sum + statSync(join(context.dist, 'pagefind', f)).size, 0) + text.bytes,
		};
	},
};

/**
 * What of a page its entry in the index without WebAssembly is made from. When the part Pagefind
 * indexes is the page's <main> (as Starlight marks it), only that is parsed: the header and
 * sidebar around it are most of a page, and the sidebar grows with the site. Any other page is
 * parsed whole.
 */
function searchedPart(html: string): string {
	const start = html.search(/<main\b[^>]*\sdata-pagefind-body[\s>=]/);
	const end = html.lastIndexOf('</main>');
	return start >= 0 && end > start ? html.slice(start, end + '</main>'.length) : html;
}

/** Writes dist/search/<lang>.js for every language, from the pages Pagefind indexes; addresses relative to the site's root. */
function writeTextIndexes(context: BuildContext): { languages: number; pages: number; bytes: number } {
	const { languages } = context.data();
	const entries = new Map<string, TextIndexEntry[]>(languages.map((l) => [l.id, []]));
	for (const file of filesUnder(context.dist).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !f.startsWith('downloads/'))) {
		const html = readFileSync(join(context.dist, file), 'utf8');
		const lang = /<html\b[^>]*\slang="([^"]*)"/.exec(html)?.[1];
		const language = languages.find((l) => l.lang === lang);
		if (!language) continue;
		const document = parse(searchedPart(html), { blockTextElements: { script: true, style: true, pre: true } });
		const entry = detached(textIndexEntry(document, file.replace(/(^|\/)index\.html$/, '$1')));
		if (entry) entries.get(language.id)!.push(entry);
	}
	const out = join(context.dist, 'search');
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	let bytes = 0;
	for (const [lang, list] of entries) {
		if (!list.length) throw new Error(`no page in ${lang} is marked for search (data-pagefind-body): the index without WebAssembly would be empty`);
		const script = textIndexScript(lang, list);
		writeFileSync(join(out, `${lang}.js`), script);
		bytes += Buffer.byteLength(script);
	}
	return { languages: entries.size, pages: [...entries.values()].reduce((n, l) => n + l.length, 0), bytes };
}

/**
 * A stage that writes files into dist/ records them for the output check (src/build/emitted.ts):
 * those of `paths` that are new or changed after it ran, with their hashes.
 */
function recording(stage: Stage<BuildContext>, paths: (file: string) => boolean): Stage<BuildContext> {
	const hashes = (dist: string) => new Map(filesUnder(dist).filter(paths).map((f) => [f, sha256(readFileSync(join(dist, f)))]));
	return {
		...stage,
		async run(context, progress) {
			const before = existsSync(context.dist) ? hashes(context.dist) : new Map<string, string>();
			const result = await stage.run(context, progress);
			const written = [...hashes(context.dist)].filter(([file, hash]) => before.get(file) !== hash);
			recordEmitted(context.dist, { files: Object.fromEntries(written) });
			return result;
		},
	};
}

/** The single files stage, recording the inline script it bundles into each file (the one its policy lists besides the generator's). */
const singleFilesRecorded: Stage<BuildContext> = {
	...singleFiles,
	async run(context, progress) {
		const result = await singleFiles.run(context, progress);
		const known = new Set(generatorInlineScripts(context.root).keys());
		const files = existsSync(context.downloads) ? filesUnder(context.downloads).filter((f) => /^guide-[^/]+\.html$/.test(f)) : [];
		const inline = Object.fromEntries(
			files.map((f) => [`downloads/${f}`, inlineScripts(readFileSync(join(context.downloads, f), 'utf8')).map((s) => s.hash).filter((h) => !known.has(h))]),
		);
		recordEmitted(context.dist, { inline });
		return result;
	},
};

export const STAGES: readonly Stage<BuildContext>[] = [
	site,
	policy,
	recording(searchIndex, (f) => f.startsWith('pagefind/') || f.startsWith('search/')),
	handouts,
	offlineBundles,
	singleFilesRecorded,
	recording(scripts, (f) => f.startsWith('_astro/') && /\.m?js$/.test(f)),
	outputCheck,
	checksums,
	signatures,
];
