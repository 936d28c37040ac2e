/**
 * Signs a built release: the process the signatures stage (scripts/build/signatures.ts) starts,
 * after every stage that runs content has ended, and the only one that reads the secret key.
 *
 *   node scripts/sign.ts <project folder>
 *
 * With the key configured, it writes a detached OpenPGP signature of SHA256SUMS and of every
 * download it lists (`<file>.asc`, ASCII-armoured, made with OpenPGP.js) and shows the line about
 * signatures on the downloads pages; whenever content/data/release-keys.yaml lists keys, it writes
 * their public halves to dist/downloads/release-key.asc. It prints what it made as one line of
 * JSON ({ made, bytes }) for the stage; a problem goes to standard error, with exit code 1.
 *
 * The secret key comes from the environment, never from the repository:
 * - PLAYBOOK_SIGNING_KEY: the armoured secret key itself, or
 * - PLAYBOOK_SIGNING_KEY_FILE: the path of a file that holds it;
 * - PLAYBOOK_SIGNING_PASSPHRASE: its passphrase, when it has one.
 * It must be the current key of content/data/release-keys.yaml, whose fingerprint readers are shown.
 *
 * What it runs is the project's own code and OpenPGP.js, nothing the build wrote: no module from
 * dist/ or from Astro's caches, no Astro and no page. What it reads from the build, it reads as
 * data: the downloads to sign, and the downloads pages to mark. Run on its own, as
 * `npm run stages -- --only signatures`, it signs a release built earlier without the key.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDate } from '../src/build/build-date.ts';
import { DOWNLOADS_FOLDER } from '../src/build/files.ts';
import { groupFingerprint } from '../src/release/release-keys.ts';
import { loadLanguages, loadPageRoles, loadReleaseKeys } from '../src/check/site-data.ts';
import { dataFile, setContentDir } from '../src/check/sources.ts';
import { rolePage } from '../src/schemas/vocabulary.ts';


/** What signing made, as the stage reports it. */
export interface SignReport {
	made: string;
	bytes?: number;
}

/** The armoured secret key from the environment, or undefined when none is configured. */
export function signingKeyFromEnvironment(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.PLAYBOOK_SIGNING_KEY?.trim()) return env.PLAYBOOK_SIGNING_KEY;
	const file = env.PLAYBOOK_SIGNING_KEY_FILE?.trim();
	if (!file) return undefined;
	const path = resolve(root, file);
	if (!existsSync(path)) throw new Error(`PLAYBOOK_SIGNING_KEY_FILE names ${path}, which does not exist. Fix: give the path of the armoured secret key (gpg --armor --export-secret-keys <fingerprint> > key.asc), or unset it to build an unsigned release.`);
	return readFileSync(path, 'utf8');
}

/**
 * The names SHA256SUMS lists: plain file names in dist/downloads/, as the checksums stage writes
 * them. Anything else (a path, a name starting with a dot) is refused rather than signed.
 */
export function listedDownloads(sums: string): string[] {
	return sums
		.split('\n')
		.filter((line) => line.trim())
		.map((line) => {
			const name = /^[0-9a-f]{64} {2}(.+)$/.exec(line)?.[1];
			if (!name || /[/\\]/.test(name) || name.startsWith('.'))
				throw new Error(`dist/downloads/SHA256SUMS has a line that is not "<sha256>  <file in downloads/>": ${JSON.stringify(line.slice(0, 120))}. Fix: build again (npm run build); the checksums stage writes this file.`);
			return name;
		});
}

