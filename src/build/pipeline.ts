/**
 * Runs a list of named stages in order, the way the build runs (scripts/build/stages.ts): each
 * stage gets the shared context and a way to report progress, and says what it made. The runner
 * prints, for every stage, what it made, its size and its time; a stage that fails stops the run
 * with an error naming the stage and its reason.
 */

/**
 * The stages `astro build` runs after it has written the site: every one after "site", or those
 * named in this variable (comma-separated; "site" alone: none), which is how
 * `node scripts/build.ts --only` and the benchmark run some of them (src/integration.ts).
 */
export const STAGES_VARIABLE = 'PLAYBOOK_STAGES';
/** Where `astro build` writes what its stages made and took, as JSON, when set (the benchmark's report). */
export const REPORT_VARIABLE = 'PLAYBOOK_BUILD_REPORT';

/** What a stage made, as it reports it: "299 HTML pages", with their size in bytes when it has one. */
export interface StageReport {
	made: string;
	bytes?: number;
}

export interface Stage<C> {
	/** A short name, the same in messages, in `--only` and in the benchmark: "site", "handouts". */
	name: string;
	/** One line on what the stage does. */
	does: string;
	run: (context: C, progress: (message: string) => void) => Promise<StageReport>;
}

export interface StageResult extends StageReport {
	name: string;
	/** Wall-clock milliseconds. */
	ms: number;
}

/** A stage failed: `stage` names it, `cause` is its own error. */
export class StageError extends Error {
	readonly stage: string;
	constructor(stage: string, cause: unknown) {
		super(`stage "${stage}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
		this.name = 'StageError';
		this.stage = stage;
	}
}

export const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(2)} MB`);
export const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Checks a list of stage names against the stages; throws naming the unknown one and the known ones. */
export function selectStages<C>(stages: readonly Stage<C>[], only?: readonly string[]): Stage<C>[] {
	if (!only) return [...stages];
	const names = stages.map((s) => s.name);
	for (const name of only) if (!names.includes(name)) throw new Error(`no build stage is called "${name}"; the stages are: ${names.join(', ')}`);
	return stages.filter((s) => only.includes(s.name));
}

export interface RunOptions {
	/** Run only these stages, in the pipeline's order. */
	only?: readonly string[];
	/** Where lines go; console.log by default. */
	log?: (line: string) => void;
}

/** Runs the stages in order; resolves with what each made and took, or rejects with a StageError. */
export async function runStages<C>(stages: readonly Stage<C>[], context: C, { only, log = console.log }: RunOptions = {}): Promise<StageResult[]> {
	const chosen = selectStages(stages, only);
	// As wide as the longest name of the whole list, so that a run of some stages lines up as a whole run does.
	const width = Math.max(...stages.map((s) => s.name.length));
	const results: StageResult[] = [];
	for (const stage of chosen) {
		const label = stage.name.padEnd(width);
		log(`${label}  … ${stage.does}`);
		const started = performance.now();
		let report: StageReport;
		try {
			report = await stage.run(context, (message) => log(`${label}    ${message}`));
		} catch (error) {
			log(`${label}  ✗ failed after ${formatMs(performance.now() - started)}`);
			throw new StageError(stage.name, error);
		}
		const ms = performance.now() - started;
		results.push({ name: stage.name, ...report, ms });
		log(`${label}  ✓ ${report.made}${report.bytes === undefined ? '' : `, ${formatBytes(report.bytes)}`}, ${formatMs(ms)}`);
	}
	return results;
}

/** The closing table: one line per stage, then the total time. */
export function summary(results: readonly StageResult[]): string {
	const width = Math.max(...results.map((r) => r.name.length));
	const made = Math.max(...results.map((r) => r.made.length));
	const lines = results.map((r) => `  ${r.name.padEnd(width)}  ${r.made.padEnd(made)}  ${(r.bytes === undefined ? '' : formatBytes(r.bytes)).padStart(9)}  ${formatMs(r.ms).padStart(8)}`);
	const total = results.reduce((sum, r) => sum + r.ms, 0);
	return [...lines, `  ${'total'.padEnd(width)}  ${''.padEnd(made)}  ${''.padStart(9)}  ${formatMs(total).padStart(8)}`].join('\n');
}
