/**
 * Builds everything into dist/: the stages of scripts/build/stages.ts, in order, each printing what
 * it made, its size and its time.
 *
 *   npm run build                                  every stage
 *   npm run build -- --only handouts,checksums     some stages, on a dist/ already built
 *   npm run build -- --list                        the stages
 */
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
	const results = await runStages(STAGES, buildContext(process.cwd()), { only });
	console.log(`\nbuild: done\n${summary(results)}`);
}

main().catch((error: unknown) => {
	const message = error instanceof Error ? error.message : String(error);
	console.error(`\nbuild: ${message}`);
	if (error instanceof StageError && error.cause instanceof Error && error.cause.stack && process.env.DEBUG) console.error(error.cause.stack);
	process.exit(1);
});
