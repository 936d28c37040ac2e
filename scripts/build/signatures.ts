/**
 * The signatures stage: signs the release in a process of its own, scripts/sign.ts, started now,
 * after every stage that runs content (Astro rendering the pages, Chromium printing the handouts)
 * has ended. It writes a detached OpenPGP signature of SHA256SUMS and of every download when a
 * release key is configured, and the public keys in dist/downloads/release-key.asc; without a
 * key it says, in one line, that the release is unsigned.
 *
 * The key's variables (PLAYBOOK_SIGNING_KEY, PLAYBOOK_SIGNING_KEY_FILE,
 * PLAYBOOK_SIGNING_PASSPHRASE: README, "Sign a release") leave this process's environment as soon
 * as the build loads this module, before any stage runs: no process the build starts inherits
 * them (Astro, whose pages are code run at build time; Chromium; git), and no stage finds them in
 * process.env. Only the signing process gets them back.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { takeSigningVariables } from '../../src/build/signing-env.ts';
import { contentDir } from '../../src/check/sources.ts';
import type { Stage, StageReport } from '../../src/build/pipeline.ts';
import type { BuildContext } from './context.ts';

const signingVariables = takeSigningVariables(process.env);

/** Runs scripts/sign.ts, in a new process, on the project in `root`, giving it the signing variables; resolves with its report. */
export function signInProcess(root: string, variables: Record<string, string> = signingVariables): Promise<StageReport> {
	const script = join(import.meta.dirname, '..', 'sign.ts');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--import', join(import.meta.dirname, '..', 'typescript.mjs'), script, root, contentDir()], { cwd: root, env: { ...process.env, ...variables }, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d: Buffer) => (out += d));
		child.stderr.on('data', (d: Buffer) => (err += d));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(err.trim() || `scripts/sign.ts exited with code ${code}`));
			const last = out.trim().split('\n').at(-1) ?? '';
			try {
				resolve(JSON.parse(last) as StageReport);
			} catch {
				reject(new Error(`scripts/sign.ts gave no report: ${out.trim() || err.trim() || '(no output)'}`));
			}
		});
	});
}

export const signatures: Stage<BuildContext> = {
	name: 'signatures',
	does: 'signs SHA256SUMS and every download with the release key, when one is configured',
	run: (context) => signInProcess(context.root),
};
