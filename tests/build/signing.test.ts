/**
 * A signed release, built for real, once for every test of this file: a copy of a small guide
 * (tests/fixtures/) with a throwaway release key published in its data/release-keys.yaml, and its
 * secret half, locked with a passphrase, in a file named by PLAYBOOK_SIGNING_KEY_FILE, as a release
 * would be built. Every signature is checked with OpenPGP.js and with GnuPG, a changed byte fails
 * both, the fingerprint reaches the pages, the bundles and the handouts, and the "Check a copy" page
 * of a bundle, opened from file:// in Chromium, tells a genuine copy from a changed one.
 *
 * And a page cannot reach the release key, even when nothing stops it from running code: the copy's
 * generator (copied beside it) has a content check that no longer refuses code or markup in pages,
 * and a page in the guide's second language reads the signing variables and the key file they name
 * at build time and prints what it found. The page's code runs (it prints a variable the test set
 * for it), finds none of the key's variables, and the key, its file's path and its passphrase are
 * nowhere in dist/, zips and search index included, while the release is still signed.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import * as openpgp from 'openpgp';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesUnder } from '../../src/build/files';
import { checkSignature } from '../../src/release/release-check';
import { groupFingerprint } from '../../src/release/release-keys';
import { launch } from '../helpers/browser';
import { releasePassages, shownHeadings } from '../helpers/release-passages';
import { guideCopy } from '../helpers/fixture';
import { keyEntry, makeKey, type TestKey } from '../helpers/keys';
import { readPdf } from '../helpers/pdf';
import { withoutCodeChecks } from '../helpers/project';
import { locate, needPrograms } from '../helpers/system';
import { unzipToTemp } from '../helpers/zip';

const copy = guideCopy({ generator: true });
/** A tool's page in the guide's second language, which reaches the site, its zip, its single file and its search index. */
const LANG = copy.languages[1]!;
const SLUG = copy.pages(LANG, 'tools')[0]!;
const scratch = mkdtempSync(join(tmpdir(), 'signing-'));
afterAll(() => {
	copy.cleanup();
	rmSync(scratch, { recursive: true, force: true });
});

/** What the hostile page prints: everything its code could find of the key, after a marker with a value the test set. */
const PROBE = [
	'export const probe = await (async () => {',
	'  const env = process.env;',
	"  const fs = await import('node:fs');",
	"  const read = (path) => { if (!path) return ''; try { return fs.readFileSync(path, 'utf8'); } catch (error) { return 'unreadable ' + error.code; } };",
	"  const names = Object.keys(env).filter((name) => name.startsWith('PLAYBOOK_SIGNING')).join(',');",
	// Written without " ?" or " :", which the French typography check would take for punctuation.
	"  return `PROBE control=${env.PLAYBOOK_PROBE_CONTROL} key=${env.PLAYBOOK_SIGNING_KEY || ''} file=${env.PLAYBOOK_SIGNING_KEY_FILE || ''} text=${read(env.PLAYBOOK_SIGNING_KEY_FILE)} passphrase=${env.PLAYBOOK_SIGNING_PASSPHRASE || ''} names=${names} END`;",
	'})();',
].join('\n');

const control = `control-${randomBytes(6).toString('hex')}`;
const passphrase = `passphrase-${randomBytes(9).toString('hex')}`;
const secretFile = join(scratch, 'release-secret-key.asc');
let key: TestKey;
let armoredSecret: string;
let downloads: string;
let signed: string[];

