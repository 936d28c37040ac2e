/**
 * Checking a copy of the guide: a file's SHA-256, the checksum list `SHA256SUMS` and its detached
 * OpenPGP signature against the published release keys (content/data/release-keys.yaml). The same
 * code runs in the reader's browser, on the "Check a copy" page, and in the tests. The OpenPGP
 * library is loaded only when a signature is checked.
 */

/** A release key as pages publish it. */
export interface PublishedKey {
	fingerprint: string;
	publicKey: string;
	/** YYYY-MM-DD, when the key stopped signing releases. */
	retired?: string;
}

export type SignatureVerdict =
	/** Made with the current release key. */
	| { state: 'current'; fingerprint: string }
	/** Made with a key that no longer signs releases: an older copy. */
	| { state: 'retired'; fingerprint: string; retired: string }
	/** Made with a key that is not a release key of this guide. */
	| { state: 'unknown' }
	/** Not a valid signature of these bytes: the file or the signature was changed. */
	| { state: 'bad' };

/** The SHA-256 of some bytes, in lower-case hexadecimal, with the browser's (or Node's) Web Crypto. */
export async function sha256(data: ArrayBuffer | Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The lines of a `SHA256SUMS` file ("<64 hex digits>  <file name>"), by file name. */
export function parseSums(text: string): Map<string, string> {
	const sums = new Map<string, string>();
	for (const line of text.split(/\r?\n/)) {
		const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
		if (match) sums.set(match[2]!, match[1]!.toLowerCase());
	}
	return sums;
}

/** Checks a detached, armoured signature of `data` against the published keys. */
export async function checkSignature(data: Uint8Array, armoredSignature: string, keys: readonly PublishedKey[]): Promise<SignatureVerdict> {
	const openpgp = await import('openpgp');
	let signature;
	try {
		signature = await openpgp.readSignature({ armoredSignature });
	} catch {
		return { state: 'bad' };
	}
	const issuers = new Set(signature.getSigningKeyIDs().map((id) => id.toHex().toLowerCase()));
	for (const published of keys) {
		const key = await openpgp.readKey({ armoredKey: published.publicKey }).catch(() => undefined);
		if (!key || !key.getKeyIDs().some((id) => issuers.has(id.toHex().toLowerCase()))) continue;
		try {
			const result = await openpgp.verify({ message: await openpgp.createMessage({ binary: data }), signature, verificationKeys: key, expectSigned: true });
			await result.signatures[0]!.verified;
		} catch {
			return { state: 'bad' };
		}
		const fingerprint = key.getFingerprint().toUpperCase();
		return published.retired ? { state: 'retired', fingerprint, retired: published.retired } : { state: 'current', fingerprint };
	}
	return { state: 'unknown' };
}
