/**
 * The generator installed as a package, as an organisation's project has it: the second guide
 * (tests/fixtures/newsroom/) in a project of its own, with a package.json of its own and the
 * generator in node_modules/safe-comms-playbook/ (a copy of what `npm pack` ships: src/,
 * components/, scripts/ and package.json). Its other packages (Astro, Starlight, Pagefind, ...)
 * are this project's, found by walking up, as npm would have installed them beside it. Node runs
 * no TypeScript below node_modules/ on its own: the stages after the site, started by the
 * integration, and the signing process run with the generator's module hooks (scripts/typescript.mjs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildEnv, ROOT } from '../helpers/project';

const astroBin = join(createRequire(import.meta.url).resolve('astro/package.json'), '../bin/astro.mjs');
mkdirSync(join(ROOT, '.scratch'), { recursive: true });
const dir = mkdtempSync(join(ROOT, '.scratch', 'installed-package-'));
const installed = join(dir, 'node_modules/safe-comms-playbook');
/** Printed by the installed copy's stage runner only. */
const MARK = 'stages of the installed generator';
let status: number | null;
let output: string;

beforeAll(() => {
	cpSync(join(ROOT, 'tests/fixtures/newsroom'), dir, { recursive: true, filter: (src) => !/[\\/](dist|\.astro|node_modules)$/.test(src) });
	// A project of its own, as `npm install <the packed generator>` leaves it: without a package.json,
	// Node would find this repository's and resolve 'safe-comms-playbook' to it by self-reference; and
	// the dependency is what tells Astro to bundle the generator's pages and components with the site.
	const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'newsroom-guide', version: '1.0.0', private: true, type: 'module', dependencies: { 'safe-comms-playbook': version } }, null, 2));
	for (const part of ['src', 'components', 'scripts', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
	const runner = join(installed, 'scripts/build.ts');
	writeFileSync(runner, `console.log(${JSON.stringify(MARK)});\n${readFileSync(runner, 'utf8')}`);
	const env = buildEnv();
	const run = spawnSync(process.execPath, [astroBin, 'build'], { cwd: dir, encoding: 'utf8', env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 560_000 });
	status = run.status;
	output = `${run.stdout}\n${run.stderr}`;
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('astro build makes the whole release of a guide whose project installed the generator', () => {
	expect(status, output.slice(-4000)).toBe(0);
	// Every stage ran, in the process the integration started from node_modules/.
	for (const stage of ['policy', 'search index', 'handouts', 'offline bundles', 'single files', 'scripts', 'output check', 'checksums', 'signatures']) expect(output).toMatch(new RegExp(`^${stage}\\s+✓ `, 'm'));
	expect(output).toContain('build: done');
	expect(output).not.toContain('ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING');
	const downloads = readdirSync(join(dir, 'dist/downloads'));
	for (const lang of ['en', 'fa']) {
		expect(existsSync(join(dir, `dist/${lang}/index.html`))).toBe(true);
		expect(downloads).toEqual(expect.arrayContaining([`card-${lang}.pdf`, `handout-${lang}.pdf`, `playbook-${lang}.zip`, `guide-${lang}.html`]));
	}
	expect(downloads).toContain('SHA256SUMS');
}, 30_000);

test('the generator that ran is the installed copy, not this repository', () => {
	// The copy's stage runner, a TypeScript file below node_modules/, printed its mark.
	expect(output).toContain(MARK);
});
