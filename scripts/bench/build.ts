/**
 * Runs a site's build steps one by one and times each: Astro (with Starlight's Pagefind step, whose
 * own time Astro prints and which is counted apart as "search index"), then the PDF handouts and
 * the offline bundles when the site has those scripts. Astro's own timing of every page is kept.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface BuildTimes {
	/** Seconds, wall clock, of each step. */
	astro: number;
	searchIndex: number;
	pdfs?: number;
	bundles?: number;
	total: number;
	/** HTML pages Astro wrote. */
	pages: number;
	/** Pages Astro took longest to render, with its own milliseconds. */
	slowest: { page: string; ms: number }[];
}

const astroBin = join(createRequire(import.meta.url).resolve('astro/package.json'), '../bin/astro.mjs');

/** Runs `node args` in `cwd`; resolves with its output and wall-clock seconds, rejects with the output on failure. */
export function run(args: string[], cwd: string, onLine?: (line: string) => void): Promise<{ output: string; seconds: number }> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
		let output = '';
		let pending = '';
		const take = (chunk: Buffer) => {
			// eslint-disable-next-line no-control-regex
			const text = chunk.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
			output += text;
			pending += text;
			const lines = pending.split('\n');
			pending = lines.pop()!;
			for (const line of lines) onLine?.(line);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('error', reject);
		child.on('close', (code) => {
			const seconds = (performance.now() - started) / 1000;
			if (code === 0) resolve({ output, seconds });
			else reject(new Error(`\`node ${args.join(' ')}\` failed in ${cwd} (exit ${code}):\n${output.slice(-4000)}`));
		});
	});
}

/** Builds the site in `dir`; `progress` is told about each step and every 100 pages. */
export async function timedBuild(dir: string, progress: (message: string) => void): Promise<BuildTimes> {
	let rendered = 0;
	const astro = await run([astroBin, 'build'], dir, (line) => {
		if (/\(\+\d+ms\)/.test(line) && ++rendered % 100 === 0) progress(`astro: ${rendered} pages rendered`);
	});
	const search = /\[starlight:pagefind\] Finished building search index in ([\d.]+)(ms|s)/.exec(astro.output);
	if (!search) throw new Error(`no Pagefind timing in the output of the build in ${dir}`);
	const searchIndex = Number(search[1]) / (search[2] === 'ms' ? 1000 : 1);
	const pages = Number(/(\d+) page\(s\) built in/.exec(astro.output)?.[1] ?? NaN);
	// Astro prints "├─ /path/index.html (+12ms)", sometimes with a warning between the path and the time.
	const timings = [...astro.output.replace(/\d\d:\d\d:\d\d \[WARN\][^\n]*\n/g, '').matchAll(/[├└]─ (\S+)\s*\(\+(\d+)ms\)/g)].map((m) => ({ page: m[1]!, ms: Number(m[2]) }));
	const slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 5);
	const times: BuildTimes = { astro: astro.seconds - searchIndex, searchIndex, total: astro.seconds, pages, slowest };
	progress(`astro: ${pages} pages in ${astro.seconds.toFixed(1)} s (search index ${searchIndex.toFixed(1)} s)`);
	if (existsSync(join(dir, 'scripts/build-pdf.ts'))) {
		times.pdfs = (await run(['scripts/build-pdf.ts'], dir)).seconds;
		progress(`pdf handouts in ${times.pdfs.toFixed(1)} s`);
	}
	if (existsSync(join(dir, 'scripts/build-offline.ts'))) {
		times.bundles = (await run(['scripts/build-offline.ts'], dir)).seconds;
		progress(`offline bundles in ${times.bundles.toFixed(1)} s`);
	}
	times.total = times.astro + times.searchIndex + (times.pdfs ?? 0) + (times.bundles ?? 0);
	return times;
}
