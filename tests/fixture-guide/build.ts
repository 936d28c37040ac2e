/**
 * The second guide (tests/fixtures/newsroom/), built once with `astro build` for every test file of
 * this folder: into a copy under .scratch/, named after a hash of what the build reads (the
 * fixture, the generator's src/, components/ and scripts/, package.json and the lockfile). The
 * first test file that needs it builds it, holding a lock (a folder made atomically); the others
 * wait for it and read the same dist/. A later run with nothing changed reads it again; a change
 * to the fixture or the generator makes a new one, and copies more than an hour old are removed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { buildEnv, ROOT } from '../helpers/project';

/** The second guide, as another organisation would keep it. */
export const FIXTURE = join(ROOT, 'tests/fixtures/newsroom');
const SCRATCH = join(ROOT, '.scratch');
const PREFIX = 'fixture-newsroom-';
const INPUTS = ['tests/fixtures/newsroom', 'src', 'components', 'scripts', 'package.json', 'package-lock.json'];
const astroBin = join(createRequire(import.meta.url).resolve('astro/package.json'), '../bin/astro.mjs');

/** Every file under `path` (or `path` itself), relative to the project, in a stable order. */
function files(path: string): string[] {
	const full = join(ROOT, path);
	if (!existsSync(full)) return [];
	if (!statSync(full).isDirectory()) return [path];
	return readdirSync(full, { withFileTypes: true })
		.filter((e) => e.name !== 'node_modules' && e.name !== 'dist' && e.name !== '.astro')
		.flatMap((e) => files(join(path, e.name)))
		.sort();
}

/** A short hash of every file the fixture's build reads. */
export function inputsHash(): string {
	const hash = createHash('sha256');
	for (const file of INPUTS.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0');
	return hash.digest('hex').slice(0, 12);
}

export interface FixtureBuild {
	/** The built copy of the fixture. */
	dir: string;
	/** Its dist/. */
	dist: string;
	/** What `astro build` printed. */
	output: string;
	/** How long the build took, in seconds. */
	seconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function build(dir: string): FixtureBuild {
	rmSync(dir, { recursive: true, force: true });
	cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !/[\\/](dist|\.astro|node_modules)$/.test(src) });
	// Built as a guide without a public address, as for production (buildEnv says why).
	const env = buildEnv();
	const started = Date.now();
	const run = spawnSync(process.execPath, [astroBin, 'build'], { cwd: dir, encoding: 'utf8', env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 600_000 });
	const output = `${run.stdout}\n${run.stderr}`;
	const seconds = (Date.now() - started) / 1000;
	if (run.status !== 0) throw new Error(`astro build of the fixture ${relative(ROOT, FIXTURE)} failed (exit ${run.status}) in ${dir}:\n${output.slice(-6000)}`);
	const result = { dir, dist: join(dir, 'dist'), output, seconds };
	writeFileSync(join(dir, 'build.json'), JSON.stringify({ output, seconds }));
	return result;
}

let built: Promise<FixtureBuild> | undefined;

/**
 * The fixture's build for this run: made once (by whichever test file asks first) and shared.
 * Fails with Astro's output when the build fails.
 */
export function fixtureBuild(): Promise<FixtureBuild> {
	built ??= (async () => {
		mkdirSync(SCRATCH, { recursive: true });
		const dir = join(SCRATCH, `${PREFIX}${inputsHash()}`);
		const done = join(dir, 'build.json');
		const lock = `${dir}.lock`;
		for (const started = Date.now(); Date.now() - started < 900_000; ) {
			if (existsSync(done) && !existsSync(lock)) {
				const { output, seconds } = JSON.parse(readFileSync(done, 'utf8')) as { output: string; seconds: number };
				return { dir, dist: join(dir, 'dist'), output, seconds };
			}
			try {
				mkdirSync(lock);
			} catch {
				// Another test file is building it: wait for its build.json. A lock older than any build is left from a stopped run.
				if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs! > 600_000) rmSync(lock, { recursive: true, force: true });
				await sleep(1000);
				continue;
			}
			try {
				// Copies built from other inputs are out of date. One built in the last hour may still be
				// served to another test file of a run that began before a file changed, and one being
				// built is locked: both are left alone.
				for (const name of readdirSync(SCRATCH)) {
					const other = join(SCRATCH, name);
					const age = Date.now() - (statSync(join(other, 'build.json'), { throwIfNoEntry: false })?.mtimeMs ?? statSync(other).mtimeMs);
					if (name.startsWith(PREFIX) && !name.endsWith('.lock') && other !== dir && !existsSync(`${other}.lock`) && age > 3_600_000) rmSync(other, { recursive: true, force: true });
				}
				return build(dir);
			} finally {
				rmSync(lock, { recursive: true, force: true });
			}
		}
		throw new Error(`the fixture's build in ${dir} did not finish within 15 minutes (is ${lock} left from a stopped run? remove it)`);
	})();
	return built;
}
