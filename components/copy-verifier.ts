/**
 * The "Check a copy" island (components/CopyVerifier.astro): reads the files the reader chose,
 * checks the signature of SHA256SUMS (and of any file whose .asc was chosen with it) against the
 * release keys of the page, and each file's SHA-256 against SHA256SUMS. Gives one verdict first:
 * genuine, do not open, not fully checked, or not readable; then one line per finding. A verdict
 * belongs to the files chosen now: choosing others clears it at once, and a check that a newer
 * choice overtook is dropped.
 */
import { checkSignature, parseSums, sha256, type ClockBehind, type PublishedKey, type SignatureVerdict } from '../src/release/release-check';

type Messages = Record<string, string>;

const fillIn = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
const grouped = (fingerprint: string) => fingerprint.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Files larger than this are not read: the guide's downloads are a few megabytes, Web Crypto hashes
 * at most 256 MiB at once, and reading gigabytes into a phone's memory can end the tab.
 */
export const MAX_BYTES = 256 * 1024 * 1024 - 1;

/** A chosen file: its bytes, or why they could not be read. */
export type ChosenFile = { name: string; bytes: Uint8Array } | { name: string; unreadable: 'tooLarge' | 'failed'; size: number };

/**
 * `published`: an unsigned release's file matches the checksums the website publishes; `unsigned`:
 * an unsigned release with nothing to compare against, so the reader compares the checksum shown.
 */
export type Verdict = 'genuine' | 'reject' | 'incomplete' | 'unreadable' | 'published' | 'unsigned';

/**
 * What the website publishes for this release, fetched when the page is read from the website:
 * its SHA256SUMS, and its SHA256SUMS.asc unless the release is unsigned (`signature` undefined).
 */
export interface Published {
	sums: Uint8Array;
	signature?: Uint8Array;
}

export interface CheckOptions {
	/** The device's date, for signatures. */
	now?: Date;
	/** The website's SHA256SUMS (and signature), used when the reader did not choose a SHA256SUMS. */
	published?: Published;
	/** No release key is published: this release cannot be signed. */
	unsigned?: boolean;
}

export interface Finding {
	ok: boolean | undefined;
	text: string;
	/** Information that is no finding about the files (a clock behind): left out of the verdict. */
	note?: true;
}

/** Reads the chosen files; one that is too large, or that the browser fails to read, is marked so, never thrown. */
export async function readChosen(files: readonly Pick<File, 'name' | 'size' | 'arrayBuffer'>[]): Promise<ChosenFile[]> {
	return Promise.all(
		files.map(async (file): Promise<ChosenFile> => {
			if (file.size > MAX_BYTES) return { name: file.name, unreadable: 'tooLarge', size: file.size };
			try {
				return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
			} catch {
				return { name: file.name, unreadable: 'failed', size: file.size };
			}
		}),
	);
}

/** Checks the chosen files; `ok` is undefined for a finding that proves nothing either way. */
export async function checkFiles(chosen: readonly ChosenFile[], keys: readonly PublishedKey[], m: Messages, options: CheckOptions = {}): Promise<{ verdict: Verdict; findings: Finding[] }> {
	const now = options.now ?? new Date();
	const findings: Finding[] = [];
	for (const file of chosen)
		if ('unreadable' in file)
			findings.push({
				ok: undefined,
				text: fillIn(m[file.unreadable === 'tooLarge' ? 'verify.tooLarge' : 'verify.readFailed']!, { file: file.name, size: String(Math.ceil(file.size / 1024 ** 2)) }),
			});
	const unreadable = new Set(chosen.filter((f) => 'unreadable' in f).map((f) => f.name));
	const files = chosen.filter((f): f is { name: string; bytes: Uint8Array } => 'bytes' in f);
	const byName = new Map(files.map((f) => [f.name, f]));
	const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
	const sumsFile = byName.get('SHA256SUMS');
	const clocks: ClockBehind[] = [];
	/** A signature's finding; `file` is the download whose own .asc it is, none for SHA256SUMS.asc. */
	const describe = (verdict: SignatureVerdict, file?: string): Finding => {
		if ('clockBehind' in verdict && verdict.clockBehind) clocks.push(verdict.clockBehind);
		const key = (state: string) => (file ? `verify.fileSig${state}` : `verify.sig${state}`);
		const values = { file: file ?? '' };
		switch (verdict.state) {
			case 'current':
				return { ok: true, text: fillIn(m[key('Current')]!, { ...values, fingerprint: grouped(verdict.fingerprint) }) };
			case 'retired':
				return { ok: true, text: fillIn(m[key('Retired')]!, { ...values, date: verdict.retired }) };
			case 'unknown':
				return { ok: false, text: fillIn(m[key('Unknown')]!, values) };
			case 'bad':
				return { ok: false, text: fillIn(m[key('Bad')]!, values) };
		}
	};
	let signed = false;
	// Without a SHA256SUMS of the reader's, the website's own list, when the page could fetch it.
	const fromSite = !sumsFile && !unreadable.has('SHA256SUMS') ? options.published : undefined;
	const sumsBytes = sumsFile?.bytes ?? fromSite?.sums;
	const signatureBytes = sumsFile ? byName.get('SHA256SUMS.asc')?.bytes : fromSite?.signature;
	const unsigned = options.unsigned || (!!fromSite && !fromSite.signature);
	if (sumsBytes) {
		if (signatureBytes) {
			const finding = describe(await checkSignature(sumsBytes, text(signatureBytes), keys, now));
			signed = finding.ok === true;
			findings.push(finding);
		} else if (sumsFile && !unreadable.has('SHA256SUMS.asc') && !options.unsigned) findings.push({ ok: undefined, text: m['verify.noSig']! });
	}
	// A signature chosen without the file it signs checks nothing.
	for (const file of files) {
		const signs = file.name.endsWith('.asc') ? file.name.slice(0, -'.asc'.length) : undefined;
		if (signs && !byName.has(signs) && !unreadable.has(signs)) findings.push({ ok: undefined, text: fillIn(m['verify.sigAlone']!, { file: file.name, signed: signs }) });
	}
	const sums = sumsBytes ? parseSums(text(sumsBytes)) : undefined;
	let checked = 0;
	let matchesSite = 0;
	for (const file of files) {
		if (file.name === 'SHA256SUMS' || file.name.endsWith('.asc')) continue;
		const hash = await sha256(file.bytes);
		// A file chosen with its own signature: check that too.
		const own = byName.get(`${file.name}.asc`);
		if (own) {
			const finding = describe(await checkSignature(file.bytes, text(own.bytes), keys, now), file.name);
			findings.push(finding);
			if (finding.ok) checked++;
		}
		// The checksum to compare by hand: nothing signed vouches for it.
		const byHand = !own && (!sums || (unsigned && !fromSite));
		if (byHand) findings.push({ ok: undefined, text: fillIn(m['verify.hash']!, { file: file.name, hash }) });
		if (!sums) continue;
		const listed = sums.get(file.name);
		if (listed === undefined) findings.push({ ok: undefined, text: fillIn(m['verify.unlisted']!, { file: file.name, hash }) });
		else if (listed === hash) {
			findings.push({ ok: true, text: fillIn(m[fromSite ? 'verify.publishedMatch' : 'verify.match']!, { file: file.name }) });
			if (signed) checked++;
			else if (fromSite) matchesSite++;
		}
		// The website lists its latest release: a file that differs may be an older one, not a changed one.
		else if (fromSite) findings.push({ ok: undefined, text: fillIn(m['verify.publishedOther']!, { file: file.name, hash }) });
		else findings.push({ ok: false, text: fillIn(m['verify.mismatch']!, { file: file.name }) });
	}
	const clock = clocks[0];
	if (clock) findings.push({ ok: undefined, note: true, text: fillIn(m['verify.clockBehind']!, { date: clock.signed, now: clock.now }) });
	const counted = findings.filter((f) => !f.note);
	const complete = counted.every((f) => f.ok !== undefined);
	const verdict: Verdict = counted.some((f) => f.ok === false)
		? 'reject'
		: unreadable.size
			? 'unreadable'
			: checked > 0 && complete
				? 'genuine'
				: unsigned && matchesSite > 0 && complete
					? 'published'
					: unsigned
						? 'unsigned'
						: 'incomplete';
	return { verdict, findings };
}

