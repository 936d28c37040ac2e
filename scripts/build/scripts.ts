/**
 * The scripts stage: one module script per kind of page. Astro writes a page's islands and
 * Starlight's components as separate module scripts (7 to 10 a page), and on a slow link each is
 * a request of its own, some waiting for the imports of another. Here the module scripts of a page
 * are bundled, in their order, into one file named after its content, so that pages of one kind share
 * it and a browser keeps it. What a script loads on demand (the search interface, the OpenPGP
 * library) stays a file of its own, fetched when needed. Files no page or script uses any more are
 * removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { filesUnder } from '../../src/build/files.ts';
import type { Stage } from '../../src/build/pipeline.ts';
import type { BuildContext } from './context.ts';

const MODULE_TAG = /<script type="module" src="([^"]*\/_astro\/[^"]+\.js)"><\/script>/g;
/** Static and dynamic imports between the files of _astro/, as Vite writes them: `from"./x.js"`, `import("./x.js")`, `import"./x.js"`. */
const IMPORTS = /(?:from\s*|import\s*\(?\s*)["']\.\/([^"']+\.js)["']/g;

const importsOf = (code: string) => [...code.matchAll(IMPORTS)].map((m) => m[1]!);

export const scripts: Stage<BuildContext> = {
	name: 'scripts',
	does: 'bundles the module scripts of each page into one file per kind of page',
	async run(context, progress) {
		const dist = context.dist;
		const astro = join(dist, '_astro');
		if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no site: run the site stage first (npm run build runs every stage).');
		const pages = filesUnder(dist).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
		const jsFiles = filesUnder(astro).filter((f) => f.endsWith('.js'));
		const entries = new Set<string>();
		const lists = new Map<string, string[]>();
		for (const page of pages) {
			const html = readFileSync(join(dist, page), 'utf8');
			const srcs = [...html.matchAll(MODULE_TAG)].map((m) => m[1]!);
			srcs.forEach((s) => entries.add(s.replace(/^.*\/_astro\//, '')));
			lists.set(page, srcs);
		}
		// A file that a script loads on demand, and what that file imports, stay files of their own:
		// inlined as well, their code would run twice.
		const lazy = new Set<string>();
		const dynamicTargets = jsFiles.flatMap((f) => [...readFileSync(join(astro, f), 'utf8').matchAll(/import\s*\(\s*["']\.\/([^"']+\.js)["']\s*\)/g)].map((m) => m[1]!));
		const visit = (file: string) => {
			if (lazy.has(file) || !existsSync(join(astro, file))) return;
			lazy.add(file);
			importsOf(readFileSync(join(astro, file), 'utf8')).forEach(visit);
		};
		dynamicTargets.forEach(visit);

		const bundles = new Map<string, string>();
		let rewritten = 0;
		for (const [page, srcs] of lists) {
			if (srcs.length < 2) continue;
			const key = srcs.join('\n');
			let name = bundles.get(key);
			if (!name) {
				const entry = srcs.map((src) => `import ${JSON.stringify(join(astro, src.replace(/^.*\/_astro\//, '')))};`).join('\n');
				const result = await esbuild({
					stdin: { contents: entry, resolveDir: astro, loader: 'js' },
					bundle: true,
					format: 'esm',
					minify: true,
					write: false,
					target: 'es2022',
					legalComments: 'none',
					logLevel: 'silent',
					plugins: [
						{
							name: 'keep-lazy-files',
							setup(build) {
								build.onResolve({ filter: /^\.\// }, (args) => {
									const file = args.path.slice(2);
									return args.kind === 'dynamic-import' || lazy.has(file) ? { path: args.path, external: true } : undefined;
								});
							},
						},
					],
				});
				const code = result.outputFiles[0]!.contents;
				name = `page.${createHash('sha256').update(code).digest('base64url').slice(0, 10)}.js`;
				writeFileSync(join(astro, name), code);
				bundles.set(key, name);
			}
			const src = srcs[0]!.replace(/[^/]+$/, name);
			let first = true;
			const html = readFileSync(join(dist, page), 'utf8').replace(MODULE_TAG, (tag, s: string) => {
				if (!srcs.includes(s)) return tag;
				if (!first) return '';
				first = false;
				return `<script type="module" src="${src}"></script>`;
			});
			writeFileSync(join(dist, page), html);
			if (++rewritten % 50 === 0) progress(`${rewritten} pages`);
		}

		// Remove what nothing uses any more: not named by a page, not imported by a file that is kept.
		const used = new Set<string>();
		for (const page of pages) for (const m of readFileSync(join(dist, page), 'utf8').matchAll(MODULE_TAG)) used.add(m[1]!.replace(/^.*\/_astro\//, ''));
		const queue = [...used];
		while (queue.length) {
			const file = queue.pop()!;
			if (!existsSync(join(astro, file))) continue;
			for (const next of importsOf(readFileSync(join(astro, file), 'utf8'))) if (!used.has(next)) (used.add(next), queue.push(next));
		}
		let removed = 0;
		for (const file of filesUnder(astro).filter((f) => f.endsWith('.js') && !used.has(f))) {
			rmSync(join(astro, file));
			removed++;
		}
		return { made: `${rewritten} pages, ${bundles.size} page scripts in place of ${entries.size} module scripts (${removed} files no longer used removed)` };
	},
};
