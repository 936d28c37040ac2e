/**
 * What the build emitted, for the output check (src/build/check-output.ts): every file that a step of
 * the build itself wrote into dist/ (the client files of Astro's build, Pagefind's index, the
 * search index without WebAssembly, the scripts stage's page scripts), by its SHA-256, and the
 * inline scripts the single-file stage wrote. Kept in dist/_server/emitted.json, next to the
 * server headers, which the server configurations never serve.
 *
 * Each step records its own files when it writes them: Astro's client files from a Vite plugin
 * (src/integration.ts) as Vite writes them, before any page is rendered; the others from the
 * build process (scripts/build/stages.ts), after the step. A file in dist/ that is in no record,
 * or whose text changed since, was written by something else: the output check stops the build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The record, from the root of dist/. */
export const EMITTED_FILE = '_server/emitted.json';

export interface Emitted {
	/** Files by path from the root of dist/ (`_astro/page.x.js`), each with the SHA-256 of its bytes, in hex. */
	files: Record<string, string>;
	/** Inline scripts a stage wrote into a page, by page (`downloads/guide-fr.html`): their CSP hashes. */
	inline: Record<string, string[]>;
}

/** The SHA-256 of bytes or text, in hex. */
export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** The record of `dist`, empty when there is none. */
export function readEmitted(dist: string): Emitted {
	const file = join(dist, EMITTED_FILE);
	if (!existsSync(file)) return { files: {}, inline: {} };
	const read = JSON.parse(readFileSync(file, 'utf8')) as Partial<Emitted>;
	return { files: read.files ?? {}, inline: read.inline ?? {} };
}

/** Adds to the record of `dist` (or starts it anew with `fresh`). */
export function recordEmitted(dist: string, add: Partial<Emitted>, { fresh = false } = {}): void {
	const now = fresh ? { files: {}, inline: {} } : readEmitted(dist);
	const next: Emitted = { files: { ...now.files, ...add.files }, inline: { ...now.inline, ...add.inline } };
	mkdirSync(dirname(join(dist, EMITTED_FILE)), { recursive: true });
	writeFileSync(join(dist, EMITTED_FILE), `${JSON.stringify(next, null, '\t')}\n`);
}
