/**
 * Times a site's build. A copy of this project is built by the build's own stages
 * (scripts/build/stages.ts), each timed by the pipeline; the plain Starlight baseline has only
 * `astro build`, in which Starlight runs Pagefind and prints its time, counted apart as "search
 * index". Astro's own timing of every page is kept.
 */
import { runStages, type StageResult } from '../../src/lib/pipeline.ts';
import { buildContext } from '../build/context.ts';
import { site } from '../build/site.ts';
import { STAGES } from '../build/stages.ts';

export interface BuildTimes {
	/** Seconds, wall clock, of each stage. */
	astro: number;
	policy?: number;
	searchIndex: number;
	pdfs?: number;
	bundles?: number;
	checksums?: number;
	total: number;
	/** HTML pages Astro wrote. */
	pages: number;
	/** Pages Astro took longest to render, with its own milliseconds. */
	slowest: { page: string; ms: number }[];
}

const seconds = (results: StageResult[], name: string) => {
	const found = results.find((r) => r.name === name);
	return found ? found.ms / 1000 : undefined;
};

/** Builds the project (or, with `plain`, the Starlight site) in `dir`; `progress` is told what each stage made. */
export async function timedBuild(dir: string, progress: (message: string) => void, { plain = false } = {}): Promise<BuildTimes> {
	const context = buildContext(dir);
	// Astro's own lines stay out of the benchmark's output; the stages' results and counts go in.
	const log = (line: string) => (/^[a-z ]+ ✓ |pages rendered/.test(line) ? progress(line.replace(/\s+/g, ' ').trim()) : undefined);
	const results = await runStages(plain ? [site] : STAGES, context, { log });
	const astro = context.astro!;
	const pages = astro.pages;
	const slowest = astro.slowest;
	if (plain) {
		const search = /\[starlight:pagefind\] Finished building search index in ([\d.]+)(ms|s)/.exec(astro.output);
		if (!search) throw new Error(`no Pagefind timing in the output of the build in ${dir}`);
		const searchIndex = Number(search[1]) / (search[2] === 'ms' ? 1000 : 1);
		const total = seconds(results, 'site')!;
		return { astro: total - searchIndex, searchIndex, total, pages, slowest };
	}
	const times: BuildTimes = {
		astro: seconds(results, 'site')!,
		policy: seconds(results, 'policy'),
		searchIndex: seconds(results, 'search index')!,
		pdfs: seconds(results, 'handouts'),
		bundles: seconds(results, 'offline bundles'),
		checksums: seconds(results, 'checksums'),
		total: results.reduce((sum, r) => sum + r.ms, 0) / 1000,
		pages,
		slowest,
	};
	return times;
}
