import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { recordEmitted, sha256 } from './build/emitted';
import { checkContent, formatProblems, oldReviews } from './check/check-content';
import { filesUnder } from './build/files';
import { withSystemLightTheme } from './site/no-js-theme';
import { oldCheckMessage, oldChecks } from './check/old-checks';
import { relocateDocs, type SatteriLike } from './i18n/markdown-locale';
import { releaseConditionsPlugin } from './site/release-conditions';
import { summary, formatBytes, formatMs, REPORT_VARIABLE, STAGES_VARIABLE, type StageResult } from './build/pipeline';
import { takeSigningVariables } from './build/signing-env';
import { searchStrings } from './i18n/search-strings';
import { elementNames } from './check/check-mdx';
import { componentImports } from './check/page-components';
import { contentDir, dataFile, docsDir } from './check/sources';
import { riskCss } from './plan/risk-css';
import { toRiskModel } from './plan/risk';
import { checkPatches, PatchLedger, isPrintStylesheet, patchPrintStylesheet, PRINT_RULES, SIDEBAR_STATE, SIDEBAR_STATE_ID, starlightFolder, starlightVersion } from './build/starlight-patches';

/** The first stage, the one Astro is: scripts/build/stages.ts. */
const SITE_STAGE = 'site';
/** The width of the longest stage name ("offline bundles"), to which the stages' lines are padded. */
export const STAGE_WIDTH = 15;

/**
 * The release key's variables leave this process's environment as soon as the config is loaded,
 * before any page's code runs; only the process of the stages after the site gets them back, for
 * the signatures stage, which signs in a process of its own (scripts/sign.ts).
 */
const signingVariables = takeSigningVariables(process.env);

const VIRTUAL_ID = 'virtual:playbook/config';
const SEARCH_STRINGS_ID = 'virtual:playbook/search-strings';
/** The CSS that picks the risk check's plan from the answers without a script, written from the questions (src/plan/risk-css.ts). */
const RISK_CSS_ID = 'virtual:playbook/risk.css';
const EMPTY_ID = '\0playbook:nothing';

/** The pages the generator adds to a guide: route pattern, and its file under src/routes/. */
const ROUTES: readonly (readonly [string, string])[] = [
	['/', 'index.astro'],
	['/404', '404.astro'],
	['/[lang]/404', '[lang]/404.astro'],
	['/[lang]/all-pages', '[lang]/all-pages.astro'],
	['/[lang]/card', '[lang]/card.astro'],
	['/[lang]/handout', '[lang]/handout.astro'],
	['/[lang]/translation-status', '[lang]/translation-status.astro'],
];

/**
 * The Astro integration the plugin (src/index.ts) adds. It checks every content file before Astro
 * loads anything, so a broken reference, a missing translation or a malformed date stops the
 * build with the file, the field and the fix; exposes what pages need in file order (the
 * languages, the source language) as `virtual:playbook/config`, since content collections do not
 * keep the order of a file; adds the generator's pages; and, once Astro has written the site,
 * runs the build's other stages (policy, search index, handouts, bundles, single files, scripts,
 * output check, checksums, signatures), printing what each made, its size and its time.
 * `checked` is the content check's result, made once per build by the plugin, and `checkMs` its time.
 */
