import { describe, expect, test, afterEach } from 'vitest';
import { checkContent } from '../../src/check/check-content';
import { checkSignature, parseSums, sha256 } from '../../src/release/release-check';
import { groupFingerprint, publicKeyFingerprint } from '../../src/release/release-keys';
import { checkFiles } from '../../components/copy-verifier';
import { keyEntry, makeKey, sign } from '../helpers/keys';
import { copyProject } from '../helpers/project';
import en from '../../content/i18n/en.json';

let copy: ReturnType<typeof copyProject> | undefined;
afterEach(() => copy?.cleanup());

describe('the fingerprint of a published key', () => {
	test('is read from the armoured key as OpenPGP.js computes it, for version 4 and version 6 keys', async () => {
		for (const v6 of [false, true]) {
			const key = await makeKey('Fingerprint test', { v6 });
			expect(key.fingerprint).toHaveLength(v6 ? 64 : 40);
			expect(publicKeyFingerprint(key.publicKey)).toBe(key.fingerprint);
		}
		expect(publicKeyFingerprint('not a key')).toBeUndefined();
		expect(groupFingerprint('0123456789ABCDEF0123')).toBe('0123 4567 89AB CDEF 0123');
	});

	test('must match the key in content/data/release-keys.yaml, and only one key is current', async () => {
		const [a, b] = [await makeKey('A'), await makeKey('B')];
		copy = copyProject(['content']);
		copy.write('content/data/release-keys.yaml', keyEntry('release-a', a, { added: '2026-01-01', retired: '2026-06-01' }) + keyEntry('release-b', b, { added: '2026-06-01' }));
		expect(checkContent(copy.dir).problems).toEqual([]);

		copy.write('content/data/release-keys.yaml', keyEntry('release-a', { ...a, fingerprint: b.fingerprint }, { added: '2026-01-01' }));
		const [mismatch] = checkContent(copy.dir).problems;
		expect(mismatch).toMatchObject({ file: 'content/data/release-keys.yaml', field: 'entry 1 (id "release-a") → fingerprint' });
		expect(mismatch!.message).toBe(`the fingerprint is not that of the public key below it, which is ${groupFingerprint(a.fingerprint)}`);

		copy.write('content/data/release-keys.yaml', keyEntry('release-a', a, { added: '2026-01-01' }) + keyEntry('release-b', b, { added: '2026-06-01' }));
		const [two] = checkContent(copy.dir).problems;
		expect(two!.message).toBe('2 keys are current (no "retired" date); releases are signed with one key');
		expect(two!.fix).toContain('retired: YYYY-MM-DD');
	});
});

describe('checking a copy', () => {
	const data = new TextEncoder().encode('the guide, as published\n');

	test('tells a signature by the current key, by a retired key, by another key, and a changed file apart', async () => {
		const [current, retired, stranger] = [await makeKey('Current'), await makeKey('Retired'), await makeKey('Someone else')];
		const keys = [
			{ fingerprint: retired.fingerprint, publicKey: retired.publicKey, retired: '2026-06-01' },
			{ fingerprint: current.fingerprint, publicKey: current.publicKey },
		];
		expect(await checkSignature(data, await sign(data, current), keys)).toEqual({ state: 'current', fingerprint: current.fingerprint });
		expect(await checkSignature(data, await sign(data, retired), keys)).toEqual({ state: 'retired', fingerprint: retired.fingerprint, retired: '2026-06-01' });
		expect(await checkSignature(data, await sign(data, stranger), keys)).toEqual({ state: 'unknown' });
		const changed = data.slice();
		changed[0]! ^= 1;
		expect(await checkSignature(changed, await sign(data, current), keys)).toEqual({ state: 'bad' });
		expect(await checkSignature(data, 'not a signature', keys)).toEqual({ state: 'bad' });
	});

	test('gives one verdict for the files a reader chose', async () => {
		const key = await makeKey('Current');
		const keys = [{ fingerprint: key.fingerprint, publicKey: key.publicKey }];
		const sumsText = `${await sha256(data)}  playbook-en.zip\n`;
		expect(parseSums(sumsText).get('playbook-en.zip')).toBe(await sha256(data));
		const sums = new TextEncoder().encode(sumsText);
		const asc = new TextEncoder().encode(await sign(sums, key));
		const file = (name: string, bytes: Uint8Array) => ({ name, bytes });

		const genuine = await checkFiles([file('playbook-en.zip', data), file('SHA256SUMS', sums), file('SHA256SUMS.asc', asc)], keys, en);
		expect(genuine.verdict).toBe('genuine');
		expect(genuine.findings.map((f) => f.text)).toEqual([`SHA256SUMS is signed with the current release key, ${groupFingerprint(key.fingerprint)}.`, 'playbook-en.zip: matches the list of checksums.']);

		const changed = data.slice();
		changed[3]! ^= 1;
		expect((await checkFiles([file('playbook-en.zip', changed), file('SHA256SUMS', sums), file('SHA256SUMS.asc', asc)], keys, en)).verdict).toBe('reject');
		// A list of checksums changed to match a changed file: its signature fails.
		const forged = new TextEncoder().encode(`${await sha256(changed)}  playbook-en.zip\n`);
		expect((await checkFiles([file('playbook-en.zip', changed), file('SHA256SUMS', forged), file('SHA256SUMS.asc', asc)], keys, en)).verdict).toBe('reject');
		// Without the signature, a matching checksum proves nothing about who made the list.
		expect((await checkFiles([file('playbook-en.zip', data), file('SHA256SUMS', sums)], keys, en)).verdict).toBe('incomplete');
		// A file with its own signature, without the list.
		const own = new TextEncoder().encode(await sign(data, key));
		expect((await checkFiles([file('playbook-en.zip', data), file('playbook-en.zip.asc', own)], keys, en)).verdict).toBe('genuine');
	});
});
