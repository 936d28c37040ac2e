/**
 * The benchmark: how light the site is and how fast it builds, each figure also as a ratio to a
 * plain Starlight site built in the same run from the same prose. Prints tables and writes them
 * as JSON to bench/results.json.
 *
 *   npm run bench                 builds everything (a few minutes)
 *   npm run bench -- --reuse      measures the dist/ already built; build times are left out
 *   npm run bench -- --no-tenfold skips the site with ten times the pages
 *   npm run bench -- --hundredfold builds only a site with a hundred times the content pages
 *                                 (most of an hour on two cores; not part of npm test), and adds
 *                                 its time and peak memory per stage to bench/results.json
 *
 * Steps: build the site (timing each stage of scripts/build/stages.ts); build the
 * baseline; measure every page of both (scripts/bench/page-weight.ts) and, in Chromium, the files a
 * first view of the heaviest page of each kind really fetches; time search online and offline;
 * time a first view on a slow link, against the baseline;
 * build the tenfold site and compare the time per page and peak memory of every stage.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { firstViewFetches, KEY_DELAY, launch, OFFLINE_RUNS, OFFLINE_SEARCH_GOALS, offlineSearch, onlineSearch, serving, unzipBundle, type OfflineSearchTiming, type SearchTiming } from './bench/browser.ts';
import { timedBuild, type BuildTimes } from './bench/build.ts';
import { growthPages, growthReport, htmlGrowth, MAX_GROWTH, type HtmlGrowth } from './bench/html-growth.ts';
import { failures, hundredfoldVerdict, linearityTable, type SizedBuild } from './bench/linear.ts';
import { measure, pageWeight, type PageWeight } from './bench/page-weight.ts';
import { SLOW_LINK, slowViews, type SlowView } from './bench/slow-link.ts';
import { contentPages, makeBaseline, makeTenfold } from './bench/sites.ts';
import { DOWNLOADS_FOLDER, filesUnder } from '../src/build/files.ts';
import { loadLanguages } from '../src/check/site-data.ts';
import { dataFile, listPages, parseYaml, readText } from '../src/check/sources.ts';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'bench/results.json');
const args = new Set(process.argv.slice(2));
const started = performance.now();
const log = (message: string) => console.log(`bench: ${message} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
const KB = 1024;
const kb = (n: number) => (n / KB).toFixed(1);
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '–');

/** The guide's languages (content/data/languages.yaml), the source language first. */
const guideLanguages = loadLanguages(ROOT);
const languages = guideLanguages.map((l) => l.id);
/** Search terms found in every language: the names of the guide's first five tools, which are not translated. */
const QUERIES = (parseYaml(readText(ROOT, dataFile('tools')) ?? '[]', dataFile('tools')) as { name: string }[]).slice(0, 5).map((t) => t.name);
/** A tool, a practice and a scenario page of the guide (the first of each), by path below a language. */
const PAGES = growthPages(ROOT);
/** The risk check: the page of the source language that shows <RiskSelector />. */
const RISK_CHECK = listPages(ROOT).find((p) => p.lang === languages[0] && /<RiskSelector\b/.test(readText(ROOT, p.file) ?? ''))?.slug.replace(/(^|\/)index$/, '');

// ---------------------------------------------------------------------------------------------
// Pages: kinds, and what a first and a repeat view cost.
// ---------------------------------------------------------------------------------------------

/** The kind of a page from its path: `en/tools/<id>/index.html` is a "tool", the risk check's page is "risk check", another page is its path. */
function kindOf(page: string): { kind: string; lang: string } {
	if (page === 'index.html') return { kind: 'language picker', lang: '–' };
	if (page === '404.html') return { kind: '404', lang: '–' };
	const [lang, section, id, ...rest] = page.replace(/index\.html$/, '').split('/').filter(Boolean);
	const kind =
		section === undefined ? 'home'
		: section === 'tools' ? (id ? 'tool' : 'tools table')
		: section === 'practices' ? 'practice'
		: section === 'scenarios' ? 'scenario'
		: [section, id].filter(Boolean).join('/') === RISK_CHECK ? 'risk check'
		: rest.length === 0 && !id ? section
		: `${section}/…`;
	return { kind, lang: lang! };
}