/**
 * The website's SHA256SUMS and SHA256SUMS.asc, when the page is read from the website (never from
 * file://, where a copy would only vouch for itself): undefined when they cannot be fetched; no
 * signature when the website publishes none (404), which means the release is unsigned.
 */
export async function fetchPublished(url: string | undefined, location: { protocol: string }): Promise<Published | undefined> {
	if (!url || !/^https?:$/.test(location.protocol)) return undefined;
	try {
		const sums = await fetch(url, { cache: 'no-store' });
		if (!sums.ok) return undefined;
		const bytes = new Uint8Array(await sums.arrayBuffer());
		const signature = await fetch(`${url}.asc`, { cache: 'no-store' });
		if (signature.ok) return { sums: bytes, signature: new Uint8Array(await signature.arrayBuffer()) };
		return signature.status === 404 ? { sums: bytes } : undefined;
	} catch {
		return undefined;
	}
}

/** Wires the island: each choice of files replaces the verdict on screen, and only the latest choice's check may show one. */
export function attachVerifier(root: HTMLElement) {
	const input = root.querySelector<HTMLInputElement>('input[data-files]');
	const output = root.querySelector<HTMLElement>('[data-result]');
	if (!input || !output) return;
	const keys = JSON.parse(root.dataset.keys ?? '[]') as PublishedKey[];
	const m = JSON.parse(root.dataset.messages ?? '{}') as Messages;
	/** Counts choices: a check whose number is no longer the latest belongs to files no longer chosen. */
	let latest = 0;
	const show = (verdict: Verdict, findings: readonly Finding[]) => {
		const head = document.createElement('p');
		head.className = 'verdict';
		head.dataset.state = verdict;
		head.textContent = m[`verify.${verdict}`] ?? '';
		const list = document.createElement('ul');
		for (const finding of findings) {
			const item = document.createElement('li');
			item.textContent = finding.text;
			if (finding.ok !== undefined) item.dataset.ok = String(finding.ok);
			list.append(item);
		}
		output.replaceChildren(head, list);
	};
	input.addEventListener('change', async () => {
		const run = ++latest;
		const picked = [...(input.files ?? [])];
		output.replaceChildren();
		root.removeAttribute('aria-busy');
		if (!picked.length) return;
		const status = document.createElement('p');
		status.textContent = m['verify.checking'] ?? '';
		output.append(status);
		root.setAttribute('aria-busy', 'true');
		let result: { verdict: Verdict; findings: Finding[] };
		try {
			const chosen = await readChosen(picked);
			const published = chosen.some((f) => f.name === 'SHA256SUMS') ? undefined : await fetchPublished(root.dataset.sums, location);
			result = await checkFiles(chosen, keys, m, { published, unsigned: 'unsigned' in root.dataset });
		} catch {
			// Nothing said about these files can be trusted: say the check did not finish.
			result = { verdict: 'unreadable', findings: [{ ok: undefined, text: m['verify.failed']! }] };
		}
		if (run !== latest) return;
		root.removeAttribute('aria-busy');
		show(result.verdict, result.findings);
	});
	root.dataset.ready = '';
}
