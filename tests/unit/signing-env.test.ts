/**
 * The signing key's variables stay out of every process that runs content, and the signing
 * process, started on its own, gets them: src/build/signing-env.ts, scripts/sign.ts and the
 * signatures stage, on a small release of two files (no build).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkSignature, sha256 } from '../../src/release/release-check';
import { takeSigningVariables, withoutSigningVariables } from '../../src/build/signing-env';
import { signInProcess } from '../../scripts/build/signatures';
import { listedDownloads } from '../../scripts/sign';
import { keyEntry, makeKey } from '../helpers/keys';
import { copyProject } from '../helpers/project';

let copy: ReturnType<typeof copyProject> | undefined;
afterEach(() => copy?.cleanup());

describe('the signing variables', () => {
	test('are left out of the environment given to a process that runs content, and only they', () => {
		const env = { PATH: '/usr/bin', PLAYBOOK_SIGNING_KEY: 'k', PLAYBOOK_SIGNING_KEY_FILE: '/secure/key.asc', PLAYBOOK_SIGNING_PASSPHRASE: 'p', PLAYBOOK_SIGNING_ANYTHING: 'x', SITE_URL: 'https://guide.example.org' };
		expect(withoutSigningVariables(env)).toEqual({ PATH: '/usr/bin', SITE_URL: 'https://guide.example.org' });
		expect(env.PLAYBOOK_SIGNING_KEY, 'the environment given is not changed').toBe('k');
	});

	test('are taken out of the process’s own environment and handed back once', () => {
		const env: NodeJS.ProcessEnv = { HOME: '/home/editor', PLAYBOOK_SIGNING_KEY_FILE: '/secure/key.asc', PLAYBOOK_SIGNING_PASSPHRASE: 'p' };
		expect(takeSigningVariables(env)).toEqual({ PLAYBOOK_SIGNING_KEY_FILE: '/secure/key.asc', PLAYBOOK_SIGNING_PASSPHRASE: 'p' });
		expect(env).toEqual({ HOME: '/home/editor' });
		expect(takeSigningVariables(env)).toEqual({});
	});

	test('are gone from the environment of a process that loaded the build’s stages', () => {
		// A fresh process with the variables set loads the stages, as scripts/build.ts does, and reports what it sees.
		const probe = `await import(${JSON.stringify(join(import.meta.dirname, '../../scripts/build/stages.ts'))}); console.log(JSON.stringify(Object.keys(process.env).filter((k) => k.startsWith('PLAYBOOK_SIGNING'))));`;
		const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { env: { ...process.env, PLAYBOOK_SIGNING_KEY_FILE: '/secure/key.asc', PLAYBOOK_SIGNING_KEY: 'k' }, encoding: 'utf8' });
		expect(run.status, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual([]);
	}, 30_000);
});

describe('the signing process', () => {
	test('signs what SHA256SUMS lists with the key it alone is given', async () => {
		const key = await makeKey('Signing process test');
		copy = copyProject(['content', 'package.json']);
		copy.write('content/data/release-keys.yaml', keyEntry('release-test', key, { added: '2026-01-01' }));
		const downloads = join(copy.dir, 'dist', 'downloads');
		mkdirSync(downloads, { recursive: true });
		const zip = new TextEncoder().encode('a download');
		writeFileSync(join(downloads, 'playbook-en.zip'), zip);
		writeFileSync(join(downloads, 'SHA256SUMS'), `${await sha256(zip)}  playbook-en.zip\n`);
		writeFileSync(join(copy.dir, 'secret.asc'), key.privateKey);
		expect(process.env.PLAYBOOK_SIGNING_KEY_FILE).toBeUndefined();

		const report = await signInProcess(copy.dir, { PLAYBOOK_SIGNING_KEY_FILE: join(copy.dir, 'secret.asc') });
		expect(report.made).toMatch(/^2 signatures by /);
		const published = [{ fingerprint: key.fingerprint, publicKey: key.publicKey }];
		for (const name of ['SHA256SUMS', 'playbook-en.zip'])
			expect(await checkSignature(new Uint8Array(readFileSync(join(downloads, name))), readFileSync(join(downloads, `${name}.asc`), 'utf8'), published), name).toEqual({ state: 'current', fingerprint: key.fingerprint });

		// Without the variables, the same process signs nothing, and says so.
		expect((await signInProcess(copy.dir, {})).made).toMatch(/^release unsigned/);
		// Its errors reach the stage as the message.
		await expect(signInProcess(copy.dir, { PLAYBOOK_SIGNING_KEY_FILE: join(copy.dir, 'missing.asc') })).rejects.toThrow(/PLAYBOOK_SIGNING_KEY_FILE names .*missing\.asc, which does not exist/);
	}, 30_000);

	test('signs only plain file names in downloads/, never a path SHA256SUMS might name', () => {
		const hash = 'a'.repeat(64);
		expect(listedDownloads(`${hash}  playbook-en.zip\n${hash}  handout-ar.pdf\n`)).toEqual(['playbook-en.zip', 'handout-ar.pdf']);
		for (const name of ['../../src/lib/x.ts', 'sub/file', '.hidden', '..\\x'])
			expect(() => listedDownloads(`${hash}  ${name}\n`), name).toThrow(/SHA256SUMS has a line that is not/);
		expect(() => listedDownloads('not a checksum line\n')).toThrow(/SHA256SUMS has a line that is not/);
	});
});
