/**
 * Times a site's build. A copy of this project is built by the build's own stages
 * (scripts/build/stages.ts), each timed by the pipeline and each run as a process of its own
 * (`node scripts/build.ts --only <stage>`), so that the peak memory of each stage, with the
 * processes it starts, is its own (scripts/bench/memory.ts); the plain Starlight baseline has only
 * `astro build`, in which Starlight runs Pagefind and prints its time, counted apart as "search
 * index" (read from Starlight's line: the baseline is not the playbook's build).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { filesUnder } from '../../src/build/files.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StageResult } from '../../src/build/pipeline.ts';
import { watchMemory, type PeakMemory } from './memory.ts';
import { astroBuild } from '../build/site.ts';
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
	/**
	 * Every stage, in order: seconds and peak memory (bytes) of its process and what it started;
	 * for a stage that failed, its reason, and the seconds until it failed.
	 */
	stages?: ({ name: string; seconds: number; cpu?: number; failed?: string } & PeakMemory)[];
	/** HTML pages Astro wrote. */
	pages: number;
}

const seconds = (results: StageResult[], name: string) => {
	const found = results.find((r) => r.name === name);
	return found ? found.ms / 1000 : undefined;
};

// Astro's own lines stay out of the benchmark's output; the stages' results and counts go in.
const logTo = (progress: (message: string) => void) => (line: string) => (/^[a-z ]+ ✓ |pages rendered|pages rewritten/.test(line) ? progress(line.replace(/\s+/g, ' ').trim()) : undefined);

interface StageRun {
	name: string;
	seconds: number;
	/** Processor seconds of the stage's process and those it started (scripts/build.ts). */
	cpu?: number;
	memory: PeakMemory;
	/** Why the stage failed: the build's own last line. */
	failed?: string;
}

/**
 * Runs one stage of the build in `dir` as a process of its own, watching its memory. A stage that
 * fails is reported as failed, with its reason, so that a benchmark of a large generated site still
 * measures the stages that do not depend on it.
 */
function stageProcess(dir: string, stage: string, log: (line: string) => void): Promise<StageRun> {
	const temp = mkdtempSync(join(tmpdir(), 'bench-stage-'));
	const report = join(temp, 'report.json');
	return new Promise<StageRun>((resolve, reject) => {
		const child = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--only', stage, '--report', report], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
		const watch = watchMemory(child.pid!);
		const started = performance.now();
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
			if (code !== 0) {
				const reason = /^build: (.*)$/m.exec(output)?.[1] ?? `exit code ${code}: ${output.slice(-2000)}`;
				return resolve({ name: stage, seconds: (performance.now() - started) / 1000, memory, failed: reason });
			}
			const { results, maxRss, cpu } = JSON.parse(readFileSync(report, 'utf8')) as { results: StageResult[]; maxRss: number; cpu?: number };
			// The stage's own process reports its peak exactly, also if it came after the last sample.
			resolve({ name: stage, seconds: results.find((r) => r.name === stage)!.ms / 1000, cpu, memory: { tree: Math.max(memory.tree ?? 0, maxRss), largest: Math.max(memory.largest ?? 0, maxRss) } });
		});
	}).finally(() => rmSync(temp, { recursive: true, force: true }));
}

/** Builds the project (or, with `plain`, the Starlight site) in `dir`; `progress` is told what each stage made. */
export async function timedBuild(dir: string, progress: (message: string) => void, { plain = false } = {}): Promise<BuildTimes> {
	if (!plain) return stagedBuild(dir, progress);
	let output = '';
	const started = performance.now();
	await astroBuild(dir, { onLine: (line) => (output += `${line}\n`) });
	const total = (performance.now() - started) / 1000;
	const search = /\[starlight:pagefind\] Finished building search index in ([\d.]+)(ms|s)/.exec(output);
	if (!search) throw new Error(`no Pagefind timing in the output of the build in ${dir}`);
	const searchIndex = Number(search[1]) / (search[2] === 'ms' ? 1000 : 1);
	const pages = filesUnder(join(dir, 'dist')).filter((f) => f.endsWith('.html')).length;
	progress(`site ✓ ${pages} HTML pages in dist/`);
	return { astro: total - searchIndex, searchIndex, total, pages };
}

/** The project's build in `dir`, every stage a process of its own; only a failed site stage stops it. */
async function stagedBuild(dir: string, progress: (message: string) => void): Promise<BuildTimes> {
	const log = logTo(progress);
	const runs: StageRun[] = [];
	for (const stage of STAGES) {
		const run = await stageProcess(dir, stage.name, log);
		runs.push(run);
		if (run.failed) progress(`${stage.name} failed: ${run.failed}`);
		// Said as each stage ends, so that a long run's log holds them even if it is stopped.
		const peak = Math.max(run.memory.tree ?? 0, run.memory.largest ?? 0);
		progress(`${stage.name}: ${run.seconds.toFixed(1)} s${run.cpu === undefined ? '' : `, ${run.cpu.toFixed(1)} s of processor time`}${peak ? `, peak ${(peak / 1024 ** 2).toFixed(0)} MB` : ''}`);
		if (run.failed && stage === STAGES[0]) throw new Error(`the site in ${dir} could not be built: ${run.failed}`);
	}
	const time = (name: string) => runs.find((r) => r.name === name && !r.failed)?.seconds;
	return {
		astro: time('site')!,
		policy: time('policy'),
		searchIndex: time('search index')!,
		pdfs: time('handouts'),
		bundles: time('offline bundles'),
		checksums: time('checksums'),
		total: runs.reduce((sum, r) => sum + r.seconds, 0),
		stages: runs.map((r) => ({ name: r.name, seconds: r.seconds, cpu: r.cpu, ...r.memory, ...(r.failed ? { failed: r.failed } : {}) })),
		pages: filesUnder(join(dir, 'dist')).filter((f) => f.endsWith('.html')).length,
	};
}
