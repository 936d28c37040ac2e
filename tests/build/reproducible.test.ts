/**
 * Anyone can rebuild the downloads from the same source and compare: two fresh copies of a small
 * guide (tests/fixtures/), built from scratch in different folders (so with different temporary
 * server ports for printing), give byte-identical zips and PDFs. Both are built with a public
 * address, so the PDFs carry its links and QR codes, which are read back here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { guideCopy } from '../helpers/fixture';
import { qrCodes } from '../helpers/pdf';

const SITE_URL = 'https://guide.example.org/';
const copies = [guideCopy(), guideCopy()];
afterAll(() => copies.forEach((c) => c.cleanup()));
const languages = copies[0]!.languages;
const logs: string[] = [];

beforeAll(() => {
	// Neither copy is a git checkout, so both date the downloads from the content's reviewed dates.
	const env: NodeJS.ProcessEnv = { ...process.env, SITE_URL };
	delete env.SOURCE_DATE_EPOCH;
	for (const copy of copies) {
		// The whole pipeline, as `npm run build` runs it.
		const run = copy.build([], env);
		expect(run.status, run.output).toBe(0);
		logs.push(run.stdout);
	}
}, 600_000);

test('two builds of the same source in different folders give byte-identical zips and PDFs', () => {
	const sums = copies.map((copy) => readFileSync(join(copy.dir, 'dist', 'downloads', 'SHA256SUMS'), 'utf8').trim().split('\n'));
	const files = sums[0]!.map((line) => line.split(/\s+\*?/)[1]);
	expect(languages.length).toBeGreaterThan(1);
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
