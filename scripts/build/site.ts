/**
 * The site stage: `astro build` in the project folder, which checks the content (src/integration.ts)
 * and renders every page. `astro build` itself runs every stage after it; run as this stage
 * (`node scripts/build.ts --only site`, the benchmark) it is told to stop after the site.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { filesUnder } from '../../src/build/files.ts';
import { STAGES_VARIABLE, type Stage } from '../../src/build/pipeline.ts';
import type { BuildContext } from './context.ts';


function astroBin(root: string): string {
	// The project's own Astro; a copy of the project (tests, benchmark) finds it by walking up.
	return join(createRequire(join(root, 'package.json')).resolve('astro/package.json'), '../bin/astro.mjs');
}

/**
 * Runs `astro build` in `root`, with the stages after the site given in `stages` (every one when
 * undefined). `onLine` gets every line of its output; `inherit` passes it straight through instead.
 */
export function astroBuild(root: string, { stages, onLine, env = {} }: { stages?: readonly string[]; onLine?: (line: string) => void; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const variables: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env };
		if (stages) variables[STAGES_VARIABLE] = stages.join(',');
		else delete variables[STAGES_VARIABLE];
		const child = spawn(process.execPath, [astroBin(root), 'build'], { cwd: root, env: variables, stdio: onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
		if (onLine) {
			let pending = '';
			const take = (chunk: Buffer) => {
				pending += chunk.toString('utf8');
				const lines = pending.split('\n');
				pending = lines.pop()!;
				for (const line of lines) onLine(line);
			};
			child.stdout!.on('data', take);
			child.stderr!.on('data', take);
			child.on('close', () => pending && onLine(pending));
		}
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with code ${code}; its messages are above`))));
	});
}

export const site: Stage<BuildContext> = {
	name: 'site',
	does: 'astro build: checks the content, renders every page in every language',
	async run(context, progress) {
		await astroBuild(context.root, { stages: ['site'], onLine: (line) => line.trim() && progress(line.trim()) });
		const files = filesUnder(context.dist);
		const html = files.filter((f) => f.endsWith('.html'));
		return { made: `${html.length} HTML pages in dist/`, bytes: files.reduce((sum, f) => sum + statSync(join(context.dist, f)).size, 0) };
	},
};
