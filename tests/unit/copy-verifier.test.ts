/**
 * The copy checker's logic (components/copy-verifier.ts, src/release/release-check.ts) without a
 * browser: files that cannot be read, a device clock behind the signature, a download's own
 * signature and a signature chosen without its file. tests/browser/copy-verifier.test.ts runs the
 * island itself in Chromium.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { checkFiles, MAX_BYTES, readChosen, type ChosenFile } from '../../components/copy-verifier';
import { checkSignature, sha256 } from '../../src/release/release-check';
import { groupFingerprint } from '../../src/release/release-keys';
import en from '../../content/i18n/en.json';
import { makeKey, sign, type TestKey } from '../helpers/keys';

const encode = (text: string) => new TextEncoder().encode(text);
const data = encode('the guide, as published\n');
const file = (name: string, bytes: Uint8Array): ChosenFile => ({ name, bytes });
let key: TestKey;
let keys: { fingerprint: string; publicKey: string }[];
let sums: Uint8Array;
let sumsAsc: Uint8Array;
let zipAsc: Uint8Array;

beforeAll(async () => {
	key = await makeKey('Current');
	keys = [{ fingerprint: key.fingerprint, publicKey: key.publicKey }];
	sums = encode(`${await sha256(data)}  playbook-en.zip\n`);
	sumsAsc = encode(await sign(sums, key));
	zipAsc = encode(await sign(data, key));
});

describe('reading the chosen files', () => {
	test('a file over the limit is not read, and a failed read is reported, not thrown', async () => {
		let reads = 0;
		const chosen = await readChosen([
			{ name: 'film.mp4', size: MAX_BYTES + 1, arrayBuffer: async () => (reads++, new ArrayBuffer(0)) },
			{ name: 'moved.zip', size: 10, arrayBuffer: () => Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError')) },
			{ name: 'SHA256SUMS', size: sums.length, arrayBuffer: async () => sums.slice().buffer },
		]);
		expect(reads).toBe(0);
		expect(chosen).toEqual([
			{ name: 'film.mp4', unreadable: 'tooLarge', size: MAX_BYTES + 1 },
			{ name: 'moved.zip', unreadable: 'failed', size: 10 },
			{ name: 'SHA256SUMS', bytes: sums },
		]);
	});

	test('a file that could not be read gives its own verdict, even beside a genuine one; a changed file still wins', async () => {
		const genuine = [file('playbook-en.zip', data), file('SHA256SUMS', sums), file('SHA256SUMS.asc', sumsAsc)];
		const result = await checkFiles([...genuine, { name: 'big.iso', unreadable: 'tooLarge', size: 3 * 1024 ** 3 }], keys, en);
		expect(result.verdict).toBe('unreadable');
		expect(result.findings.map((f) => f.text)).toContain(en['verify.tooLarge']!.replace('{{file}}', 'big.iso').replace('{{size}}', '3072'));

		// An unreadable signature is not "missing".
		const unreadableSig = await checkFiles([file('playbook-en.zip', data), file('SHA256SUMS', sums), { name: 'SHA256SUMS.asc', unreadable: 'failed', size: 10 }], keys, en);
		expect(unreadableSig.verdict).toBe('unreadable');
		expect(unreadableSig.findings.map((f) => f.text)).toEqual([
			'SHA256SUMS.asc: this browser could not read it, perhaps because it was moved or changed after you chose it. Choose it again.',
			'playbook-en.zip: matches the list of checksums.',
		]);

		const changed = data.slice();
		changed[0]! ^= 1;
		expect((await checkFiles([file('playbook-en.zip', changed), file('SHA256SUMS', sums), file('SHA256SUMS.asc', sumsAsc), { name: 'x', unreadable: 'failed', size: 1 }], keys, en)).verdict).toBe('reject');
	});
});

describe('a device clock behind the signature', () => {
	const behind = new Date('2020-03-01T12:00:00Z');

	test('a valid signature made after the device’s date is valid, and says the clock is behind', async () => {
		const today = new Date().toISOString().slice(0, 10);
		expect(await checkSignature(data, await sign(data, key), keys, behind)).toEqual({ state: 'current', fingerprint: key.fingerprint, clockBehind: { signed: today, now: '2020-03-01' } });
		expect(await checkSignature(data, await sign(data, key), keys)).toEqual({ state: 'current', fingerprint: key.fingerprint });
		const changed = data.slice();
		changed[0]! ^= 1;
		expect(await checkSignature(changed, await sign(data, key), keys, behind)).toEqual({ state: 'bad' });

		const result = await checkFiles([file('playbook-en.zip', data), file('SHA256SUMS', sums), file('SHA256SUMS.asc', sumsAsc)], keys, en, { now: behind });
		expect(result.verdict).toBe('genuine');
		expect(result.findings.map((f) => f.text)).toEqual([
			`SHA256SUMS is signed with the current release key, ${groupFingerprint(key.fingerprint)}.`,
			'playbook-en.zip: matches the list of checksums.',
			`This device’s clock seems to be behind: it shows 2020-03-01, but the signature was made on ${today}. The signature is valid as of its own date; a clock behind does not mean the copy was changed. Set the clock right when you can.`,
		]);
	});
});

describe('signatures of the downloads themselves', () => {
	test('a download’s own .asc is named as its signature and checked against it', async () => {
		const genuine = await checkFiles([file('playbook-en.zip', data), file('playbook-en.zip.asc', zipAsc)], keys, en);
		expect(genuine).toEqual({ verdict: 'genuine', findings: [{ ok: true, text: `playbook-en.zip is signed with the current release key, ${groupFingerprint(key.fingerprint)}.` }] });

		const changed = data.slice();
		changed[5]! ^= 1;
		const bad = await checkFiles([file('playbook-en.zip', changed), file('playbook-en.zip.asc', zipAsc)], keys, en);
		expect(bad).toEqual({ verdict: 'reject', findings: [{ ok: false, text: 'The signature playbook-en.zip.asc does not match playbook-en.zip: one of the two was changed.' }] });

		// The .asc of another download says nothing about this one.
		const other = await checkFiles([file('playbook-fr.zip', data), file('playbook-fr.zip.asc', zipAsc)], keys, en);
		expect(other.findings.map((f) => f.text)).toEqual([`playbook-fr.zip is signed with the current release key, ${groupFingerprint(key.fingerprint)}.`]);
		const wrongPair = await checkFiles([file('playbook-en.zip', changed), file('playbook-en.zip.asc', zipAsc), file('SHA256SUMS', sums), file('SHA256SUMS.asc', sumsAsc)], keys, en);
		expect(wrongPair.verdict).toBe('reject');
	});

	test('a signature chosen without the file it signs checks nothing, and says so', async () => {
		const alone = await checkFiles([file('playbook-en.zip.asc', zipAsc)], keys, en);
		expect(alone).toEqual({ verdict: 'incomplete', findings: [{ ok: undefined, text: 'playbook-en.zip.asc: the file it signs, playbook-en.zip, was not chosen, so this signature was not checked.' }] });
		const sumsSigAlone = await checkFiles([file('playbook-en.zip', data), file('SHA256SUMS.asc', sumsAsc)], keys, en);
		expect(sumsSigAlone.verdict).toBe('incomplete');
		expect(sumsSigAlone.findings.map((f) => f.text)[0]).toBe('SHA256SUMS.asc: the file it signs, SHA256SUMS, was not chosen, so this signature was not checked.');
	});
});

describe('an unsigned release, and the checksums its website publishes', () => {
	test('a file chosen alone is compared with the website’s list: signed, it is genuine; unsigned, it matches the website and says so', async () => {
		const signed = await checkFiles([file('playbook-en.zip', data)], keys, en, { published: { sums, signature: sumsAsc } });
		expect(signed).toEqual({
			verdict: 'genuine',
			findings: [
				{ ok: true, text: `SHA256SUMS is signed with the current release key, ${groupFingerprint(key.fingerprint)}.` },
				{ ok: true, text: 'playbook-en.zip: matches the checksum published on this website.' },
			],
		});
		const unsigned = await checkFiles([file('playbook-en.zip', data)], [], en, { published: { sums }, unsigned: true });
		expect(unsigned).toEqual({ verdict: 'published', findings: [{ ok: true, text: 'playbook-en.zip: matches the checksum published on this website.' }] });
		// A website list without its signature, though the page has a key: the release is unsigned all the same.
		expect((await checkFiles([file('playbook-en.zip', data)], keys, en, { published: { sums } })).verdict).toBe('published');
	});

	test('a file that differs from the website’s list may be older: it is not current, not "changed"', async () => {
		const older = encode('an older release of the guide\n');
		const signed = await checkFiles([file('playbook-en.zip', older)], keys, en, { published: { sums, signature: sumsAsc } });
		expect(signed.verdict).toBe('incomplete');
		expect(signed.findings[1]).toEqual({ ok: undefined, text: `playbook-en.zip: not the file this website publishes now. It may be from an older release, or it was changed: get the current one from this website, or compare its SHA-256 checksum, ${await sha256(older)}, with one from a source you trust.` });
		expect((await checkFiles([file('playbook-en.zip', older)], [], en, { published: { sums }, unsigned: true })).verdict).toBe('unsigned');
	});

	test('with nothing published to compare with, an unsigned release shows the checksum to compare by hand and asks for no signature', async () => {
		expect(await checkFiles([file('playbook-en.zip', data)], [], en, { unsigned: true })).toEqual({
			verdict: 'unsigned',
			findings: [{ ok: undefined, text: `playbook-en.zip: its SHA-256 checksum is ${await sha256(data)}` }],
		});
		// The reader's own SHA256SUMS: no "SHA256SUMS.asc is missing", and the checksum is still shown, since nothing signed vouches for the list.
		const withList = await checkFiles([file('playbook-en.zip', data), file('SHA256SUMS', sums)], [], en, { unsigned: true });
		expect(withList.verdict).toBe('unsigned');
		expect(withList.findings.map((f) => f.text)).toEqual([`playbook-en.zip: its SHA-256 checksum is ${await sha256(data)}`, 'playbook-en.zip: matches the list of checksums.']);
		// The reader's own list wins over the website's.
		const own = await checkFiles([file('playbook-en.zip', data), file('SHA256SUMS', sums), file('SHA256SUMS.asc', sumsAsc)], keys, en, { published: { sums: encode('') } });
		expect(own.verdict).toBe('genuine');
	});
});
