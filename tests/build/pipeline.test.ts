/**
 * The build command itself, in a copy of a small guide (tests/fixtures/) not built yet: what it says
 * when a stage cannot run.
 */
import { afterAll, expect, test } from 'vitest';
import { guideCopy } from '../helpers/fixture';

const copy = guideCopy();
afterAll(() => copy.cleanup());
const build = (...args: string[]) => copy.build(args, process.env, 60_000);

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
