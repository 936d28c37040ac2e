/**
 * Anyone can rebuild the bundles from the same source and compare: two fresh copies of the
 * project, built from scratch in different folders, give byte-identical zips.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyProject } from '../helpers/project';

const SOURCES = ['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const copies = [copyProject(SOURCES, { buildable: true }), copyProject(SOURCES, { buildable: true })];
afterAll(() => copies.forEach((c) => c.cleanup()));

test('two builds of the same source in different folders give byte-identical zips', () => {
	// Neither copy is a git checkout, so both date the bundles from the content's reviewed dates.
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
	delete env.SOURCE_DATE_EPOCH;
	const sums = copies.map((copy) => {
		// The whole pipeline, as `npm run build` runs it.
		const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: copy.dir, env, encoding: 'utf8', timeout: 200_000 });
		expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
		// PDFs carry the time Chromium printed them; the zips must not differ at all.
		return readFileSync(join(copy.dir, 'dist', 'downloads', 'SHA256SUMS'), 'utf8')
			.split('\n')
			.filter((line) => line.endsWith('.zip'))
			.join('\n');
	});
	expect(sums[0]!.split('\n').length).toBe(5);
	expect(sums[1]).toBe(sums[0]);
}, 300_000);
