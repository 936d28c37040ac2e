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
	| { state: 'current'; fingerprint: string; clockBehind?: ClockBehind }
	/** Made with a key that no longer signs releases: an older copy. */
	| { state: 'retired'; fingerprint: string; retired: string; clockBehind?: ClockBehind }
	/** Made with a key that is not a release key of this guide. */
	| { state: 'unknown' }
	/** Not a valid signature of these bytes: the file or the signature was changed. */
	| { state: 'bad' };

/**
 * A valid signature made at a time this device's clock has not reached yet (both YYYY-MM-DD, UTC):
 * the clock is behind, which says nothing about the copy. The signature was checked as of its own date.
 */
export interface ClockBehind {
	signed: string;
	now: string;
}

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

/**
 * Checks a detached, armoured signature of `data` against the published keys. OpenPGP.js refuses a
 * signature made after `now` ("in the future"), which is what a device whose clock is behind the
 * release date sees: such a signature is checked as of its own creation time instead (the key must
 * have been valid then, as always), and the verdict says the clock is behind, not that the copy changed.
 */
export async function checkSignature(data: Uint8Array, armoredSignature: string, keys: readonly PublishedKey[], now: Date = new Date()): Promise<SignatureVerdict> {
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
		const created = signature.packets[0]?.created ?? undefined;
		const ahead = created && created > now ? created : undefined;
		try {
			const result = await openpgp.verify({ message: await openpgp.createMessage({ binary: data }), signature, verificationKeys: key, expectSigned: true, date: ahead ?? now });
			await result.signatures[0]!.verified;
		} catch {
			return { state: 'bad' };
		}
		const fingerprint = key.getFingerprint().toUpperCase();
		const clock = ahead ? { clockBehind: { signed: day(ahead), now: day(now) } } : {};
		return published.retired ? { state: 'retired', fingerprint, retired: published.retired, ...clock } : { state: 'current', fingerprint, ...clock };
	}
	return { state: 'unknown' };
}

const day = (date: Date) => date.toISOString().slice(0, 10);
