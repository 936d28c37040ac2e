/**
 * The attacks of tests/helpers/hostile-content.ts that shipped and worked before pages became
 * data, built for real in copies of the project, each on a page of its own:
 * - as they are, the build stops at the content check, before Astro runs any page, naming every
 *   one with its file and line;
 * - with the content check's refusal of code and markup switched off, the pages' code runs, and
 *   the output check stops the build before anything is checksummed or signed, naming every page
 *   that carries a foreign element and the script file a page wrote into dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { VECTORS, type Vector } from '../helpers/hostile-content';
import { copyProject, withoutCodeChecks } from '../helpers/project';

const SOURCES = ['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const copies: ReturnType<typeof copyProject>[] = [];
afterAll(() => copies.forEach((c) => c.cleanup()));

/** Pages that hold no component and no link check a vector could disturb: one per vector. */
const PAGES = ['en', 'es', 'fr', 'ar'].flatMap((lang) => ['tools/signal', 'tools/wire', 'tools/element', 'practices/updates', 'practices/passwords'].map((slug) => `content/docs/${lang}/${slug}.mdx`));

const working = VECTORS.filter((v) => v.working);

/** A copy with each vector written into a page of its own; where each one is, file and line. */
function hostileCopy(vectors: Vector[], change?: (copy: ReturnType<typeof copyProject>) => void) {
	const copy = copyProject(SOURCES, { buildable: true });
	copies.push(copy);
	change?.(copy);
	const placed = vectors.map((vector, i) => {
		const file = PAGES[i]!;
		copy.edit(file, vector.change);
		const line = readFileSync(join(copy.dir, file), 'utf8').split('\n').findIndex((l) => l.includes(vector.at)) + 1;
		expect(line, `${vector.name}: "${vector.at}" is in ${file}`).toBeGreaterThan(0);
		return { vector, file, line };
	});
	return { copy, placed };
}

function build(dir: string) {
	const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 280_000 });
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the attacks that used to work', () => {
	test('are all refused by the content check, each with its file and line, before Astro runs a page', () => {
		expect(working.length).toBeGreaterThanOrEqual(9);
		const { copy, placed } = hostileCopy(working);
		const { status, output } = build(copy.dir);
		expect(status, output).not.toBe(0);
		expect(output).toContain('build: stage "site" failed');
		expect(output).toMatch(/\d+ content problems found:/);
		// Each problem as the build prints it: "N. <file>" then "at:   line L, …".
		const reported = [...output.matchAll(/\d+\. (content\/\S+)\n[^\n]*at:\s+line (\d+)\b/g)].map((m) => `${m[1]}:${m[2]}`);
		for (const { vector, file, line } of placed) expect(reported, `${vector.name} (${file}, line ${line})\n${output}`).toContain(`${file}:${line}`);
		expect(existsSync(join(copy.dir, 'dist', 'index.html'))).toBe(false);
		expect(output).not.toContain('PLAYBOOK');
	}, 300_000);

	test('whose code runs with the content check switched off are stopped by the output check, naming each page', () => {
		// The attacks in page bodies that leave something in the built pages or in dist/ (the one that
		// reads the signing key is tests/build/signing-isolation.test.ts); frontmatter stays refused by the
		// collection's schema whatever the content check does.
		const body = working.filter((v) => !/^(head|banner|title):/.test(v.at) && !v.at.startsWith('export const k'));
		const { copy, placed } = hostileCopy(body, (c) => c.edit('src/lib/check-content.ts', withoutCodeChecks));
		const { status, output } = build(copy.dir);
		expect(status, output).not.toBe(0);
		expect(output).toMatch(/build: stage "output check" failed/);
		for (const { vector, file } of placed) {
			if (vector.at.startsWith('export const w')) {
				expect(output, vector.name).toContain('dist/x.js');
				continue;
			}
			const page = file.replace(/^content\/docs\//, 'dist/').replace(/\.mdx$/, '/index.html');
			expect(output, `${vector.name}: ${page}`).toContain(page);
			expect(output, `${vector.name}: its source`).toContain(file);
		}
		// Nothing was checksummed or signed.
		expect(existsSync(join(copy.dir, 'dist', 'downloads', 'SHA256SUMS'))).toBe(false);
	}, 300_000);
});
