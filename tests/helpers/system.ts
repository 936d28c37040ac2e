/**
 * Programs some tests need from the system (nginx, Caddy, openssl, Firefox): the self-hosting tests run the
 * real servers, the Tor Browser tests Firefox ESR (tests/helpers/firefox.ts). Where one is missing, those tests are skipped, each with a note naming the program
 * and how to install it (the summary line lists them); with PLAYBOOK_REQUIRE_SERVERS=1, which
 * .ci/run sets, a missing program fails the tests instead, so CI always runs them.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeEach } from 'vitest';

export interface Program {
	/** What it is called: "nginx". */
	name: string;
	/** An absolute path (an environment variable may set it), or a name looked up in PATH. */
	path: string;
	/** How to get it: "apt-get install nginx". */
	install: string;
	/** The environment variable that can name another executable, if any. */
	variable?: string;
}

/** Where a program is: its path if absolute, else the first match in PATH. */
export function locate(path: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (path.includes('/')) return existsSync(path) ? path : undefined;
	for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) if (existsSync(join(dir, path))) return join(dir, path);
	return undefined;
}

/** One line per missing program, naming it and how to install it; empty when all are there. */
export function missingPrograms(programs: Program[], env: NodeJS.ProcessEnv = process.env): string[] {
	return programs
		.filter((p) => !locate(p.path, env))
		.map((p) => `no ${p.name} ${p.path.includes('/') ? `at ${p.path}` : 'in PATH'}: install it (${p.install})${p.variable ? ` or set ${p.variable}` : ''}`);
}

export const serversRequired = (env: NodeJS.ProcessEnv = process.env) => env.PLAYBOOK_REQUIRE_SERVERS === '1';

/**
 * For a test file that needs `programs`: returns true when they are all there. When some are
 * missing, every test of the file is skipped with a note naming them, or, under
 * PLAYBOOK_REQUIRE_SERVERS=1, fails with that note.
 */
export function needPrograms(programs: Program[]): boolean {
	const missing = missingPrograms(programs);
	if (!missing.length) return true;
	const note = missing.join('; ');
	beforeEach((context) => {
		if (serversRequired()) throw new Error(`${note} (PLAYBOOK_REQUIRE_SERVERS=1: these tests must run here)`);
		context.skip(note);
	});
	return false;
}
