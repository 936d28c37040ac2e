/**
 * Times a site's build. A copy of this project is built by the build's own stages
 * (scripts/build/stages.ts), each timed by the pipeline and each run as a process of its own
 * (`node scripts/build.ts --only <stage>`), so that the peak memory of each stage, with the
 * processes it starts, is its own (scripts/bench/memory.ts); the plain Starlight baseline has only
 * `astro build`, in which Starlight runs Pagefind and prints its time, counted apart as "search
 * index". Astro's own timing of every page is kept.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStages, type StageResult } from '../../src/lib/pipeline.ts';
import type { BuildContext } from '../build/context.ts';
import { watchMemory, type PeakMemory } from './memory.ts';
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
	/** Every stage, in order: seconds and peak memory (bytes) of its process and what it started. */
	stages?: ({ name: string; seconds: number } & PeakMemory)[];
	/** HTML pages Astro wrote. */
	pages: number;
	/** Pages Astro took longest to render, with its own milliseconds. */
	slowest: { page: string; ms: number }[];
}

const seconds = (results: StageResult[], name: string) => {
	const found = results.find((r) => r.name === name);
	return found ? found.ms / 1000 : undefined;
};

// Astro's own lines stay out of the benchmark's output; the stages' results and counts go in.
const logTo = (progress: (message: string) => void) => (line: string) => (/^[a-z ]+ ✓ |pages rendered|pages rewritten/.test(line) ? progress(line.replace(/\s+/g, ' ').trim()) : undefined);

interface StageRun {
	result: StageResult;
	memory: PeakMemory;
	astro?: BuildContext['astro'];
}

/** Runs one stage of the build in `dir` as a process of its own, watching its memory. */
function stageProcess(dir: string, stage: string, log: (line: string) => void): Promise<StageRun> {
	const temp = mkdtempSync(join(tmpdir(), 'bench-stage-'));
	const report = join(temp, 'report.json');
	return new Promise<StageRun>((resolve, reject) => {
		const child = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--only', stage, '--report', report], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
		const watch = watchMemory(child.pid!);
		let output = '';
		let pending = '';
		const take = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			pending += chunk.toString('utf8');
			const lines = pending.split('\n');
			pending = lines.pop()!;
			lines.forEach(log);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('error', reject);
		child.on('close', (code) => {
			const memory = watch.stop();
			if (code !== 0) return reject(new Error(`the stage "${stage}" of the build in ${dir} failed (exit code ${code}):\n${output.slice(-4000)}`));
			const { results, astro, maxRss } = JSON.parse(readFileSync(report, 'utf8')) as { results: StageResult[]; astro?: BuildContext['astro']; maxRss: number };
			// The stage's own process reports its peak exactly, also if it came after the last sample.
			resolve({ result: results[0]!, astro, memory: { tree: Math.max(memory.tree ?? 0, maxRss), largest: Math.max(memory.largest ?? 0, maxRss) } });
		});
	}).finally(() => rmSync(temp, { recursive: true, force: true }));
}

/** Builds the project (or, with `plain`, the Starlight site) in `dir`; `progress` is told what each stage made. */
export async function timedBuild(dir: string, progress: (message: string) => void, { plain = false } = {}): Promise<BuildTimes> {
	const log = logTo(progress);
	if (!plain) return stagedBuild(dir, log);
	const context = buildContext(dir);
	const results = await runStages([site], context, { log });
	const { output, pages, slowest } = context.astro!;
	const search = /\[starlight:pagefind\] Finished building search index in ([\d.]+)(ms|s)/.exec(output);
	if (!search) throw new Error(`no Pagefind timing in the output of the build in ${dir}`);
	const searchIndex = Number(search[1]) / (search[2] === 'ms' ? 1000 : 1);
	const total = seconds(results, 'site')!;
	return { astro: total - searchIndex, searchIndex, total, pages, slowest };
}

/** The project's build in `dir`, every stage a process of its own. */
async function stagedBuild(dir: string, log: (line: string) => void): Promise<BuildTimes> {
	const runs: StageRun[] = [];
	for (const stage of STAGES) runs.push(await stageProcess(dir, stage.name, log));
	const results = runs.map((r) => r.result);
	const astro = runs.find((r) => r.astro)!.astro!;
	return {
		astro: seconds(results, 'site')!,
		policy: seconds(results, 'policy'),
		searchIndex: seconds(results, 'search index')!,
		pdfs: seconds(results, 'handouts'),
		bundles: seconds(results, 'offline bundles'),
		checksums: seconds(results, 'checksums'),
		total: results.reduce((sum, r) => sum + r.ms, 0) / 1000,
		stages: runs.map((r) => ({ name: r.result.name, seconds: r.result.ms / 1000, ...r.memory })),
		pages: astro.pages,
		slowest: astro.slowest,
	};
}
