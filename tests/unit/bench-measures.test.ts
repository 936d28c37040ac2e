/**
 * The benchmark's measures of the build (scripts/bench/): peak memory of a process and what it
 * starts, read from /proc, the table of time per page and peak memory at each size, and the pages
 * whose HTML it compares between a guide and a larger one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { watchMemory } from '../../scripts/bench/memory';
import { failures, hundredfoldVerdict, linearityTable } from '../../scripts/bench/linear';
import type { BuildTimes } from '../../scripts/bench/build';
import { growthPages } from '../../scripts/bench/html-growth';

const MB = 1024 ** 2;

/** Runs `node -e code` and watches its memory until it exits. */
function watched(code: string) {
	return new Promise<ReturnType<ReturnType<typeof watchMemory>['stop']>>((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
		const watch = watchMemory(child.pid!);
		child.on('error', reject);
		child.on('close', () => resolve(watch.stop()));
	});
}

describe.runIf(existsSync('/proc/self/status'))('watchMemory', () => {
	// The children hold their memory until told to stop (a second), so that samples every quarter second see it.
	const hold = (mb: number) => `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); setTimeout(() => b.length, 1500);`;

	test('sees the peak of the process it watches', async () => {
		const peak = await watched(hold(300));
		expect(peak.largest!).toBeGreaterThan(300 * MB);
		expect(peak.tree!).toBeGreaterThan(300 * MB);
	});

	test('counts the processes it starts, added together', async () => {
		const child = (mb: number) => `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(hold(mb))}], { stdio: 'inherit' });`;
		const peak = await watched(`${child(200)} ${child(200)} setTimeout(() => {}, 1800);`);
		// Each child alone stays under 300 MB; together they pass 400 MB.
		expect(peak.largest!).toBeLessThan(300 * MB);
		expect(peak.tree!).toBeGreaterThan(400 * MB);
	});
});

/** A build of `pages` pages whose stages took [name, seconds, processor seconds, peak MB, reason it failed]. */
const build = (pages: number, stages: [string, number, number, number, string?][]): BuildTimes => ({
	astro: stages[0]![1],
	searchIndex: 0,
	total: stages.reduce((sum, s) => sum + s[1], 0),
	pages,
	stages: stages.map(([name, seconds, cpu, mb, failed]) => ({ name, seconds, cpu, tree: mb * MB, largest: mb * MB, ...(failed ? { failed } : {}) })),
});

describe('linearityTable', () => {
	const one = build(100, [['site', 10, 8, 500], ['offline bundles', 2, 2, 200]]);
	const ten = build(1000, [['site', 100, 80, 900], ['offline bundles', 30, 24, 210]]);

	test('gives each stage its time per page by the clock and in processor time, its peak memory, and ratios per page to the first size', () => {
		const { head, rows } = linearityTable([{ label: '1×', build: one }, { label: '10×', build: ten }]);
		expect(head).toEqual(['stage', '1× s', 'ms/page', 'cpu ms/page', 'peak MB', '10× s', 'ms/page', 'cpu ms/page', 'peak MB', '×1× wall', '×1× cpu']);
		expect(rows[0]).toEqual(['site', '10.0', '100.00', '80.00', '500', '100.0', '100.00', '80.00', '900', '1.00×', '1.00×']);
		expect(rows[1]).toEqual(['offline bundles', '2.0', '20.00', '20.00', '200', '30.0', '30.00', '24.00', '210', '1.50×', '1.20×']);
		expect(rows.find((r) => r[0] === 'total')).toEqual(['total', '12.0', '120.00', '100.00', '', '130.0', '130.00', '104.00', '', '1.08×', '1.04×']);
	});

	test('marks a failed stage and names it with its reason', () => {
		const broken = build(1000, [['site', 100, 80, 900], ['handouts', 3, 2, 300, 'card-en.pdf has 9 pages instead of 2']]);
		const builds = [{ label: '1×', build: build(100, [['site', 10, 8, 500], ['handouts', 15, 5, 300]]) }, { label: '10×', build: broken }];
		expect(linearityTable(builds).rows[1]).toEqual(['handouts', '15.0', '150.00', '50.00', '300', 'failed', '–', '–', '–', '–', '–']);
		expect(failures(builds)).toEqual(['10×: stage "handouts" failed: card-en.pdf has 9 pages instead of 2']);
	});

	test('judges the hundredfold run by its total time and its largest stage', () => {
		expect(hundredfoldVerdict(build(16000, [['site', 600, 500, 3000], ['offline bundles', 120, 100, 5000]]))).toMatchObject({ fast: true, small: false, minutes: 12 });
	});
});

describe('the pages whose HTML growth is compared', () => {
	test('are the pages of the first tool, practice and scenario of the guide’s data, or none when a list is empty', () => {
		const dir = mkdtempSync(join(tmpdir(), 'growth-pages-'));
		try {
			mkdirSync(join(dir, 'content/data'), { recursive: true });
			const write = (name: string, text: string) => writeFileSync(join(dir, 'content/data', `${name}.yaml`), text);
			write('tools', '- id: sled\n  name: Sled\n- id: kite\n  name: Kite\n');
			write('practices', '- id: wax-skis\n');
			write('scenarios', '- id: cross-the-pass\n- id: camp\n');
			expect(growthPages(dir)).toEqual({ tool: 'tools/sled/', practice: 'practices/wax-skis/', scenario: 'scenarios/cross-the-pass/' });
			write('scenarios', '[]\n');
			expect(() => growthPages(dir)).toThrow('content/data/scenarios.yaml lists no scenario');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