export function playbookIntegration(checked: ReturnType<typeof checkContent>, checkMs: number): AstroIntegration {
	const ledger = new PatchLedger();
	let version: string | undefined;
	let emittedStarted = false;
	let building = false;
	let siteStarted = 0;
	let root = '';
	return {
		name: 'playbook',
		hooks: {
			'astro:config:setup': ({ config, command, logger, updateConfig, injectRoute }) => {
				building = command === 'build';
				root = fileURLToPath(config.root);
				siteStarted = performance.now();
				if (building) console.log(`${SITE_STAGE.padEnd(STAGE_WIDTH)}  … astro build: checks the content, renders every page in every language`);
				if (building && !config.site) logger.info('no sitemap: SITE_URL is not set (set it to the public address, such as https://guide.example.org, to get one)');
				// The pages the generator makes for every guide, beside the guide's own (src/routes/).
				for (const [pattern, file] of ROUTES) injectRoute({ pattern, entrypoint: fileURLToPath(new URL(`./routes/${file}`, import.meta.url)), prerender: true });
				// Every page links /favicon.svg: the generator's, unless the project has its own.
				if (!existsSync(join(fileURLToPath(config.publicDir), 'favicon.svg'))) injectRoute({ pattern: '/favicon.svg', entrypoint: fileURLToPath(new URL('./routes/favicon.svg.ts', import.meta.url)), prerender: true });
				// Starlight's files that two plugins below patch must still be as the patches expect.
				const folder = starlightFolder(fileURLToPath(config.root));
				if (!folder) throw new AstroError('@astrojs/starlight is not installed.', 'Run `npm ci` in the project folder.');
				version = starlightVersion(folder);
				const broken = checkPatches(folder);
				if (broken.length) throw new AstroError(broken.map((e) => e.message).join('\n\n'), 'Each message names the patch, the Starlight file to compare and what to change.');
				if (command === 'build') logger.info(`Starlight ${version}: both patches of its files match`);
				const { problems, data } = checked;
				if (problems.length || !data) {
					const listed = formatProblems(problems, fileURLToPath(config.root));
					// The build, the content check alone (astro sync) and the preview server stop here, before
					// anything is written, with the problems and nothing else: no stack trace of the hook for an
					// editor to read as a crash.
					const n = problems.length;
					const counted = `the content has ${n} problem${n === 1 ? '' : 's'}, listed above with the file and the fix; correct ${n === 1 ? 'it' : 'them'}`;
					stop(`${listed}\n\n${building ? `build: ${counted} and build again (npm run check:content checks the content alone, in seconds)` : `${command}: ${counted} and run it again`}`);
				}
				// Advice goes out of date: say which pages have not been reviewed for a year, and which
				// tool facts were not compared with their source for a year; not problems, but said.
				const old = oldReviews(fileURLToPath(config.root), new Date());
				const unchecked = oldChecks(data.tools, new Date());
				const later = old.length + unchecked.length;
				logger.info(`content checked in ${Math.round(checkMs)} ms: no problems${later ? `; ${later} to look at again below (advice or facts not checked for over 12 months)` : ''}`);
				for (const page of old) logger.warn(`${page.file}: advice last reviewed on ${page.reviewed}, more than 12 months ago. Check it, then update "reviewed:".`);
				if (old.length) logger.warn(`${old.length} page${old.length === 1 ? '' : 's'} not reviewed for over 12 months`);
				for (const tool of unchecked) logger.warn(oldCheckMessage(tool, dataFile('tools')));
				const order = Object.fromEntries(Object.entries(data).map(([name, entries]) => [name, (entries as { id: string }[]).map((e) => e.id)]));
				const exported = JSON.stringify({ languages: data.languages, source: data.languages[0]!.id, order, releaseKeys: data['release-keys'] });
				updateConfig({
					// No prefetching: readers on slow or metered links, or on Tor, load only the pages they open.
					prefetch: false,
					// Every page's text arrives in its HTML; what pages share comes in files a browser keeps:
					// one stylesheet for the whole site, and scripts as files rather than inlined in each page.
					build: { inlineStylesheets: 'never' },
					vite: {
						build: {
							cssCodeSplit: false,
							// Scripts are never inlined, but an empty one is "inlined" as nothing instead of being
							// fetched as an empty file (Starlight's sidebar state script, below).
							assetsInlineLimit: (file: string, content: Buffer) => (/\.m?js$/.test(file) ? content.length === 0 : undefined),
							rollupOptions: {
								// MDX pages carry an Astro directive that the bundler reports once per page; it is expected.
								onwarn(warning: { code?: string }, warn: (warning: { code?: string }) => void) {
									if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
								},
							},
						},
						plugins: [
							{
								name: 'playbook:config',
								resolveId: (id: string) => (id === VIRTUAL_ID || id === SEARCH_STRINGS_ID || id === RISK_CSS_ID ? `\0${id}` : undefined),
								load: (id: string) => {
									if (id === `\0${VIRTUAL_ID}`) return `export default ${exported};`;
									if (id === `\0${RISK_CSS_ID}`) return `@layer playbook{${riskCss(toRiskModel({ questions: data.questions, rules: [] }).questions)}}`;
									if (id === `\0${SEARCH_STRINGS_ID}`) return `export default ${JSON.stringify(searchStrings(fileURLToPath(config.root), data.languages))};`;
									return undefined;
								},
							},
							{
								// Pages import nothing (src/check/check-mdx.ts): the guide's components a page uses are imported
								// for it here (src/check/page-components.ts), before the MDX compiler reads it. The imports go at
								// the end of the page, so that its lines keep their numbers in the compiler's messages.
								name: 'playbook:page-components',
								enforce: 'pre',
								transform: {
									order: 'pre',
									handler: (code: string, id: string) => {
										if (!/\.mdx$/.test(id) || !id.replace(/\\/g, '/').startsWith(`${fileURLToPath(config.root).replace(/\\/g, '/').replace(/\/?$/, '/')}${docsDir()}/`)) return undefined;
										const imports = componentImports(elementNames(code));
										return imports ? { code: `${code.replace(/\n*$/, '')}\n\n${imports}\n`, map: null } : undefined;
									},
								},
							},
							{
								// No page shows code, and expressiveCode is off: its print rules go too.
								name: 'playbook:no-code-block-print-rules',
								enforce: 'pre',
								transform: (code: string, id: string) => {
									if (!isPrintStylesheet(id, code)) return undefined;
									const patched = patchPrintStylesheet(code, version);
									ledger.applied(PRINT_RULES);
									return patched;
								},
							},
							{
								// Without JavaScript the theme follows the system too, not always dark (src/site/no-js-theme.ts).
								name: 'playbook:no-js-light-theme',
								enforce: 'pre',
								transform: (code: string, id: string) => (/\.css($|\?)|[?&]lang\.css/.test(id) && code.includes('data-theme') ? withSystemLightTheme(code) : undefined),
							},
							{
								// The files the build writes, by hash, before any page is rendered: the client build's, and
								// the assets (stylesheets, fonts) of the server build, which Astro moves to the same folder.
								// The output check refuses a script in dist/ that is not among them (src/build/emitted.ts).
								name: 'playbook:emitted-files',
								apply: 'build',
								writeBundle(this: { environment?: { name: string } }, options: { dir?: string }, bundle: Record<string, { fileName: string } & ({ type: 'chunk'; code: string } | { type: 'asset'; source: string | Uint8Array })>) {
									const client = !this.environment || this.environment.name === 'client';
									const outDir = fileURLToPath(config.outDir);
									const files: Record<string, string> = {};
									for (const output of Object.values(bundle)) {
										const path = client ? relative(outDir, join(options.dir ?? outDir, output.fileName)).split(sep).join('/') : output.fileName;
										if (client ? !path.startsWith('..') : output.type === 'asset' && path.startsWith(`${config.build.assets}/`))
											files[path] = sha256(output.type === 'chunk' ? output.code : output.source);
									}
									recordEmitted(outDir, { files }, { fresh: !emittedStarted });
									emittedStarted = true;
								},
							},
							{
								// Nothing about the reader is stored: the sidebar's state script is replaced by an empty module.
								name: 'playbook:no-sidebar-state',
								enforce: 'pre',
								resolveId: (id: string) => {
									if (!SIDEBAR_STATE_ID.test(id)) return undefined;
									ledger.applied(SIDEBAR_STATE);
									return EMPTY_ID;
								},
								load: (id: string) => (id === EMPTY_ID ? 'export {};' : undefined),
							},
						],
					},
				});
			},
			// Starlight reads a page's language from its path under src/content/docs; ours are in content/docs.
			'astro:config:done': ({ config }) => {
				const root = fileURLToPath(config.root).replace(/\\/g, '/');
				const problem = relocateDocs(config.markdown.processor as SatteriLike, `${root.replace(/\/?$/, '/')}${docsDir()}/`, `${fileURLToPath(config.srcDir).replace(/\\/g, '/').replace(/\/?$/, '/')}content/docs/`);
				if (problem) throw new AstroError(`Translated pages would show Starlight's English labels: ${problem}`, 'See src/i18n/markdown-locale.ts.');
				// Passages for a signed or an unsigned release only (src/site/release-conditions.ts).
				(config.markdown.processor as SatteriLike).options!.mdastPlugins!.push(releaseConditionsPlugin(!!checked.data?.['release-keys'].length));
			},
			'astro:build:done': async ({ dir }) => {
				// A patch whose file the build never loaded did nothing: the build stops.
				const missing = ledger.missing(undefined, version);
				if (missing.length) throw new AstroError(missing.map((e) => e.message).join('\n\n'), 'Each message names the patch, the Starlight file to compare and what to change.');
				if (building) await runAfterSite(root, fileURLToPath(dir), siteStarted);
			},
		},
	};
}

