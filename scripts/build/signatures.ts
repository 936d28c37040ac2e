/**
 * The signatures stage: when a release key is configured, a detached OpenPGP signature of
 * SHA256SUMS and of every download (`<file>.asc`, ASCII-armoured), made with OpenPGP.js; and,
 * whenever content/data/release-keys.yaml lists keys, their public halves in
 * dist/downloads/release-key.asc. Without a key it says, in one line, that the release is unsigned.
 *
 * The secret key comes from the environment, never from the repository:
 * - PLAYBOOK_SIGNING_KEY: the armoured secret key itself, or
 * - PLAYBOOK_SIGNING_KEY_FILE: the path of a file that holds it;
 * - PLAYBOOK_SIGNING_PASSPHRASE: its passphrase, when it has one.
 * It must be the current key of content/data/release-keys.yaml, whose fingerprint readers are shown.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDate } from '../../src/lib/build-date.ts';
import { groupFingerprint } from '../../src/lib/release-keys.ts';
import type { Stage } from '../../src/lib/pipeline.ts';
import type { BuildContext } from './context.ts';

const KEYS_FILE = 'content/data/release-keys.yaml';

/** The armoured secret key from the environment, or undefined when none is configured. */
export function signingKeyFromEnvironment(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.PLAYBOOK_SIGNING_KEY?.trim()) return env.PLAYBOOK_SIGNING_KEY;
	const file = env.PLAYBOOK_SIGNING_KEY_FILE?.trim();
	if (!file) return undefined;
	const path = resolve(root, file);
	if (!existsSync(path)) throw new Error(`PLAYBOOK_SIGNING_KEY_FILE names ${path}, which does not exist. Fix: give the path of the armoured secret key (gpg --armor --export-secret-keys <fingerprint> > key.asc), or unset it to build an unsigned release.`);
	return readFileSync(path, 'utf8');
}

export const signatures: Stage<BuildContext> = {
	name: 'signatures',
	does: 'signs SHA256SUMS and every download with the release key, when one is configured',
	async run(context) {
		const { releaseKeys } = context.data();
		const sums = join(context.downloads, 'SHA256SUMS');
		if (!existsSync(sums)) throw new Error('dist/downloads/SHA256SUMS is missing: run the checksums stage first (npm run build runs every stage).');
		// The public keys travel with the downloads, for gpg --import.
		if (releaseKeys.length) writeFileSync(join(context.downloads, 'release-key.asc'), releaseKeys.map((k) => k.publicKey.trim() + '\n').join('\n'));
		const armoredKey = signingKeyFromEnvironment(context.root);
		if (!armoredKey) return { made: 'release unsigned: no signing key configured (PLAYBOOK_SIGNING_KEY_FILE; README, "Sign a release")' };

		const openpgp = await import('openpgp');
		let key = await openpgp.readPrivateKey({ armoredKey }).catch((error: Error) => {
			throw new Error(`the signing key cannot be read (${error.message}). Fix: PLAYBOOK_SIGNING_KEY or PLAYBOOK_SIGNING_KEY_FILE must hold an armoured OpenPGP secret key, as gpg --armor --export-secret-keys prints it.`);
		});
		if (!key.isDecrypted()) {
			const passphrase = process.env.PLAYBOOK_SIGNING_PASSPHRASE;
			if (!passphrase) throw new Error('the signing key is protected by a passphrase. Fix: set PLAYBOOK_SIGNING_PASSPHRASE.');
			key = await openpgp.decryptKey({ privateKey: key, passphrase }).catch(() => {
				throw new Error('the signing key could not be unlocked with PLAYBOOK_SIGNING_PASSPHRASE. Fix: check the passphrase.');
			});
		}
		const fingerprint = key.getFingerprint().toUpperCase();
		const current = releaseKeys.find((k) => !k.retired);
		if (current?.fingerprint !== fingerprint) {
			const listed = releaseKeys.find((k) => k.fingerprint === fingerprint);
			throw new Error(
				listed
					? `the signing key ${groupFingerprint(fingerprint)} is retired in ${KEYS_FILE} (id "${listed.id}"). Fix: sign with the current key${current ? ` (${groupFingerprint(current.fingerprint)})` : ''}, or make this key current again.`
					: `the signing key ${groupFingerprint(fingerprint)} is not the current release key in ${KEYS_FILE}, so readers could not check its signatures. Fix: add its public half (gpg --armor --export ${fingerprint}) and fingerprint there, and retire the previous key.`,
			);
		}

		// The build's date, so that the same commit gives the same signatures; never before the key existed.
		const date = new Date(Math.max(buildDate(context.root).getTime(), key.getCreationTime().getTime()));
		const names = ['SHA256SUMS', ...readFileSync(sums, 'utf8').split('\n').map((line) => line.split('  ')[1]).filter((n): n is string => !!n)];
		let bytes = 0;
		for (const name of names) {
			const message = await openpgp.createMessage({ binary: new Uint8Array(readFileSync(join(context.downloads, name))) });
			const signature = await openpgp.sign({ message, signingKeys: key, detached: true, format: 'armored', date, config: { nonDeterministicSignaturesViaNotation: false } });
			writeFileSync(join(context.downloads, `${name}.asc`), signature);
			bytes += signature.length;
		}
		const pages = markSignedPages(context);
		return { made: `${names.length} signatures by ${groupFingerprint(fingerprint)}, ${pages} downloads pages`, bytes };
	},
};

/** Shows the line about signatures on the downloads page of every language (hidden until there are signatures). */
function markSignedPages(context: BuildContext): number {
	let marked = 0;
	for (const language of context.data().languages) {
		const path = join(context.dist, language.id, 'downloads', 'index.html');
		if (!existsSync(path)) continue;
		const html = readFileSync(path, 'utf8');
		writeFileSync(path, html.replace(/<p([^>]*) data-signatures(?! data-signed)/g, '<p$1 data-signatures data-signed'));
		marked++;
	}
	return marked;
}
