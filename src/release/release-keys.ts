/**
 * Reads the fingerprint of an ASCII-armoured OpenPGP public key without a cryptography library,
 * so that the content check (synchronous, before anything is rendered) can make sure that the
 * fingerprint shown to readers is the fingerprint of the key published next to it.
 *
 * RFC 9580: a version 4 fingerprint is the SHA-1 of 0x99, the two-byte length of the primary key
 * packet's body and that body; a version 6 fingerprint is the SHA-256 of 0x9B, a four-byte length
 * and the body.
 */
import { createHash } from 'node:crypto';

/** The bytes inside an armoured block, or undefined when the text is not one. */
export function dearmor(text: string): Uint8Array | undefined {
	const match = /-----BEGIN PGP [A-Z ]+-----\r?\n([\s\S]*?)\r?\n-----END PGP [A-Z ]+-----/.exec(text);
	if (!match) return undefined;
	const lines = match[1]!.split(/\r?\n/);
	// Armour headers (such as "Comment: …") end at the first empty line, when there are any.
	const blank = lines.findIndex((line) => line.trim() === '');
	const body = (blank >= 0 && lines.slice(0, blank).every((line) => /^[A-Za-z-]+: /.test(line)) ? lines.slice(blank + 1) : lines)
		// The checksum line ("=abcd") is not part of the data.
		.filter((line) => !/^=[A-Za-z0-9+/]{4}$/.test(line.trim()))
		.join('');
	const bytes = Buffer.from(body, 'base64');
	return bytes.length ? new Uint8Array(bytes) : undefined;
}

/** The body of the first packet of an OpenPGP binary, with its tag. */
function firstPacket(bytes: Uint8Array): { tag: number; body: Uint8Array } | undefined {
	const header = bytes[0];
	if (header === undefined || (header & 0x80) === 0) return undefined;
	if (header & 0x40) {
		// New format: one, two or five length bytes.
		const tag = header & 0x3f;
		const first = bytes[1]!;
		if (first < 192) return { tag, body: bytes.subarray(2, 2 + first) };
		if (first < 224) {
			const length = ((first - 192) << 8) + bytes[2]! + 192;
			return { tag, body: bytes.subarray(3, 3 + length) };
		}
		if (first === 255) {
			const length = ((bytes[2]! << 24) | (bytes[3]! << 16) | (bytes[4]! << 8) | bytes[5]!) >>> 0;
			return { tag, body: bytes.subarray(6, 6 + length) };
		}
		return undefined;
	}
	// Old format: the length type is in the header's last two bits.
	const tag = (header >> 2) & 0x0f;
	const type = header & 0x03;
	const size = [1, 2, 4][type];
	if (size === undefined) return undefined;
	let length = 0;
	for (let i = 0; i < size; i++) length = length * 256 + bytes[1 + i]!;
	return { tag, body: bytes.subarray(1 + size, 1 + size + length) };
}

/** The fingerprint of an armoured public key, in upper-case hexadecimal, or undefined when it cannot be read. */
export function publicKeyFingerprint(armored: string): string | undefined {
	const bytes = dearmor(armored);
	const packet = bytes && firstPacket(bytes);
	// Tag 6: a public key packet, the primary key.
	if (!packet || packet.tag !== 6 || !packet.body.length) return undefined;
	const { body } = packet;
	const version = body[0];
	if (version === 4) {
		const prefix = Uint8Array.of(0x99, (body.length >> 8) & 0xff, body.length & 0xff);
		return createHash('sha1').update(prefix).update(body).digest('hex').toUpperCase();
	}
	if (version === 6) {
		const prefix = Uint8Array.of(0x9b, (body.length >>> 24) & 0xff, (body.length >> 16) & 0xff, (body.length >> 8) & 0xff, body.length & 0xff);
		return createHash('sha256').update(prefix).update(body).digest('hex').toUpperCase();
	}
	return undefined;
}

/** The fingerprint in groups of four, as gpg prints it and as readers compare it. */
export function groupFingerprint(fingerprint: string): string {
	return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}
