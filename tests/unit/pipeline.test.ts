import { describe, expect, test } from 'vitest';
import { runStages, selectStages, StageError, summary, type Stage } from '../../src/build/pipeline';
import { STAGES } from '../../scripts/build/stages';

const stage = (name: string, run: Stage<string[]>['run']): Stage<string[]> => ({ name, does: `does ${name}`, run });

describe('runStages', () => {
	test('runs the stages in order, and prints what each made, its size and its time', async () => {
		const lines: string[] = [];
		const results = await runStages(
			[
				stage('one', async (seen, progress) => (seen.push('one'), progress('halfway'), { made: '3 pages', bytes: 2048 })),
				stage('two', async (seen) => (seen.push('two'), { made: 'a zip' })),
			],
			[] as string[],
			{ log: (l) => lines.push(l) },
		);
		expect(results.map((r) => [r.name, r.made, r.bytes])).toEqual([
			['one', '3 pages', 2048],
			['two', 'a zip', undefined],
		]);
		expect(lines[0]).toBe('one  … does one');
		expect(lines[1]).toBe('one    halfway');
		expect(lines[2]).toMatch(/^one  ✓ 3 pages, 2\.0 KB, \d+ ms$/);
		expect(lines[4]).toMatch(/^two  ✓ a zip, \d+ ms$/);
		expect(summary(results).split('\n').at(-1)).toMatch(/^ {2}total/);
	});

	test('stops at a failing stage and names it with its reason', async () => {
		const seen: string[] = [];
		const run = runStages([stage('site', async () => ({ made: 'x' })), stage('handouts', async () => Promise.reject(new Error('no Chromium'))), stage('checksums', async (s) => (s.push('ran'), { made: 'y' }))], seen, { log: () => {} });
		await expect(run).rejects.toThrow(StageError);
		await expect(run).rejects.toThrow('stage "handouts" failed: no Chromium');
		expect(seen).toEqual([]);
	});

	test('runs only the stages asked for, and names an unknown one with the known ones', () => {
		expect(selectStages(STAGES, ['checksums', 'handouts']).map((s) => s.name)).toEqual(['handouts', 'checksums']);
		expect(() => selectStages(STAGES, ['pdf'])).toThrow('no build stage is called "pdf"; the stages are: site, policy, search index, handouts, offline bundles, single files, scripts, output check, checksums, signatures');
	});
});

describe('the build stages', () => {
	test('read nothing when imported, and say which stage to run first when dist/ is missing', async () => {
		const { buildContext } = await import('../../scripts/build/context');
		const context = buildContext('/nonexistent/project');
		const byName = (name: string) => STAGES.find((s) => s.name === name)!;
		for (const name of ['offline bundles', 'policy', 'search index'])
			await expect(byName(name).run(context, () => {}), name).rejects.toThrow('dist/ has no site: run the site stage first (npm run build runs every stage).');
		await expect(runStages(STAGES, context, { only: ['checksums'], log: () => {} })).rejects.toThrow('stage "checksums" failed: content/data/languages.yaml: the file is missing.');
	});
});

test("the site stage's line, which the integration prints, is padded as the runner pads the others", async () => {
	const { STAGE_WIDTH } = await import('../../src/integration');
	expect(STAGE_WIDTH).toBe(Math.max(...STAGES.map((s) => s.name.length)));
});
