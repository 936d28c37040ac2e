import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/**
 * Copies parts of the project (never node_modules or dist) to a temporary folder for a test to break.
 * With `buildable`, the folder is made inside the project's .scratch/, so that Astro run there finds
 * the project's node_modules by walking up, as Node does; a symlinked node_modules confuses Vite.
 */
export function copyProject(parts: string[] = ['content'], { buildable = false } = {}): { dir: string; edit: (rel: string, change: (text: string) => string) => void; write: (rel: string, text: string) => void; cleanup: () => void } {
	const parent = buildable ? join(ROOT, '.scratch') : tmpdir();
	mkdirSync(parent, { recursive: true });
	const dir = mkdtempSync(join(parent, 'playbook-test-'));
	for (const part of parts) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
	return {
		dir,
		edit(rel, change) {
			const path = join(dir, rel);
			const before = readFileSync(path, 'utf8');
			const after = change(before);
			if (after === before) throw new Error(`edit of ${rel} changed nothing: the test's pattern no longer matches`);
			writeFileSync(path, after);
		},
		write(rel, text) {
			writeFileSync(join(dir, rel), text);
		},
		cleanup() {
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Fails with a clear instruction when the site has not been built. */
export function requireDist() {
	if (!existsSync(join(DIST, 'index.html')))
		throw new Error('dist/ is missing: run `npm run build` first (`npm test` does it for you).');
}

/**
 * The content check without its refusal of code and markup in pages: every function that
 * check-content.ts imports from check-markup or check-mdx becomes one that finds nothing. Fails
 * when neither import is found, or when either module is still imported after the change, so
 * that the test never passes with one of them still on. (A check wired in elsewhere would stop
 * the build, which fails the test too, with the check's message.)
 */
export function withoutCodeChecks(text: string): string {
	let switched = 0;
	const out = text.replace(/^import\s*\{([^}]*)\}\s*from\s*['"]\.\/(?:check-markup|check-mdx)(?:\.ts)?['"];?[ \t]*$/gm, (_, names: string) => {
		switched++;
		return names
			.split(',')
			.map((name) => name.trim())
			.filter((name) => name && !name.startsWith('type '))
			.map((name) => `const ${name.split(/\s+as\s+/).at(-1)} = (..._: unknown[]) => [];`)
			.join('\n');
	});
	if (!switched || /(?:from|import\()\s*['"]\.\/check-m(?:arkup|dx)/.test(out)) throw new Error('src/check/check-content.ts no longer imports check-markup and check-mdx as this test expects: update withoutCodeChecks so that it switches both off');
	return out;
}

/**
 * The environment for a build a test starts: this process's, without a public address (SITE_URL)
 * and without what the test runner adds (NODE_ENV=test, MODE, DEV=1, PROD, VITEST…): Astro takes
 * DEV and PROD from there for import.meta.env, and would build the site as for development
 * (Starlight's search box then only says that search needs a production build).
 */
export function buildEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SITE_URL|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|TEST|VITEST.*)$/.test(name)));
}
