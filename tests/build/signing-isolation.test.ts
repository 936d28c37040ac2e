/**
 * A page cannot reach the release key, even when nothing stops it from running code: a copy of a
 * small guide (tests/fixtures/) and of the generator, whose content check no longer refuses code or
 * markup in pages, with a page in the guide's second language
 * that reads the signing variables and the key file they name at build time and prints what it
 * found, built with a passphrase-protected key configured as a release would be. The page's code
 * runs (it prints a variable the test set for it), finds none of the key's variables, and the key,
 * its file's path and its passphrase are nowhere in dist/, zips and search index included, while
 * the release is still signed and every signature checks out.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/files';
import { checkSignature } from '../../src/lib/release-check';
import { groupFingerprint } from '../../src/lib/release-keys';
import { keyEntry, makeKey, type TestKey } from '../helpers/keys';
import { readPdf } from '../helpers/pdf';
import { guideCopy } from '../helpers/fixture';
import { withoutCodeChecks } from '../helpers/project';

const copy = guideCopy({ generator: true });
/** A tool's page in the guide's second language, which reaches the site, its zip, its single file and its search index. */
const LANG = copy.languages[1]!;
const SLUG = copy.pages(LANG, 'tools')[0]!;
const scratch = mkdtempSync(join(tmpdir(), 'signing-isolation-'));
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
let output: string;

beforeAll(async () => {
	key = await makeKey('Playbook release key (isolation test)');
	const locked = await openpgp.encryptKey({ privateKey: await openpgp.readPrivateKey({ armoredKey: key.privateKey }), passphrase });
	armoredSecret = locked.armor();
	writeFileSync(secretFile, armoredSecret);
	copy.write(`${copy.content}/data/release-keys.yaml`, keyEntry('release-test', key, { added: '2026-11-01' }));
	copy.editGenerator('src/lib/check-content.ts', (text) => withoutCodeChecks(text));
	copy.edit(copy.page(LANG, SLUG), (text) => text.replace(/^(---\n[\s\S]*?\n---\n)/, `$1\n${PROBE}\n\n<pre>{probe}</pre>\n`));

	const env: NodeJS.ProcessEnv = { ...process.env, PLAYBOOK_SIGNING_KEY_FILE: secretFile, PLAYBOOK_SIGNING_PASSPHRASE: passphrase, PLAYBOOK_PROBE_CONTROL: control };
	delete env.PLAYBOOK_SIGNING_KEY;
	const run = copy.build([], env);
	output = run.output;
	expect(run.status, output).toBe(0);
}, 300_000);

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

	test('leaves the release signed with the key, every signature checking out', async () => {
		expect(output).toContain(`signatures by ${groupFingerprint(key.fingerprint)}`);
		const downloads = join(copy.dir, 'dist', 'downloads');
		const signed = ['SHA256SUMS', ...readFileSync(join(downloads, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.split('  ')[1]!)];
		expect(signed).toContain(`playbook-${LANG}.zip`);
		const published = [{ fingerprint: key.fingerprint, publicKey: key.publicKey }];
		for (const name of signed)
			expect(await checkSignature(new Uint8Array(readFileSync(join(downloads, name))), readFileSync(join(downloads, `${name}.asc`), 'utf8'), published), name).toEqual({ state: 'current', fingerprint: key.fingerprint });
	}, 60_000);
});