interface Measured {
	bytes: number;
	gzip: number;
	brotli: number;
	requests: number;
}

interface Row {
	kind: string;
	lang: string;
	pages: number;
	/** The heaviest page of the kind in the language (first view, gzipped, as read from the HTML). */
	largest: string;
	/** First view of the largest page: the files Chromium fetched, measured. */
	first: Measured & { html: number; css: number; js: number; font: number };
	/** Repeat view: the files not named after their content (always the document). */
	repeat: Measured;
	/** Requests before the text is shown. */
	blocking: number;
	/** Whether Chromium fetched exactly the files read from the HTML. */
	chromiumAgrees: boolean;
}

function firstView(dist: string, fetched: string[]): Row['first'] {
	const sum = { bytes: 0, gzip: 0, brotli: 0, requests: fetched.length, html: 0, css: 0, js: 0, font: 0 };
	for (const url of fetched) {
		let file = join(dist, url);
		if (url.endsWith('/')) file = join(file, 'index.html');
		const size = measure(`${dist}:${url}`, readFileSync(file));
		const kind = url.endsWith('/') || url.endsWith('.html') ? 'html' : url.endsWith('.css') ? 'css' : /\.m?js$/.test(url) ? 'js' : /\.woff2?$/.test(url) ? 'font' : undefined;
		if (!kind) continue; // the icon, Pagefind's index files are not in the budgets' total
		sum.bytes += size.bytes;
		sum.gzip += size.gzip;
		sum.brotli += size.brotli;
		sum[kind] += size.gzip;
	}
	return sum;
}