beforeAll(async () => {
	key = await makeKey('Playbook release key (isolation test)');
	const locked = await openpgp.encryptKey({ privateKey: await openpgp.readPrivateKey({ armoredKey: key.privateKey }), passphrase });
	armoredSecret = locked.armor();
	writeFileSync(secretFile, armoredSecret);
	copy.write(`${copy.content}/data/release-keys.yaml`, keyEntry('release-test', key, { added: '2026-11-01' }));
	copy.editGenerator('src/check/check-content.ts', (text) => withoutCodeChecks(text));
	copy.edit(copy.page(LANG, SLUG), (text) => text.replace(/^(---\n[\s\S]*?\n---\n)/, `$1\n${PROBE}\n\n<pre>{probe}</pre>\n`));

	const env: NodeJS.ProcessEnv = { ...process.env, PLAYBOOK_SIGNING_KEY_FILE: secretFile, PLAYBOOK_SIGNING_PASSPHRASE: passphrase, PLAYBOOK_PROBE_CONTROL: control };
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
		expect(signed).toContain(`playbook-${LANG}.zip`);
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

	test('keeps on the Check a copy page the passages for a signed release, not those for an unsigned one', () => {
		for (const lang of copy.languages) {
			const { signed, unsigned } = releasePassages(readFileSync(join(copy.dir, copy.page(lang, 'check-a-copy')), 'utf8'));
			expect(signed.length * unsigned.length, `${lang}: the fixture's page has both passages`).toBeGreaterThan(0);
			const html = readFileSync(join(copy.dir, 'dist', lang, 'check-a-copy', 'index.html'), 'utf8');
			const shown = shownHeadings(html, parse);
			for (const heading of signed) {
				expect(shown.main, lang).toContain(heading);
				expect(shown.contents, lang).toContain(heading);
			}
			for (const heading of unsigned) expect(html, `${lang}: ${heading}`).not.toContain(heading);
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

/** Every text in the release, by where it is: each file of dist/, unpacked when gzipped (Pagefind's), each entry of a zip, the text of each PDF. */
async function releaseTexts(): Promise<[string, string][]> {
	const texts: [string, string][] = [];
	const add = async (where: string, bytes: Uint8Array) => {
		if (where.endsWith('.zip')) {
			for (const [name, entry] of Object.entries(unzipSync(bytes))) if (!name.endsWith('/')) await add(`${where}!${name}`, entry);
			return;
		}
		texts.push([where, Buffer.from(bytes).toString('utf8')]);
		if (bytes[0] === 0x1f && bytes[1] === 0x8b) texts.push([`${where} (gunzipped)`, gunzipSync(bytes).toString('utf8')]);
		if (where.endsWith('.pdf')) {
			const file = join(scratch, 'read.pdf');
			writeFileSync(file, bytes);
			texts.push([`${where} (text)`, (await readPdf(file)).pages.map((p) => p.text).join('\n')]);
		}
	};
	const dist = join(copy.dir, 'dist');
	for (const file of filesUnder(dist)) await add(file, new Uint8Array(readFileSync(join(dist, file))));
	return texts;
}

describe('a page whose code runs at build time, with the content check’s refusal of code switched off', () => {
	test('runs, and finds none of the signing key’s variables in its environment', () => {
		const page = readFileSync(join(copy.dir, `dist/${LANG}/${SLUG}/index.html`), 'utf8');
		expect(/PROBE [^<]*? END/.exec(page)?.[0]).toBe(`PROBE control=${control} key= file= text= passphrase= names= END`);
	});

	test('cannot put the key, its file’s path or its passphrase anywhere in the release, zips and search index included', async () => {
		const texts = await releaseTexts();
		const where = (needle: string) => texts.filter(([, text]) => text.includes(needle)).map(([file]) => file);
		// The page's output travels as any page's does: so would the key, had it found it.
		const reached = where(control);
		expect(reached).toContain(`${LANG}/${SLUG}/index.html`);
		expect(reached).toContain(`downloads/guide-${LANG}.html`);
		expect(reached.some((f) => f.startsWith(`downloads/playbook-${LANG}.zip!`))).toBe(true);
		expect(reached.some((f) => f.startsWith('pagefind/') || f.startsWith('search/'))).toBe(true);

		const keyLines = armoredSecret.split('\n').filter((line) => line.length >= 20 && !line.startsWith('-----'));
		expect(keyLines.length).toBeGreaterThan(3);
		for (const needle of [...keyLines, secretFile, passphrase]) expect(where(needle), needle).toEqual([]);
	}, 120_000);
});
