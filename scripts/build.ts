/**
 * Builds everything into dist/: the stages of scripts/build/stages.ts, in order, each printing what
 * it made, its size and its time.
 *
 *   npm run build                                  every stage
 *   npm run build -- --only handouts,checksums     some stages, on a dist/ already built
 *   npm run build -- --list                        the stages
 *   node scripts/build.ts --only search\ index --report out.json
 *                                                  also writes what the stages made and took, this
 *                                                  process's peak memory and the processor time it and
 *                                                  the processes it started used, as JSON (the
 *                                                  benchmark runs each stage so, to measure each one)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runStages, StageError, summary } from '../src/lib/pipeline.ts';
import { buildContext } from './build/context.ts';
import { STAGES } from './build/stages.ts';

const args = process.argv.slice(2);
const value = (flag: string) => {
	const i = args.indexOf(flag);
	return i >= 0 ? args[i + 1] : undefined;
};

async function main() {
	if (args.includes('--list')) {
		for (const stage of STAGES) console.log(`${stage.name.padEnd(16)} ${stage.does}`);
		return;
	}
	const only = value('--only')?.split(',').map((s) => s.trim());
	const context = buildContext(process.cwd());
	const results = await runStages(STAGES, context, { only });
	console.log(`\nbuild: done\n${summary(results)}`);
	const report = value('--report');
	// maxRSS is in kilobytes.
	if (report) writeFileSync(report, JSON.stringify({ results, astro: context.astro, maxRss: process.resourceUsage().maxRSS * 1024, cpu: cpuSeconds() }));
}

/**
 * Processor seconds used by this process and by the processes it started and waited for (Astro,
 * Pagefind, Chromium with its own), from /proc on Linux: unlike the wall clock, it does not count
 * the time other work on the machine took. Undefined elsewhere.
 */
function cpuSeconds(): number | undefined {
	if (!existsSync('/proc/self/stat')) return undefined;
	const stat = readFileSync('/proc/self/stat', 'utf8');
	// After the command name in parentheses: utime, stime, cutime and cstime are fields 14 to 17, in ticks of 1/100 s.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
}

main().catch((error: unknown) => {
	const message = error instanceof Error ? error.message : String(error);
	console.error(`\nbuild: ${message}`);
	if (error instanceof StageError && error.cause instanceof Error && error.cause.stack && process.env.DEBUG) console.error(error.cause.stack);
	process.exit(1);
});
