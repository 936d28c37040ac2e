/**
 * The content check against every way in the table of tests/helpers/hostile-content.ts of putting
 * active content into a guide: each, alone in a copy of the small second guide (tests/fixtures/), is
 * refused, in the file it was written in and at its line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkGuide, guideCopy, type GuideCopy } from '../helpers/fixture';
import { VECTORS } from '../helpers/hostile-content';

let project: GuideCopy | undefined;
afterEach(() => project?.cleanup());

describe('hostile content is refused by the content check, with its file and line', () => {
	test.each(VECTORS.map((v) => [v.name, v] as const))('%s', (_, vector) => {
		project = guideCopy();
		project.edit(vector.file, vector.change);
		const lines = readFileSync(join(project.dir, vector.file), 'utf8').split('\n');
		const line = lines.findIndex((l) => l.includes(vector.at)) + 1;
		expect(line, `the vector's text "${vector.at}" is in ${vector.file}`).toBeGreaterThan(0);
		const { problems } = checkGuide(project.dir, project.content);
		const here = problems.filter((p) => p.file === vector.file);
		expect(here.length, JSON.stringify(problems, null, 1)).toBeGreaterThan(0);
		const atLine = here.filter((p) => new RegExp(`(^|\\D)line ${line}(\\D|$)`).test(p.field ?? ''));
		expect(atLine.length, `a problem at line ${line}: ${JSON.stringify(here, null, 1)}`).toBeGreaterThan(0);
		expect(atLine.some((p) => vector.what.test(p.message)), JSON.stringify(atLine, null, 1)).toBe(true);
		for (const p of atLine) expect(p.fix.length).toBeGreaterThan(10);
	});
});
