/**
 * The output check stage: every HTML file the build wrote, read again against what the generator
 * emits (src/build/check-output.ts), after every stage that writes HTML and before the checksums and
 * signatures, so that nothing it refuses is checksummed or signed. It reads the site's pages in
 * dist/, every page inside each zip of dist/downloads/ (unzipped in memory), and each single-file
 * guide; and every script file in dist/, which must be one the build emitted (src/build/emitted.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { checkPage, contentPageOf, findSource, outputProblemsError, type OutputProblem, type OutputRules } from '../../src/build/check-output.ts';
import { inlineScriptHashes, policy, scriptHash } from '../../src/build/csp.ts';
import { readEmitted, sha256 } from '../../src/build/emitted.ts';
import { filesUnder } from '../../src/build/files.ts';
import { contentDir, docsDir } from '../../src/check/sources.ts';
import { generatorInlineScripts, generatorInlineStyles } from '../../src/build/inline-scripts.ts';
import type { Stage } from '../../src/build/pipeline.ts';
import type { BuildContext } from './context.ts';
import { SINGLE_CSS } from './single-file.ts';

/** The pages the handout and the quick card are printed from: each has one print style, computed for its language. */
const PRINT_PAGE = /^[^/]+\/(handout|card)\/index\.html$/;
const SCRIPT_FILE = /\.(m?js|cjs)$/i;

