/**
 * The build's stages (scripts/build/stages.ts), one by one. `npm run build` is `astro build`, which
 * renders the site and then runs every other stage (src/integration.ts); this command runs some of
 * them, or lists them:
 *
 *   npm run stages -- --list                       the stages
 *   npm run stages -- --only handouts,checksums    some stages, on a dist/ already built
 *   npm run stages -- --only site,policy           `astro build`, then only these stages after it
 *   npm run stages                                 `astro build`: every stage
 *   npm run stages -- --content guide --only handouts
 *                                                  the same, for a guide in ./guide (playbook({ content: './guide' }))
 *   node scripts/build.ts --only search\ index --report out.json
 *                                                  also writes what the stages made and took, this
 *                                                  process's peak memory and the processor time it and
 *                                                  the processes it started used, as JSON (the
 *                                                  benchmark runs each stage so, to measure each one)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_VARIABLE, runStages, selectStages, StageError, summary, type StageResult } from '../src/build/pipeline.ts';
import { setContentDir } from '../src/check/sources.ts';
import { buildContext } from './build/context.ts';
import { signatures } from './build/signatures.ts';
import { astroBuild } from './build/site.ts';
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
	const content = value('--content');
	if (content) setContentDir(content);
	const only = value('--only')?.split(',').map((s) => s.trim());
	// After the site (--after-site), the stages are those after it.
	const stages = args.includes('--after-site') ? STAGES.slice(1) : STAGES;
	const chosen = selectStages(stages, only);
	const report = value('--report');
	let results: StageResult[];
	let maxRss = process.resourceUsage().maxRSS * 1024;
	if (chosen[0] === STAGES[0]) {
		// The site is rendered by `astro build`, which runs the other chosen stages itself and prints
		// their lines and the table; it reports them to a file of ours.
		const folder = mkdtempSync(join(tmpdir(), 'playbook-build-'));
		const file = join(folder, 'report.json');
		// Astro runs the pages' code: it never gets the signing key's variables, which this process
		// took at start (scripts/build/signatures.ts). The release is signed here, after Astro ended.
		const signing = chosen.includes(signatures);
		try {
			await astroBuild(process.cwd(), { stages: chosen.filter((s) => s !== signatures).map((s) => s.name), env: { [REPORT_VARIABLE]: file } });
			const made = JSON.parse(readFileSync(file, 'utf8')) as { results: StageResult[]; maxRss: number };
			results = made.results;
			maxRss = Math.max(maxRss, made.maxRss);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
		if (signing) {
			results.push(...(await runStages(STAGES, buildContext(process.cwd()), { only: [signatures.name] })));
			console.log(`\nbuild: done, signatures included\n${summary(results)}`);
		}
	} else {
		// Started by `astro build` after the site (src/integration.ts): its result heads the table.
		const site = value('--after-site');
		const before: StageResult[] = site ? [JSON.parse(site) as StageResult] : [];
		results = [...before, ...(await runStages(stages, buildContext(process.cwd(), value('--dist')), { only }))];
		console.log(`\nbuild: done\n${summary(results)}`);
		maxRss = process.resourceUsage().maxRSS * 1024;
	}
	// maxRSS is in kilobytes.
	if (report) writeFileSync(report, JSON.stringify({ results, maxRss, cpu: cpuSeconds() }));
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