async function measurePages(dist: string, only?: (page: string) => boolean): Promise<Row[]> {
	const weights = filesUnder(dist).filter((f) => f.endsWith('.html'))
		.filter((p) => !only || only(p))
		.map((p) => ({ ...kindOf(p), weight: pageWeight(dist, p) }));
	const groups = new Map<string, typeof weights>();
	for (const w of weights) groups.set(`${w.kind}\u0000${w.lang}`, [...(groups.get(`${w.kind}\u0000${w.lang}`) ?? []), w]);
	const browser = await launch();
	try {
		return await serving(dist, async (origin) => {
			const rows: Row[] = [];
			for (const group of groups.values()) {
				const heaviest = group.reduce((a, b) => (b.weight.first.gzip > a.weight.first.gzip ? b : a));
				const w: PageWeight = heaviest.weight;
				const fetched = await firstViewFetches(browser, origin, '/' + w.page.replace(/index\.html$/, ''));
				const read = w.resources.map((r) => r.url).sort();
				rows.push({
					kind: heaviest.kind,
					lang: heaviest.lang,
					pages: group.length,
					largest: w.page,
					first: firstView(dist, fetched),
					repeat: { bytes: w.repeat.bytes, gzip: w.repeat.gzip, brotli: w.repeat.brotli, requests: w.repeat.requests },
					blocking: w.blocking,
					chromiumAgrees: JSON.stringify(fetched) === JSON.stringify(read),
				});
			}
			// The kinds of every guide first, the guide's own pages by name, then the generator's pages.
			const first = ['language picker', 'home', 'tool', 'tools table', 'practice', 'scenario', 'risk check'];
			const last = ['all-pages', 'translation-status', 'handout', 'card', '404'];
			const rank = (k: string) => (first.includes(k) ? first.indexOf(k) : last.includes(k) ? first.length + 1 + last.indexOf(k) : first.length);
			return rows.sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || languages.indexOf(a.lang) - languages.indexOf(b.lang));
		});
	} finally {
		await browser.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Printing.
// ---------------------------------------------------------------------------------------------

function table(head: string[], rows: string[][]): string {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
	return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Run.
// ---------------------------------------------------------------------------------------------

/** The results of the last run, kept where this run does not measure them again. */
const previous = (): Record<string, unknown> => (existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>) : {});

/** Stages, per page and peak memory, at each size built; with the 1× build of the last full run when this run has none. */
function linearity(builds: SizedBuild[]): string {
	const { head, rows } = linearityTable(builds);
	if (!rows.length) return 'Build stages: no per-stage figures (the 1× site was not built in this run or the last).';
	return [
		'Build stages at each size: seconds, milliseconds per built HTML page, peak memory of the stage with the processes it starts (MB),',
		`and per page against ${builds[0]!.label} (goal of #20: ≤ 1.1× at 10×; at 100×, under 15 minutes and under 4 GB for any stage).`,
		table(head, rows),
		...failures(builds),
	].join('\n');
}

/** `--hundredfold`: a site with a hundred times the content pages, built and measured stage by stage. */
async function hundredfold(machine: string) {
	const made = makeTenfold(ROOT, 100);
	log(`building the hundredfold site: ${made.pages[languages[0]!]} content pages per language instead of ${contentPages(ROOT)[languages[0]!]} (${made.copies} copies of every tool, practice and scenario); each stage a process of its own`);
	const build = await timedBuild(made.dir, (m) => log(`hundredfold ${m}`));
	rmSync(made.dir, { recursive: true, force: true });
	const last = previous();
	const one = (last.build ?? undefined) as BuildTimes | undefined;
	const ten = (last.tenfold as { build?: BuildTimes } | null | undefined)?.build;
	const verdict = hundredfoldVerdict(build);
	const report = [
		`Safe Communication Playbook — hundredfold build, ${new Date().toISOString().slice(0, 10)}, ${machine}`,
		linearity([...(one?.stages ? [{ label: '1×', build: one }] : []), ...(ten?.stages ? [{ label: '10×', build: ten }] : []), { label: '100×', build }]),
		`Hundredfold: ${build.pages} HTML pages in ${verdict.minutes.toFixed(1)} minutes (target under 15: ${verdict.fast ? 'met' : 'not met'}); highest peak of a stage ${verdict.peakGB.toFixed(2)} GB (target under 4: ${verdict.small ? 'met' : 'not met'}).`,
	].join('\n');
	console.log(`\n${report}\n`);
	const hundred = { date: new Date().toISOString().slice(0, 10), machine, copies: made.copies, contentPages: made.pages, build, ...verdict, table: report };
	mkdirSync(join(ROOT, 'bench'), { recursive: true });
	writeFileSync(OUT, JSON.stringify({ ...last, hundredfold: hundred }, null, '\t') + '\n');
	log(`wrote ${OUT.replace(ROOT + '/', '')} (its hundredfold key)`);
}

async function main() {
	const cpu = cpus();
	const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
	log(`on ${machine}`);
	if (args.has('--hundredfold')) return hundredfold(machine);

	// 1. The site.
	let build: BuildTimes | undefined;
	if (args.has('--reuse') && existsSync(join(DIST, 'index.html'))) log('reusing dist/; build times are not measured');
	else {
		log('building the site: every stage of scripts/build/stages.ts');
		build = await timedBuild(ROOT, (m) => log(m));
	}

	// 2. The baseline: plain Starlight, same languages, sidebar and prose.
	log('building the baseline: a plain Starlight site with the same prose');
	const baselineDir = makeBaseline(ROOT);
	const baselineBuild = await timedBuild(baselineDir, (m) => log(`baseline ${m}`), { plain: true });
	const baselineDist = join(baselineDir, 'dist');

	// 3. Pages.
	log('measuring every page, and the heaviest of each kind in Chromium');
	const rows = await measurePages(DIST);
	const baseRows = await measurePages(baselineDist, (p) => languages.some((l) => p === `${l}/${PAGES.tool}index.html`));
	const base = Object.fromEntries(baseRows.map((r) => [r.lang, r]));
	const baseFor = (lang: string) => base[lang] ?? base[languages[0]!]!;

	// 4. Search.
	log('timing search in Chromium: Pagefind online, the bundle index offline, and the baseline');
	const search: Record<string, { online: SearchTiming; offline: OfflineSearchTiming; baseline: SearchTiming }> = {};
	const browser = await launch();
	try {
		// One language at a time, so that the two cores are not shared between measurements.
		const each = async (dist: string) =>
			serving(dist, async (origin) => {
				const timings: Record<string, SearchTiming> = {};
				for (const lang of languages) timings[lang] = await onlineSearch(browser, origin, lang, QUERIES);
				return timings;
			});
		const online = await each(DIST);
		const baseline = await each(baselineDist);
		for (const lang of languages) {
			log(`timing the offline search of playbook-${lang}.zip from file://, ${OFFLINE_RUNS} fresh pages`);
			const bundle = unzipBundle(join(DIST, `downloads/playbook-${lang}.zip`));
			try {
				search[lang] = { online: online[lang]!, offline: await offlineSearch(browser, join(bundle, `playbook-${lang}`), lang, QUERIES), baseline: baseline[lang]! };
			} finally {
				rmSync(bundle, { recursive: true, force: true });
			}
		}
	} finally {
		await browser.close();
	}

	// 4b. A slow link: a tool page, a scenario and the risk check, in the source language and the right-to-left one.
	const slowLangs = [languages[0]!, ...guideLanguages.filter((l) => l.dir === 'rtl').slice(0, 1).map((l) => l.id)];
	const slowPaths = slowLangs.flatMap((l) => [`${l}/${PAGES.tool}`, `${l}/${PAGES.scenario}`, ...(RISK_CHECK === undefined ? [] : [`${l}/${RISK_CHECK}/`])]);
	log(`a first view on a slow link (${SLOW_LINK.downloadThroughput * 8 / 1000} kbit/s, ${SLOW_LINK.latency} ms round trips, gzip), ${slowPaths.length} pages × 5 visits, site and baseline`);
	let slow: { site: Record<string, SlowView>; baseline: Record<string, SlowView> };
	{
		const slowBrowser = await launch();
		try {
			slow = { site: await slowViews(slowBrowser, DIST, slowPaths), baseline: await slowViews(slowBrowser, baselineDist, slowPaths) };
		} finally {
			await slowBrowser.close();
		}
	}

	// 5. Downloads.
	const manifest = JSON.parse(readFileSync(join(DIST, 'downloads/manifest.json'), 'utf8')) as { files: { file: string; bytes: number; files?: number }[] };

	// 6. Ten times the pages.
	let tenfold: { copies: number; contentPages: Record<string, number>; build: BuildTimes; html: HtmlGrowth[] } | undefined;
	if (!args.has('--no-tenfold')) {
		const made = makeTenfold(ROOT);
		log(`building the tenfold site: ${made.pages[languages[0]!]} content pages per language instead of ${contentPages(ROOT)[languages[0]!]} (${made.copies} copies of every tool, practice and scenario)`);
		const built = await timedBuild(made.dir, (m) => log(`tenfold ${m}`));
		tenfold = { copies: made.copies, contentPages: made.pages, build: built, html: htmlGrowth(DIST, join(made.dir, 'dist'), languages, PAGES) };
		rmSync(made.dir, { recursive: true, force: true });
	}
	rmSync(baselineDir, { recursive: true, force: true });

	// Print.
	const out: string[] = [];
	out.push(`Safe Communication Playbook — benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine}`);
	out.push('');
	out.push('Pages: the heaviest page of each kind and language. First view: what Chromium fetched with an empty cache (HTML, CSS, JS, fonts),');
	out.push('gzip -6 / brotli -11. Repeat view: the page again, files under /_astro/ cached. ×base: ratio to a plain Starlight page');
	out.push(`(${PAGES.tool.replace(/\/$/, '')} of the baseline in the same language: first view ${kb(baseFor(languages[0]!).first.gzip)} KB gz, repeat ${kb(baseFor(languages[0]!).repeat.gzip)} KB gz, ${baseFor(languages[0]!).first.requests} requests in ${guideLanguages[0]!.label}).`);
	out.push(
		table(
			['kind', 'lang', 'pages', 'first gz', '×base', 'first br', 'html', 'css', 'js', 'font', 'repeat gz', '×base', 'repeat br', 'requests', '×base', 'blocking', 'largest page'],
			rows.map((r) => {
				const b = baseFor(r.lang === '–' ? languages[0]! : r.lang);
				return [
					r.kind,
					r.lang,
					String(r.pages),
					kb(r.first.gzip),
					ratio(r.first.gzip, b.first.gzip),
					kb(r.first.brotli),
					kb(r.first.html),
					kb(r.first.css),
					kb(r.first.js),
					kb(r.first.font),
					kb(r.repeat.gzip),
					ratio(r.repeat.gzip, b.repeat.gzip),
					kb(r.repeat.brotli),
					String(r.first.requests),
					ratio(r.first.requests, b.first.requests),
					String(r.blocking),
					r.largest + (r.chromiumAgrees ? '' : ' (!)'),
				];
			}),
		),
	);
	// Content pages, as the budget test counts them: not the print sources of the PDFs, nor the single files.
	const content = rows.filter((r) => r.kind !== 'handout' && r.kind !== 'card' && r.lang !== DOWNLOADS_FOLDER);
	const heaviestFirst = content.reduce((a, b) => (b.first.gzip > a.first.gzip ? b : a));
	const heaviestRepeat = content.reduce((a, b) => (b.repeat.gzip > a.repeat.gzip ? b : a));
	out.push(`Largest content page, first view: ${heaviestFirst.largest} ${kb(heaviestFirst.first.gzip)} KB gz; repeat view: ${heaviestRepeat.largest} ${kb(heaviestRepeat.repeat.gzip)} KB gz. (!) marks a page where Chromium fetched other files than the HTML names (the handout declares fonts for every script and fetches those its text uses).`);
	out.push('');

	const perPage = (seconds: number | undefined, pages: number) => (seconds === undefined ? '–' : `${((seconds * 1000) / pages).toFixed(1)}`);
	const steps: [string, keyof BuildTimes][] = [
		['Astro', 'astro'],
		['policy', 'policy'],
		['search index', 'searchIndex'],
		['PDFs', 'pdfs'],
		['bundles', 'bundles'],
		['checksums', 'checksums'],
		['total', 'total'],
	];
	const sec = (v: unknown) => (typeof v === 'number' ? v.toFixed(1) : '–');
	out.push('Build: seconds, and milliseconds per built HTML page. ×base: per page, against the plain Starlight build.');
	out.push(
		table(
			['step', 'site s', 'ms/page', '×base', 'baseline s', 'ms/page', 'tenfold s', 'ms/page', 'tenfold/site per page'],
			steps.map(([name, key]) => {
				const own = build?.[key] as number | undefined;
				const b = baselineBuild[key] as number | undefined;
				const t = tenfold?.build[key] as number | undefined;
				const ownPer = own === undefined || !build ? undefined : own / build.pages;
				const basePer = b === undefined ? undefined : b / baselineBuild.pages;
				const tenPer = t === undefined || !tenfold ? undefined : t / tenfold.build.pages;
				return [name, sec(own), build ? perPage(own, build.pages) : '–', ownPer !== undefined && basePer ? ratio(ownPer, basePer) : '–', sec(b), perPage(b, baselineBuild.pages), sec(t), tenfold ? perPage(t, tenfold.build.pages) : '–', ownPer && tenPer ? ratio(tenPer, ownPer) : '–'];
			}),
		),
	);
	out.push(`HTML pages built: site ${build?.pages ?? '–'}, baseline ${baselineBuild.pages}, tenfold ${tenfold?.build.pages ?? '–'}. Content pages per language: site ${contentPages(ROOT)[languages[0]!]}, baseline ${contentPages(ROOT)[languages[0]!]}, tenfold ${tenfold?.contentPages[languages[0]!] ?? '–'}.`);
	if (tenfold) out.push(`HTML of a page, site and tenfold site (goal of #20: within ${MAX_GROWTH * 100} %):`, ...growthReport(tenfold.html, 'tenfold'));
	out.push('');
	const hundredfoldBuild = (previous().hundredfold as { build?: BuildTimes } | undefined)?.build;
	out.push(linearity([...(build ? [{ label: '1×', build }] : []), ...(tenfold ? [{ label: '10×', build: tenfold.build }] : []), ...(hundredfoldBuild ? [{ label: '100× (last --hundredfold)', build: hundredfoldBuild }] : [])]));
	out.push('');

	out.push('Downloads (dist/downloads/manifest.json):');
	out.push(table(['file', 'what', 'KB'], manifest.files.map((f) => [f.file, f.file.endsWith('.zip') ? `offline bundle, ${f.files} files` : f.file.startsWith('card-') ? 'quick card (PDF)' : f.file.endsWith('.html') ? 'the guide in one file' : 'PDF handout', kb(f.bytes)])));
	out.push('');

	out.push(`Search in Chromium, milliseconds. First: open search on an idle page and type "${QUERIES[0]}" until results show (loads the search code and index).`);
	out.push(`Later: median of ${QUERIES.slice(1).map((q) => `"${q}"`).join(', ')} typed afterwards. Pagefind's interface waits 300 ms after typing before it searches.`);
	out.push(
		table(
			['lang', 'online first', '×base', 'online later', '×base', 'baseline first', 'baseline later'],
			languages.map((l) => {
				const s = search[l]!;
				return [l, s.online.first.toFixed(0), ratio(s.online.first, s.baseline.first), s.online.later.toFixed(0), ratio(s.online.later, s.baseline.later), s.baseline.first.toFixed(0), s.baseline.later.toFixed(0)];
			}),
		),
	);
	out.push('');
	const goal = (ms: number, limit: number) => `${ms.toFixed(1)} ${ms <= limit ? 'ok' : 'OVER'}`;
	out.push(`Offline search: each language's bundle from file://, ${OFFLINE_RUNS} fresh pages. Milliseconds from the last keystroke to the results laid out in the page,`);
	out.push(`the queries typed key by key, ${KEY_DELAY} ms apart. First: "${QUERIES[0]}", typed right after opening search; later: the other queries, each replacing the one before (median of`);
	out.push(`${OFFLINE_RUNS * (QUERIES.length - 1)}). Goals of #20: first ≤ ${OFFLINE_SEARCH_GOALS.first} ms, later ≤ ${OFFLINE_SEARCH_GOALS.later} ms. Pasted: from opening search to the results of "${QUERIES[0]}" put in at once, nothing hidden by typing.`);
	out.push(
		table(
			['lang', `first (≤ ${OFFLINE_SEARCH_GOALS.first})`, 'first, each run', `later (≤ ${OFFLINE_SEARCH_GOALS.later})`, 'later, slowest', 'pasted', 'pasted, each run'],
			languages.map((l) => {
				const o = search[l]!.offline;
				const each = (values: number[]) => values.map((v) => v.toFixed(0)).join(' ');
				return [l, goal(o.first, OFFLINE_SEARCH_GOALS.first), each(o.firstAll), goal(o.later, OFFLINE_SEARCH_GOALS.later), Math.max(...o.laterAll).toFixed(1), o.cold.toFixed(1), each(o.coldAll)];
			}),
		),
	);
	out.push('');
	out.push(`A first view on a slow link: Chromium throttled to ${SLOW_LINK.downloadThroughput * 8 / 1000} kbit/s each way and ${SLOW_LINK.latency} ms round trips, files gzipped, no cache;`);
	out.push('milliseconds, median of 5 fresh visits. ×base: against the same page of the plain Starlight site (goals of #20: first paint ≤ 0.75×, load ≤ 0.9×).');
	out.push(
		table(
			['page', 'first paint', 'baseline', '×base', 'load', 'baseline', '×base'],
			slowPaths.map((path) => {
				const own = slow.site[path]!;
				const b = slow.baseline[path]!;
				return [path, String(own.fcp), String(b.fcp), ratio(own.fcp, b.fcp), String(own.load), String(b.load), ratio(own.load, b.load)];
			}),
		),
	);
	const report = out.join('\n');
	console.log(`\n${report}\n`);

	mkdirSync(join(ROOT, 'bench'), { recursive: true });
	writeFileSync(
		OUT,
		JSON.stringify(
			{
				date: new Date().toISOString().slice(0, 10),
				machine,
				units: { bytes: 'bytes', times: 'seconds for builds, milliseconds for search', gzip: 'zlib level 6', brotli: 'quality 11' },
				pages: rows,
				baseline: { pages: baseRows, build: baselineBuild },
				build: build ?? null,
				tenfold: tenfold ?? null,
				// Measured apart, by --hundredfold.
				hundredfold: previous().hundredfold ?? null,
				downloads: manifest.files,
				search,
				searchGoals: { offline: OFFLINE_SEARCH_GOALS, keyDelay: KEY_DELAY, runs: OFFLINE_RUNS },
				slowLink: { conditions: SLOW_LINK, ...slow },
				queries: QUERIES,
				table: report,
			},
			null,
			'\t',
		) + '\n',
	);
	log(`wrote ${OUT.replace(ROOT + '/', '')}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
