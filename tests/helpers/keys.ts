/**
 * Throwaway OpenPGP keys for the signing tests, made with OpenPGP.js, and the YAML entry that
 * publishes one in content/data/release-keys.yaml.
 */
import * as openpgp from 'openpgp';

export interface TestKey {
	fingerprint: string;
	publicKey: string;
	privateKey: string;
}

export async function makeKey(name = 'Release key (test)', options: { v6?: boolean } = {}): Promise<TestKey> {
	const { privateKey, publicKey } = await openpgp.generateKey({
		...(options.v6 ? { type: 'curve25519' as const, config: { v6Keys: true } } : { type: 'ecc' as const, curve: 'ed25519Legacy' as const }),
		userIDs: [{ name }],
		format: 'armored',
	});
	const key = await openpgp.readKey({ armoredKey: publicKey });
	return { fingerprint: key.getFingerprint().toUpperCase(), publicKey, privateKey };
}

/** A release-keys.yaml entry for the key. */
export function keyEntry(id: string, key: TestKey, dates: { added: string; retired?: string }): string {
	const indented = key.publicKey.trim().split('\n').map((line) => `    ${line}`).join('\n');
	return `- id: ${id}\n  fingerprint: ${key.fingerprint}\n  added: ${dates.added}\n${dates.retired ? `  retired: ${dates.retired}\n` : ''}  publicKey: |\n${indented}\n`;
}

/** A detached, armoured signature of the bytes with the key. */
export async function sign(bytes: Uint8Array, key: TestKey): Promise<string> {
	const privateKey = await openpgp.readPrivateKey({ armoredKey: key.privateKey });
	return openpgp.sign({ message: await openpgp.createMessage({ binary: bytes }), signingKeys: privateKey, detached: true, format: 'armored' });
}
