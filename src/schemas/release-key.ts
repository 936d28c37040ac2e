import { z } from 'astro/zod';
import { DateSchema, IdSchema, PastDateSchema } from './common.ts';

/**
 * An OpenPGP key that signs the guide's releases: its public half, shown to readers with its
 * fingerprint so that they can check a copy they were handed. The secret half is never here:
 * the build reads it from the environment (README, "Sign a release").
 */
export const ReleaseKeySchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The key's fingerprint, 40 hexadecimal digits (64 for a version 6 key); spaces are allowed. */
		fingerprint: z
			.string()
			.transform((value) => value.replace(/\s+/g, '').toUpperCase())
			.pipe(z.string().regex(/^([0-9A-F]{40}|[0-9A-F]{64})$/, { error: 'must be the key’s fingerprint: 40 hexadecimal digits, as `gpg --fingerprint` prints it' })),
		/** The public key, ASCII-armoured, as `gpg --armor --export <fingerprint>` prints it. */
		publicKey: z.string().regex(/^\s*-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]+-----END PGP PUBLIC KEY BLOCK-----\s*$/, {
			error: 'must be an ASCII-armoured public key, from -----BEGIN PGP PUBLIC KEY BLOCK----- to -----END PGP PUBLIC KEY BLOCK-----',
		}),
		/** The day releases started to be signed with this key, as YYYY-MM-DD. */
		added: PastDateSchema(),
		/** The day this key stopped signing releases, as YYYY-MM-DD. Releases signed before then still check out, as signed with a retired key. */
		retired: DateSchema().optional(),
	});

export type ReleaseKey = z.output<ReturnType<typeof ReleaseKeySchema>>;
