/**
 * The build command itself, in a copy of the project: what it says when a stage cannot run.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, expect, test } from 'vitest';
import { copyProject } from '../helpers/project';

const copy = copyProject(['src', 'components', 'content', 'scripts', 'package.json'], { buildable: true });
afterAll(() => copy.cleanup());
const build = (...args: string[]) => {
	const run = spawnSync(process.execPath, ['scripts/build.ts', ...args], { cwd: copy.dir, encoding: 'utf8', timeout: 60_000 });
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
};

test('names the stage that cannot run on a project not built yet, and what to run first', () => {
	const { status, output } = build('--only', 'offline bundles');
	expect(status).toBe(1);
	expect(output).toContain('offline bundles  ✗ failed after');
	expect(output).toContain('build: stage "offline bundles" failed: dist/ has no site: run the site stage first (npm run build runs every stage).');
});

test('names an unknown stage and lists the stages', () => {
	const { status, output } = build('--only', 'pdf');
	expect(status).toBe(1);
	expect(output).toContain('build: no build stage is called "pdf"; the stages are: site, policy, search index, handouts, offline bundles, single files, scripts, output check, checksums, signatures');
});
