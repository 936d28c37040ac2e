/**
 * The inline scripts the generator itself writes into pages: the `<script is:inline>` elements of
 * the project's components (src/, components/) and of Starlight's. Only these may run inline; the
 * Content-Security-Policy lists their hashes and nothing else (src/build/csp.ts). An inline script
 * in a built page that is not one of them came from somewhere else (content, a translation, a
 * data file) and stops the build: `unknownScriptsError` names the page and, when it can, the
 * content file and line the script was written in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { scriptHash } from './csp.ts';
import { filesUnder } from './files.ts';
import { contentDir } from '../check/sources.ts';
import { fileURLToPath } from 'node:url';

/** The generator's folder (src/, components/), wherever the guide it builds is. */
const GENERATOR = fileURLToPath(new URL('../..', import.meta.url));

/** An inline script the generator emits: its hash and the component that holds it. */
export interface KnownScript {
	hash: string;
	/** Where it is written: `src/overrides/ThemeProvider.astro`, `@astrojs/starlight/components/Tabs.astro`. */
	file: string;
}

const IS_INLINE = /<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script\s*>/g;

/** The `is:inline` script bodies of one .astro source, as Astro writes them into pages: unchanged. */
export function inlineScriptsOf(source: string): string[] {
	return [...source.matchAll(IS_INLINE)].map((m) => m[1]!);
}

function starlightComponents(root: string): { folder: string; files: string[] } | undefined {
	try {
		const folder = dirname(createRequire(join(root, 'package.json')).resolve('@astrojs/starlight/package.json'));
		return { folder, files: filesUnder(join(folder, 'dist')).filter((f) => f.endsWith('.astro')) };
	} catch {
		return undefined;
	}
}

/** Every inline script the generator of the project at `root` can emit, by hash. */
export function generatorInlineScripts(root: string): Map<string, KnownScript> {
	const known = new Map<string, KnownScript>();
	const add = (source: string, file: string) => {
		for (const body of inlineScriptsOf(source)) {
			const hash = scriptHash(body);
			if (!known.has(hash)) known.set(hash, { hash, file });
		}
	};
	for (const folder of ['src', 'components'])
		if (existsSync(join(GENERATOR, folder)))
			for (const file of filesUnder(join(GENERATOR, folder)).filter((f) => f.endsWith('.astro'))) add(readFileSync(join(GENERATOR, folder, file), 'utf8'), `${folder}/${file}`);
	const starlight = starlightComponents(root);
	if (starlight) for (const file of starlight.files) add(readFileSync(join(starlight.folder, 'dist', file), 'utf8'), `@astrojs/starlight/${file}`);
	return known;
}

const INLINE_STYLE = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/g;

/**
 * The `<style is:inline>` texts of one .astro source, as Astro writes them into pages: unchanged.
 * A style whose text is computed (`set:html`) is not among them.
 */
export function inlineStylesOf(source: string): string[] {
	return [...source.matchAll(INLINE_STYLE)].filter((m) => /\bis:inline\b/.test(m[1]!) && !/\bset:html\b/.test(m[1]!)).map((m) => m[2]!);
}

/** Every `<style>` text the generator's components write as it is (`is:inline`), by hash (CSP form), with the component. */
export function generatorInlineStyles(root: string): Map<string, KnownScript> {
	const known = new Map<string, KnownScript>();
	for (const folder of ['src', 'components'])
		if (existsSync(join(GENERATOR, folder)))
			for (const file of filesUnder(join(GENERATOR, folder)).filter((f) => f.endsWith('.astro')))
				for (const body of inlineStylesOf(readFileSync(join(GENERATOR, folder, file), 'utf8'))) {
					const hash = scriptHash(body);
					if (!known.has(hash)) known.set(hash, { hash, file: `${folder}/${file}` });
				}
	return known;
}

/** An inline script of a built page that the generator did not write. */
export interface UnknownScript {
	/** The page, from the project root: `dist/en/tools/signal/index.html`. */
	page: string;
	/** The script's first characters, as found. */
	excerpt: string;
	/** The content file and line that hold the same text, when one does. */
	source?: string;
}

/**
 * Finds the content file and line where a script's text was written: its first line as it is,
 * else its longest word (the page may hold the text with its quotes or spaces rewritten).
 */
export function findScriptSource(root: string, body: string): string | undefined {
	const content = contentDir();
	if (!existsSync(join(root, content))) return undefined;
	const line = body.split('\n').map((l) => l.trim()).find((l) => l.length >= 3);
	const word = body.split(/[^\p{L}\p{N}_.-]+/u).sort((a, b) => b.length - a.length)[0] ?? '';
	const files = filesUnder(join(root, content)).map((file) => ({ file, lines: readFileSync(join(root, content, file), 'utf8').split('\n') }));
	for (const needle of [line, word.length >= 6 ? word : undefined]) {
		if (!needle) continue;
		for (const { file, lines } of files) {
			const at = lines.findIndex((l) => l.includes(needle) || l.includes(JSON.stringify(needle).slice(1, -1)));
			if (at >= 0) return `${content}/${file.split(sep).join('/')}, line ${at + 1}`;
		}
	}
	return undefined;
}

/** The error that stops the policy stage: every unknown script, where it is and what to do. */
export function unknownScriptsError(scripts: UnknownScript[]): Error {
	const lines = [`${scripts.length} inline script${scripts.length === 1 ? '' : 's'} that the generator does not write found in the built pages:`];
	scripts.slice(0, 20).forEach((s, i) => {
		lines.push('', `${i + 1}. ${s.page}`, `   what: <script>${s.excerpt}</script>`, `   from: ${s.source ?? 'no content file holds this text; a component or a build step wrote it'}`);
	});
	if (scripts.length > 20) lines.push('', `… and ${scripts.length - 20} more.`);
	lines.push(
		'',
		'fix:  remove the script from the file named. Content and translations cannot add scripts; a component that needs one',
		'      uses a bundled <script> (a file, allowed by the policy) or, to avoid a flash, <script is:inline> in an .astro file',
		'      under src/ or components/, which src/build/inline-scripts.ts finds by itself.',
	);
	return new Error(lines.join('\n'));
}
