/**
 * Anyone can rebuild the downloads from the same source and compare: two fresh copies of the
 * project, built from scratch in different folders (so with different temporary server ports for
 * printing), give byte-identical zips and PDFs. Both are built with a public address, so the PDFs
 * carry its links and QR codes, which are read back here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { qrCodes } from '../helpers/pdf';
import { copyProject } from '../helpers/project';
import { siteData } from '../helpers/site';

const SITE_URL = 'https://guide.example.org/';
const SOURCES = ['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const copies = [copyProject(SOURCES, { buildable: true }), copyProject(SOURCES, { buildable: true })];
afterAll(() => copies.forEach((c) => c.cleanup()));
const languages = siteData().languages.map((l) => l.id);
const logs: string[] = [];

beforeAll(() => {
	// Neither copy is a git checkout, so both date the downloads from the content's reviewed dates.
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SITE_URL };
	delete env.SOURCE_DATE_EPOCH;
	for (const copy of copies) {
		// The whole pipeline, as `npm run build` runs it.
		const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: copy.dir, env, encoding: 'utf8', timeout: 280_000 });
		expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
		logs.push(run.stdout);
	}
}, 600_000);

test('two builds of the same source in different folders give byte-identical zips and PDFs', () => {
	const sums = copies.map((copy) => readFileSync(join(copy.dir, 'dist', 'downloads', 'SHA256SUMS'), 'utf8').trim().split('\n'));
	const files = sums[0]!.map((line) => line.split(/\s+\*?/)[1]);
	for (const lang of languages) expect(files).toEqual(expect.arrayContaining([`playbook-${lang}.zip`, `handout-${lang}.pdf`, `card-${lang}.pdf`]));
	expect(sums[1]).toEqual(sums[0]);
});

test('the build says which public address the PDFs carry', () => {
	expect(logs[0]).toContain(`public address on every cover, with its QR code: ${SITE_URL}`);
});

test('the QR codes on the cover of every handout give the public address of its language and its offline bundle, on the quick card its address', async () => {
	for (const lang of languages) {
		const downloads = join(copies[0]!.dir, 'dist', 'downloads');
		expect((await qrCodes(join(downloads, `handout-${lang}.pdf`), 1)).sort(), lang).toEqual([`${SITE_URL}${lang}/`, `${SITE_URL}downloads/playbook-${lang}.zip`].sort());
		expect(await qrCodes(join(downloads, `card-${lang}.pdf`), 1), lang).toEqual([`${SITE_URL}${lang}/`]);
	}
}, 240_000);
