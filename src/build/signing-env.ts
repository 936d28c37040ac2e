/**
 * The variables that configure the release key (PLAYBOOK_SIGNING_KEY, PLAYBOOK_SIGNING_KEY_FILE,
 * PLAYBOOK_SIGNING_PASSPHRASE: README, "Sign a release"), kept away from every process that runs
 * content. An MDX page is a program run at build time: whatever is in the environment of Astro,
 * or of Chromium printing the handouts, a page's code could read and print. So the build takes
 * these variables out of its own environment before any stage runs, starts every other process
 * without them, and hands them only to the signing process (scripts/sign.ts), started after the
 * stages that run content have ended.
 */

/** Every variable whose name starts so belongs to the signing key, present or future. */
export const SIGNING_PREFIX = 'PLAYBOOK_SIGNING_';

/** Whether an environment variable is part of the signing key's configuration. */
export const isSigningVariable = (name: string) => name.startsWith(SIGNING_PREFIX);

/** A copy of `env` without the signing variables: the environment for a process that runs content. */
export function withoutSigningVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([name]) => !isSigningVariable(name)));
}

/**
 * Removes the signing variables from `env` (the process's own environment, so that nothing it
 * starts afterwards inherits them) and returns them, for the one process that signs.
 */
export function takeSigningVariables(env: NodeJS.ProcessEnv): Record<string, string> {
	const taken: Record<string, string> = {};
	for (const name of Object.keys(env).filter(isSigningVariable)) {
		const value = env[name];
		if (value !== undefined) taken[name] = value;
		delete env[name];
	}
	return taken;
}