export const outputCheck: Stage<BuildContext> = {
	name: 'output check',
	does: 'reads every HTML file the build wrote (site, zips, single files) against what the generator emits',
	async run(context, progress) {
		const { dist, root } = context;
		if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no site: run the site stage first (npm run build runs every stage).');
		const emitted = readEmitted(dist);
		if (!Object.keys(emitted.files).length) throw new Error(`dist/_server/emitted.json is missing or empty: it is written by the site stage (src/integration.ts). Run the whole build (npm run build).`);
		const scripts = new Set(generatorInlineScripts(root).keys());
		const styles = new Set(generatorInlineStyles(root).keys());
		const site = process.env.SITE_URL || undefined;
		const problems: (OutputProblem & { source?: string })[] = [];

		// Files of dist/: what was emitted, as emitted; the files of public/, as Astro copied them.
		const current = new Map<string, boolean>();
		const unchanged = (path: string) => {
			if (!current.has(path)) current.set(path, emitted.files[path] !== undefined && existsSync(join(dist, path)) && sha256(readFileSync(join(dist, path))) === emitted.files[path]);
			return current.get(path)!;
		};
		const publicFiles = new Set(existsSync(join(root, 'public')) ? filesUnder(join(root, 'public')) : []);
		// The generator's icon, written where the project has none of its own (src/routes/favicon.svg.ts).
		const generatorIcon = fileURLToPath(new URL('../../src/assets/favicon.svg', import.meta.url));
		const fromPublic = (path: string) =>
			existsSync(join(dist, path)) &&
			((publicFiles.has(path) && readFileSync(join(dist, path)).equals(readFileSync(join(root, 'public', path)))) ||
				(path === 'favicon.svg' && !publicFiles.has(path) && readFileSync(join(dist, path)).equals(readFileSync(generatorIcon))));

		// Script files: every one in dist/ (outside the downloads) emitted by the build, unchanged.
		const all = filesUnder(dist);
		const scriptFiles = all.filter((f) => SCRIPT_FILE.test(f) && !f.startsWith('downloads/'));
		for (const file of scriptFiles)
			if (!unchanged(file)) {
				const text = readFileSync(join(dist, file), 'utf8');
				problems.push({
					page: `dist/${file}`,
					line: 1,
					what: emitted.files[file] ? 'a script file the build emitted, changed after it was written' : 'a script file the build did not emit',
					fix: 'remove whatever wrote it (content holds no code) and build again from a clean dist/: only Astro, Pagefind and the build stages write scripts.',
					needles: [text.slice(0, 200), file.replace(/^.*\//, '')],
				});
			}

		// The site's pages.
		const sitePages = all.filter((f) => f.endsWith('.html') && !f.startsWith('downloads/'));
		const siteRules = (path: string): OutputRules => ({
			path,
			page: `dist/${path}`,
			isScript: (p) => SCRIPT_FILE.test(p) && unchanged(p),
			isAsset: (p) => unchanged(p) || fromPublic(p),
			scripts,
			styles,
			printStyle: PRINT_PAGE.test(path),
			site,
			policy: (html) => policy(inlineScriptHashes(html)),
			hash: scriptHash,
		});
		for (const path of sitePages) problems.push(...checkPage(readFileSync(join(dist, path), 'utf8'), siteRules(path)).map((p) => ({ ...p, preferred: contentPageOf(path, docsDir()) })));
		progress(`${sitePages.length} pages of the site checked, ${scriptFiles.length} script files`);

		// The pages inside the zips, each against the zip's own files.
		let zipPages = 0;
		const zips = existsSync(context.downloads) ? readdirSync(context.downloads).filter((f) => f.endsWith('.zip')).sort() : [];
		for (const zipName of zips) {
			const entries = unzipSync(readFileSync(join(context.downloads, zipName)));
			const names = Object.keys(entries);
			const folder = names[0]?.split('/')[0] ?? '';
			const inside = new Set(names.map((n) => n.slice(folder.length + 1)));
			for (const name of names) {
				const path = name.slice(folder.length + 1);
				const page = `dist/downloads/${zipName}: ${name}`;
				if (SCRIPT_FILE.test(path) && !/^(_offline|search)\/[^/]+\.js$/.test(path))
					problems.push({ page, line: 1, what: 'a script file that the offline bundles stage does not write (its scripts are in _offline/ and search/)', fix: 'build again from a clean dist/: the zip is written by the offline bundles stage alone.', needles: [] });
				if (!path.endsWith('.html')) continue;
				zipPages++;
				const html = new TextDecoder().decode(entries[name]);
				const found = checkPage(html, {
					path,
					page,
					isScript: (p) => inside.has(p) && /^(_offline|search)\/[^/]+\.js$/.test(p),
					isAsset: (p) => inside.has(p),
					scripts,
					styles,
					site,
					policy: (text) => policy(inlineScriptHashes(text)),
					hash: scriptHash,
				});
				problems.push(...found.map((p) => ({ ...p, preferred: contentPageOf(path, docsDir()) })));
			}
		}
		if (zips.length) progress(`${zipPages} pages in ${zips.length} zips checked`);

		// The single-file guides: they load nothing; their styles are the site's stylesheets and their own.
		const singles = existsSync(context.downloads) ? readdirSync(context.downloads).filter((f) => /^guide-[^/]+\.html$/.test(f)).sort() : [];
		const cssStyles = new Set(
			Object.keys(emitted.files)
				.filter((f) => f.endsWith('.css') && unchanged(f))
				.map((f) => scriptHash(readFileSync(join(dist, f), 'utf8'))),
		);
		for (const file of singles) {
			const html = readFileSync(join(context.downloads, file), 'utf8');
			const found = checkPage(html, {
				path: file,
				page: `dist/downloads/${file}`,
				isScript: () => false,
				isAsset: () => false,
				scripts: new Set([...scripts, ...(emitted.inline[`downloads/${file}`] ?? [])]),
				styles: new Set([...styles, ...cssStyles, scriptHash(SINGLE_CSS)]),
				site,
				policy: (text) => policy(inlineScriptHashes(text), { scripts: 'inline' }),
				hash: scriptHash,
			});
			problems.push(...found.map((p) => ({ ...p, preferred: p.sitePage ? contentPageOf(p.sitePage, docsDir()) : [] })));
		}

		if (problems.length) {
			const contentFiles = existsSync(join(root, contentDir()))
				? filesUnder(join(root, contentDir())).map((f) => ({ file: `${contentDir()}/${f.split('\\').join('/')}`, text: readFileSync(join(root, contentDir(), f), 'utf8') }))
				: [];
			throw outputProblemsError(
				problems.map((p) => {
					const preferred = ('preferred' in p ? (p.preferred as string[]) : []).find((f) => contentFiles.some((c) => c.file === f));
					return { ...p, source: findSource(contentFiles, p.needles, preferred) };
				}),
			);
		}
		const files = sitePages.length + zipPages + singles.length;
		return { made: `${files} HTML files checked: ${sitePages.length} of the site, ${zipPages} in ${zips.length} zips, ${singles.length} single files; ${scriptFiles.length} script files, all the build's own` };
	},
};