/**
 * After Astro has written the site: the site stage's line, then every other stage (or those of
 * PLAYBOOK_STAGES) in a process of their own, `node scripts/build.ts --only …`, which prints
 * their lines and the closing table with the site's row. Their own process, because they load
 * Pagefind, Chromium and esbuild as Node does, not through Astro's module loader, which is closed
 * by now; and because only there do the signing key's variables come back (src/build/signing-env.ts).
 */
async function runAfterSite(root: string, dist: string, started: number): Promise<void> {
	const files = filesUnder(dist);
	const pages = files.filter((f) => f.endsWith('.html')).length;
	const site: StageResult = { name: SITE_STAGE, made: `${pages} HTML pages in dist/`, bytes: files.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0), ms: performance.now() - started };
	console.log(`${SITE_STAGE.padEnd(STAGE_WIDTH)}  ✓ ${site.made}, ${formatBytes(site.bytes!)}, ${formatMs(site.ms)}`);
	const named = process.env[STAGES_VARIABLE]?.split(',').map((s) => s.trim()).filter(Boolean);
	const after = named ? named.filter((name) => name !== SITE_STAGE) : undefined;
	// With the generator installed below node_modules/, Node runs its TypeScript only with these hooks.
	const args = ['--disable-warning=ExperimentalWarning', '--import', fileURLToPath(new URL('../scripts/typescript.mjs', import.meta.url)), fileURLToPath(new URL('../scripts/build.ts', import.meta.url)), '--after-site', JSON.stringify(site), '--dist', dist, '--content', contentDir()];
	if (after) args.push('--only', after.join(','));
	if (process.env[REPORT_VARIABLE]) args.push('--report', process.env[REPORT_VARIABLE]!);
	if (after && !after.length) {
		console.log(`\nbuild: done\n${summary([site])}`);
		if (process.env[REPORT_VARIABLE]) writeFileSync(process.env[REPORT_VARIABLE]!, JSON.stringify({ results: [site], maxRss: process.resourceUsage().maxRSS * 1024 }));
		return;
	}
	const env = { ...process.env, ...signingVariables };
	delete env[STAGES_VARIABLE];
	delete env[REPORT_VARIABLE];
	const code = await new Promise<number | null>((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
		child.on('error', reject);
		child.on('close', resolve);
	});
	// The stage printed its reason ("build: stage … failed: …"); the build ends there.
	if (code !== 0) stop('');
}

/** Ends `astro build` with `message` on standard error and exit code 1. */
function stop(message: string): never {
	if (message) console.error(message);
	process.exit(1);
}
