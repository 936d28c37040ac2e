/**
 * Bundles module scripts of the built site (files under dist/_astro/, or code given inline), in
 * order, into one classic script (an IIFE): browsers refuse module scripts from file://. The
 * offline bundles and the single-file guides use it. Modules the scripts share run once, as they
 * would as modules. What `leftOut` names among the scripts' on-demand imports stays out: its
 * import() is left as it is and never runs.
 */
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';

export type ScriptSource = { file: string } | { code: string };

export async function classicBundle(dist: string, scripts: readonly ScriptSource[], leftOut: (path: string) => boolean): Promise<Uint8Array> {
	const astro = join(dist, '_astro');
	const inline = new Map<string, string>();
	const entry = scripts
		.map((s) => {
			if ('file' in s) return `import ${JSON.stringify(s.file)};`;
			const id = `inline:${inline.size}`;
			inline.set(id, s.code);
			return `import ${JSON.stringify(id)};`;
		})
		.join('\n');
	const result = await esbuild({
		stdin: { contents: entry, resolveDir: astro, loader: 'js' },
		bundle: true,
		format: 'iife',
		minify: true,
		write: false,
		target: 'es2020',
		legalComments: 'none',
		logLevel: 'silent',
		plugins: [
			{
				name: 'on-demand-left-out',
				setup(build) {
					build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' && leftOut(args.path) ? { path: args.path, external: true } : undefined));
				},
			},
			{
				// The site's absolute `/_astro/...` imports, resolved to files in dist/.
				name: 'dist-absolute',
				setup(build) {
					build.onResolve({ filter: /^\/_astro\// }, (args) => ({ path: join(dist, args.path) }));
				},
			},
			{
				name: 'inline-scripts',
				setup(build) {
					build.onResolve({ filter: /^inline:/ }, (args) => ({ path: args.path, namespace: 'inline' }));
					build.onLoad({ filter: /.*/, namespace: 'inline' }, (args) => ({ contents: inline.get(args.path)!, loader: 'js', resolveDir: astro }));
				},
			},
		],
	});
	return result.outputFiles[0]!.contents;
}