/** Signs the release built in `root`/dist with the key the environment names, if any. */
export async function sign(root: string, env: NodeJS.ProcessEnv = process.env): Promise<SignReport> {
	const releaseKeys = loadReleaseKeys(root);
	const downloads = join(root, 'dist', DOWNLOADS_FOLDER);
	const sums = join(downloads, 'SHA256SUMS');
	if (!existsSync(sums)) throw new Error('dist/downloads/SHA256SUMS is missing: run the checksums stage first (npm run build runs every stage).');
	const names = ['SHA256SUMS', ...listedDownloads(readFileSync(sums, 'utf8'))];
	// The public keys travel with the downloads, for gpg --import.
	if (releaseKeys.length) writeFileSync(join(downloads, 'release-key.asc'), releaseKeys.map((k) => k.publicKey.trim() + '\n').join('\n'));
	const armoredKey = signingKeyFromEnvironment(root, env);
	if (!armoredKey) return { made: 'release unsigned: no signing key configured (PLAYBOOK_SIGNING_KEY_FILE; README, "Sign a release")' };

	const openpgp = await import('openpgp');
	let key = await openpgp.readPrivateKey({ armoredKey }).catch((error: Error) => {
		throw new Error(`the signing key cannot be read (${error.message}). Fix: PLAYBOOK_SIGNING_KEY or PLAYBOOK_SIGNING_KEY_FILE must hold an armoured OpenPGP secret key, as gpg --armor --export-secret-keys prints it.`);
	});
	if (!key.isDecrypted()) {
		const passphrase = env.PLAYBOOK_SIGNING_PASSPHRASE;
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
				? `the signing key ${groupFingerprint(fingerprint)} is retired in ${dataFile('release-keys')} (id "${listed.id}"). Fix: sign with the current key${current ? ` (${groupFingerprint(current.fingerprint)})` : ''}, or make this key current again.`
				: `the signing key ${groupFingerprint(fingerprint)} is not the current release key in ${dataFile('release-keys')}, so readers could not check its signatures. Fix: add its public half (gpg --armor --export ${fingerprint}) and fingerprint there, and retire the previous key.`,
		);
	}

	// The build's date, so that the same commit gives the same signatures; never before the key existed.
	const date = new Date(Math.max(buildDate(root).getTime(), key.getCreationTime().getTime()));
	let bytes = 0;
	for (const name of names) {
		const message = await openpgp.createMessage({ binary: new Uint8Array(readFileSync(join(downloads, name))) });
		const signature = await openpgp.sign({ message, signingKeys: key, detached: true, format: 'armored', date, config: { nonDeterministicSignaturesViaNotation: false } });
		writeFileSync(join(downloads, `${name}.asc`), signature);
		bytes += signature.length;
	}
	const pages = markSignedPages(root);
	return { made: `${names.length} signatures by ${groupFingerprint(fingerprint)}, ${pages} downloads pages`, bytes };
}

/**
 * Shows the line about signatures on the downloads page of every language (hidden until there are
 * signatures): the page with "role: download-list" in content/data/page-roles.yaml, none when no page has it.
 */
function markSignedPages(root: string): number {
	const page = rolePage(loadPageRoles(root), 'download-list');
	if (page === undefined) return 0;
	let marked = 0;
	for (const language of loadLanguages(root)) {
		const path = join(root, 'dist', language.id, page, 'index.html');
		if (!existsSync(path)) continue;
		const html = readFileSync(path, 'utf8');
		writeFileSync(path, html.replace(/<p([^>]*) data-signatures(?! data-signed)/g, '<p$1 data-signatures data-signed'));
		marked++;
	}
	return marked;
}

if (import.meta.main) {
	const root = process.argv[2];
	// The guide's folder, when it is not ./content (scripts/build/signatures.ts passes it on).
	if (process.argv[3]) setContentDir(process.argv[3]);
	if (!root) {
		console.error('usage: node scripts/sign.ts <project folder> (the signatures stage runs it: npm run stages -- --only signatures)');
		process.exit(2);
	}
	sign(resolve(root)).then(
		(report) => console.log(JSON.stringify(report)),
		(error: unknown) => {
			console.error(error instanceof Error ? error.message : String(error));
			process.exit(1);
		},
	);
}
