/**
 * A signed release, built for real: a copy of a small guide (tests/fixtures/) with a throwaway
 * release key published in its data/release-keys.yaml and its secret half in a file named by
 * PLAYBOOK_SIGNING_KEY_FILE. Every signature is checked with OpenPGP.js and with GnuPG, a changed
 * byte fails both, the fingerprint reaches the pages, the bundles and the handouts, and the
 * "Check a copy" page of a bundle, opened from file:// in Chromium, tells a genuine copy from a
 * changed one.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSignature } from '../../src/lib/release-check';
import { groupFingerprint } from '../../src/lib/release-keys';
import { launch } from '../helpers/browser';
import { guideCopy } from '../helpers/fixture';
import { keyEntry, makeKey, type TestKey } from '../helpers/keys';
import { readPdf } from '../helpers/pdf';
import { locate, needPrograms } from '../helpers/system';
import { unzipToTemp } from '../helpers/zip';

const copy = guideCopy();
const scratch = mkdtempSync(join(tmpdir(), 'signing-'));
let key: TestKey;
let downloads: string;
let signed: string[];
afterAll(() => {
	copy.cleanup();
	rmSync(scratch, { recursive: true, force: true });
});

beforeAll(async () => {
	key = await makeKey('Playbook release key (test)');
	copy.write(`${copy.content}/data/release-keys.yaml`, keyEntry('release-test', key, { added: '2026-11-01' }));
	const secret = join(scratch, 'secret-key.asc');
	writeFileSync(secret, key.privateKey);
	const env: NodeJS.ProcessEnv = { ...process.env, PLAYBOOK_SIGNING_KEY_FILE: secret };
	delete env.PLAYBOOK_SIGNING_KEY;
	const run = copy.build([], env);
	expect(run.status, run.output).toBe(0);
	expect(run.stdout).toContain(`signatures by ${groupFingerprint(key.fingerprint)}`);
	downloads = join(copy.dir, 'dist', 'downloads');
	signed = ['SHA256SUMS', ...readFileSync(join(downloads, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.split('  ')[1]!)];
}, 300_000);

const published = () => [{ fingerprint: key.fingerprint, publicKey: key.publicKey }];
const changedCopy = (name: string) => {
	const bytes = new Uint8Array(readFileSync(join(downloads, name)));
	bytes[Math.floor(bytes.length / 2)]! ^= 1;
	return bytes;
};

describe('a signed release', () => {
	test('has a signature of SHA256SUMS and of every download, by the release key; a changed byte fails', async () => {
		expect(signed.length).toBeGreaterThan(4);
		for (const name of signed) {
			const signature = readFileSync(join(downloads, `${name}.asc`), 'utf8');
			expect(await checkSignature(new Uint8Array(readFileSync(join(downloads, name))), signature, published()), name).toEqual({ state: 'current', fingerprint: key.fingerprint });
		}
		for (const name of ['SHA256SUMS', 'playbook-en.zip'])
			expect(await checkSignature(changedCopy(name), readFileSync(join(downloads, `${name}.asc`), 'utf8'), published()), name).toEqual({ state: 'bad' });
		expect(readFileSync(join(downloads, 'release-key.asc'), 'utf8')).toBe(`${key.publicKey.trim()}\n`);
	});

	test('shows the fingerprint on the downloads page, in the bundles, on the handouts and on the quick cards', async () => {
		const grouped = groupFingerprint(key.fingerprint);
		expect(copy.languages.length).toBeGreaterThan(1);
		for (const lang of copy.languages) {
			const page = readFileSync(join(copy.dir, 'dist', lang, 'downloads', 'index.html'), 'utf8');
			expect(page).toContain(grouped);
			expect(page, 'the line about signatures shows once the files are signed').toMatch(/data-signatures data-signed/);
			const bundle = unzipToTemp(join(downloads, `playbook-${lang}.zip`));
			const root = readdirSync(bundle.dir)[0]!;
			expect(readFileSync(join(bundle.dir, root, lang, 'check-a-copy', 'index.html'), 'utf8')).toContain(grouped);
			expect(readFileSync(join(bundle.dir, root, lang, 'check-a-copy', 'index.html'), 'utf8')).toContain(key.publicKey.trim().split('\n')[2]!);
			rmSync(bundle.dir, { recursive: true, force: true });
			for (const file of [`handout-${lang}.pdf`, `card-${lang}.pdf`]) {
				const pdf = await readPdf(join(downloads, file));
				expect(pdf.pages.map((p) => p.text).join(' ').replace(/\s+/g, ' '), file).toContain(grouped);
			}
		}
	});

	test('the Check a copy page of a bundle, from file:// in Chromium, accepts a genuine download and rejects a changed one', async () => {
		const bundle = unzipToTemp(join(downloads, 'playbook-en.zip'));
		const root = readdirSync(bundle.dir)[0]!;
		// What a reader holds: the zip they were handed, with the checksums and signature from the downloads page.
		const genuine = join(scratch, 'genuine');
		const changed = join(scratch, 'changed');
		for (const dir of [genuine, changed]) {
			spawnSync('mkdir', ['-p', dir]);
			for (const name of ['SHA256SUMS', 'SHA256SUMS.asc']) copyFileSync(join(downloads, name), join(dir, name));
		}
		copyFileSync(join(downloads, 'playbook-en.zip'), join(genuine, 'playbook-en.zip'));
		writeFileSync(join(changed, 'playbook-en.zip'), changedCopy('playbook-en.zip'));

		const browser = await launch();
		try {
			const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
			const requests: string[] = [];
			page.on('request', (r) => requests.push(r.url()));
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			await page.goto(pathToFileURL(join(bundle.dir, root, 'en', 'check-a-copy', 'index.html')).href);
			const verifier = page.locator('copy-verifier[data-ready]');
			await verifier.waitFor();
			for (const [dir, verdict] of [
				[genuine, 'genuine'],
				[changed, 'reject'],
			] as const) {
				await verifier.locator('input[type=file]').setInputFiles(['playbook-en.zip', 'SHA256SUMS', 'SHA256SUMS.asc'].map((n) => join(dir, n)));
				await expect(verifier.locator(`.verdict[data-state="${verdict}"]`).textContent({ timeout: 20_000 })).resolves.toMatch(verdict === 'genuine' ? /^Genuine/ : /^Do not open/);
			}
			expect(await verifier.locator('li').allTextContents()).toEqual([`SHA256SUMS is signed with the current release key, ${groupFingerprint(key.fingerprint)}.`, 'playbook-en.zip: does not match the list of checksums.']);
			// The zip with its own signature, on a device whose clock is behind the release: genuine, and the clock is named.
			await page.clock.setFixedTime(new Date('2020-03-01T12:00:00Z'));
			await verifier.locator('input[type=file]').setInputFiles(['playbook-en.zip', 'playbook-en.zip.asc'].map((n) => join(downloads, n)));
			await expect(verifier.locator('.verdict[data-state="genuine"]').textContent({ timeout: 20_000 })).resolves.toMatch(/^Genuine/);
			const lines = await verifier.locator('li').allTextContents();
			expect(lines[0]).toBe(`playbook-en.zip is signed with the current release key, ${groupFingerprint(key.fingerprint)}.`);
			expect(lines[1]).toMatch(/^This device’s clock seems to be behind: it shows 2020-03-01, but the signature was made on \d{4}-\d\d-\d\d\./);
			expect(requests.filter((url) => !url.startsWith('file://')), 'no request leaves the copy').toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await browser.close();
			rmSync(bundle.dir, { recursive: true, force: true });
		}
	}, 90_000);
});

describe('with GnuPG', () => {
	const gpg = { name: 'gpg', path: 'gpg', install: 'apt-get install gnupg' };
	needPrograms([gpg]);

	test('every signature verifies, and a changed byte fails', () => {
		const home = mkdtempSync(join(tmpdir(), 'gnupg-'));
		try {
			const run = (...args: string[]) => spawnSync(locate('gpg')!, ['--homedir', home, '--batch', '--no-tty', ...args], { encoding: 'utf8' });
			const imported = run('--import', join(downloads, 'release-key.asc'));
			expect(imported.status, imported.stderr).toBe(0);
			for (const name of signed) {
				const verified = run('--status-fd', '1', '--verify', join(downloads, `${name}.asc`), join(downloads, name));
				expect(verified.status, `${name}: ${verified.stderr}`).toBe(0);
				expect(verified.stdout).toContain(`[GNUPG:] VALIDSIG ${key.fingerprint}`);
			}
			for (const name of ['SHA256SUMS', 'playbook-en.zip']) {
				const path = join(home, name);
				writeFileSync(path, changedCopy(name));
				const verified = run('--status-fd', '1', '--verify', join(downloads, `${name}.asc`), path);
				expect(verified.status, name).not.toBe(0);
				expect(verified.stdout).toContain('[GNUPG:] BADSIG');
			}
		} finally {
			rmSync(home, { recursive: true, force: true });
		}
	});
});
