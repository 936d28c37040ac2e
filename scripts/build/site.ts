/**
 * The site stage: `astro build`, run as its own process in the project folder. Astro checks the
 * content first (src/integration.ts), then renders every page. Its output is passed on, except the
 * line it prints per page: those become a count every 100 pages.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { filesUnder } from '../../src/lib/files.ts';
import type { Stage } from '../../src/lib/pipeline.ts';
import { withoutSigningVariables } from '../../src/lib/signing-env.ts';
import type { BuildContext } from './context.ts';

/** Astro's line for a rendered page: "12:00:00   ├─ /en/index.html (+12ms)", sometimes with a warning before the time. */
const PAGE_LINE = /^\s*(?:\d\d:\d\d:\d\d\s+)?[├└]─ (\S+?\.html)(.*)$/;
/** The time of a page, on a line of its own when a warning came between. */
const PAGE_TIME = /^\s*\(\+(\d+)ms\)\s*$/;

function astroBin(root: string): string {
	// The project's own Astro; a copy of the project (tests, benchmark) finds it by walking up.
	return join(createRequire(join(root, 'package.json')).resolve('astro/package.json'), '../bin/astro.mjs');
}

/**
 * Runs `astro build` in `root`; `onLine` gets every line of its output, without colours. Astro runs
 * the pages' code, so it never gets the signing key's variables (src/lib/signing-env.ts).
 */
export function astroBuild(root: string, onLine: (line: string) => void): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [astroBin(root), 'build'], { cwd: root, env: { ...withoutSigningVariables(process.env), NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' } });
		let output = '';
		let pending = '';
		const take = (chunk: Buffer) => {
			// eslint-disable-next-line no-control-regex
			const text = chunk.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
			output += text;
			pending += text;
			const lines = pending.split('\n');
			pending = lines.pop()!;
			for (const line of lines) onLine(line);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('error', reject);
		child.on('close', (code) => {
			if (pending) onLine(pending);
			if (code === 0) resolve(output);
			// Astro has printed its error (with the content problems) above.
			else reject(new Error(`astro build exited with code ${code}; its messages are above`));
		});
	});
}

export const site: Stage<BuildContext> = {
	name: 'site',
	does: 'astro build: checks the content, renders every page in every language',
	async run(context, progress) {
		let rendered = 0;
		const timings: { page: string; ms: number }[] = [];
		const pageWarnings = new Map<string, string[]>();
		let last: { page: string; ms: number } | undefined;
		// Content problems come wrapped in Astro's report of a failed hook, with its stack trace: the
		// problems are passed on, the wrapping is not, so that an editor does not read a crash.
		let problems: { count: number; done: boolean } | undefined;
		const building = astroBuild(context.root, (line) => {
			const found = /\[AstroUserError\] ((\d+) content problems? found:.*)$/.exec(line);
			if (found) {
				problems = { count: Number(found[2]), done: false };
				progress(found[1]!);
				return;
			}
			if (problems) {
				if (/^\s*Hint:\s*$/.test(line)) problems.done = true;
				if (!problems.done && line.trim()) progress(line.trim());
				return;
			}
			if (/\[ERROR\] \[playbook\] An unhandled error occurred while running the "astro:config:setup" hook/.test(line)) return;
			const page = PAGE_LINE.exec(line);
			if (page) {
				last = { page: page[1]!, ms: Number(/\(\+(\d+)ms\)\s*$/.exec(page[2]!)?.[1] ?? NaN) };
				timings.push(last);
				if (++rendered % 100 === 0) progress(`${rendered} pages rendered`);
				// A warning Astro printed on a page's line is kept, once per kind, with a count.
				const warning = /\[WARN\].*?(?=\s*(\(\+\d+ms\))?\s*$)/.exec(page[2]!);
				if (warning) {
					const kind = warning[0].replace(/→ \S+/, '→ …');
					pageWarnings.set(kind, [...(pageWarnings.get(kind) ?? []), page[1]!]);
				}
				return;
			}
			const time = PAGE_TIME.exec(line);
			if (time && last) {
				last.ms = Number(time[1]);
				return;
			}
			// Without SITE_URL there is no public address to list, so no sitemap: expected, and said once, plainly.
			if (/\[WARN\] \[@astrojs\/sitemap\] The Sitemap integration requires the `site`/.test(line)) {
				progress('no sitemap: SITE_URL is not set (set it to the public address, such as https://guide.example.org, to get one)');
				return;
			}
			if (line.trim() && !/^\s*(▶|This information|Run "astro telemetry|https:\/\/astro\.build\/telemetry|generating static routes)/.test(line)) progress(line.trim());
		});
		const output = await building.catch((error: Error) => {
			if (!problems) throw error;
			const n = problems.count;
			throw new Error(`the content has ${n} problem${n === 1 ? '' : 's'}, listed above with the file and the fix; correct ${n === 1 ? 'it' : 'them'} and build again (npm run check:content checks the content alone, in seconds)`);
		});
		for (const [warning, pages] of pageWarnings) progress(`${warning} (${pages.length} pages, such as ${pages[0]})`);
		const html = filesUnder(context.dist).filter((f) => f.endsWith('.html'));
		const bytes = filesUnder(context.dist).reduce((sum, f) => sum + statSync(join(context.dist, f)).size, 0);
		context.astro = { output, pages: html.length, slowest: timings.sort((a, b) => b.ms - a.ms).slice(0, 5) };
		return { made: `${html.length} HTML pages in dist/`, bytes };
	},
};
