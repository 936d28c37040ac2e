/**
 * The attacks of tests/helpers/hostile-content.ts that shipped and worked before pages became
 * data, built for real in copies of a small guide (tests/fixtures/), each on a page of its own:
 * - as they are, the build stops at the content check, before Astro runs any page, naming every
 *   one with its file and line;
 * - with the content check's refusal of code and markup switched off, the pages' code runs, and
 *   the output check stops the build before anything is checksummed or signed, naming every page
 *   that carries a foreign element and the script file a page wrote into dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { VECTORS, type Vector } from '../helpers/hostile-content';
import { guideCopy, type GuideCopy } from '../helpers/fixture';
import { withoutCodeChecks } from '../helpers/project';

const copies: GuideCopy[] = [];
afterAll(() => copies.forEach((c) => c.cleanup()));

/** The guide's tool and practice pages, which hold no component a vector could disturb: one per vector. */
const pagesOf = (copy: GuideCopy) => copy.languages.flatMap((lang) => [...copy.pages(lang, 'tools'), ...copy.pages(lang, 'practices')].map((slug) => copy.page(lang, slug)));

const working = VECTORS.filter((v) => v.working);

/** A copy with each vector written into a page of its own; where each one is, file and line. */
function hostileCopy(vectors: Vector[], change?: (copy: GuideCopy) => void) {
	const copy = guideCopy({ generator: Boolean(change) });
	copies.push(copy);
	change?.(copy);
	const pages = pagesOf(copy);
	expect(pages.length).toBeGreaterThanOrEqual(vectors.length);
	const placed = vectors.map((vector, i) => {
		const file = pages[i]!;
		copy.edit(file, vector.change);
		const line = readFileSync(join(copy.dir, file), 'utf8').split('\n').findIndex((l) => l.includes(vector.at)) + 1;
		expect(line, `${vector.name}: "${vector.at}" is in ${file}`).toBeGreaterThan(0);
		return { vector, file, line };
	});
	return { copy, placed };
}

describe('the attacks that used to work', () => {
	test('are all refused by the content check, each with its file and line, before Astro runs a page', () => {
		expect(working.length).toBeGreaterThanOrEqual(9);
		const { copy, placed } = hostileCopy(working);
		const { status, output } = copy.build();
		expect(status, output).not.toBe(0);
		expect(output).toMatch(/build: the content has \d+ problems, listed above with the file and the fix/);
		expect(output).toMatch(/\d+ content problems found:/);
		// Each problem as the build prints it: "N. <file>" then "at:   line L, …".
		const reported = [...output.matchAll(new RegExp(`\\d+\\. (${copy.content}\\/\\S+)\\n[^\\n]*at:\\s+line (\\d+)\\b`, 'g'))].map((m) => `${m[1]}:${m[2]}`);
		for (const { vector, file, line } of placed) expect(reported, `${vector.name} (${file}, line ${line})\n${output}`).toContain(`${file}:${line}`);
		expect(existsSync(join(copy.dir, 'dist', 'index.html'))).toBe(false);
		expect(output).not.toContain('PLAYBOOK');
	}, 300_000);

	test('whose code runs with the content check switched off are stopped by the output check, naming each page', () => {
		// The attacks in page bodies that leave something in the built pages or in dist/ (the one that
		// reads the signing key is in tests/build/signing.test.ts); frontmatter stays refused by the
		// collection's schema whatever the content check does.
		const body = working.filter((v) => !/^(head|banner|title):/.test(v.at) && !v.at.startsWith('export const k'));
		const { copy, placed } = hostileCopy(body, (c) => c.editGenerator('src/check/check-content.ts', withoutCodeChecks));
		const { status, output } = copy.build();
		expect(status, output).not.toBe(0);
		expect(output).toMatch(/build: stage "output check" failed/);
		for (const { vector, file } of placed) {
			if (vector.at.startsWith('export const w')) {
				expect(output, vector.name).toContain('dist/x.js');
				continue;
			}
			const page = file.replace(new RegExp(`^${copy.content}/docs/`), 'dist/').replace(/\.mdx$/, '/index.html');
			expect(output, `${vector.name}: ${page}`).toContain(page);
			expect(output, `${vector.name}: its source`).toContain(file);
		}
		// Nothing was checksummed or signed.
		expect(existsSync(join(copy.dir, 'dist', 'downloads', 'SHA256SUMS'))).toBe(false);
	}, 300_000);
});
