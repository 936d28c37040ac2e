/**
 * The "Check a copy" island (components/CopyVerifier.astro): reads the files the reader chose,
 * checks the signature of SHA256SUMS (and of any file whose .asc was chosen with it) against the
 * release keys of the page, and each file's SHA-256 against SHA256SUMS. Gives one verdict first:
 * genuine, do not open, or not fully checked; then one line per finding.
 */
import { checkSignature, parseSums, sha256, type PublishedKey, type SignatureVerdict } from '../src/lib/release-check';

type Messages = Record<string, string>;

const fillIn = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
const grouped = (fingerprint: string) => fingerprint.replace(/(.{4})(?=.)/g, '$1 ');

export interface Finding {
	ok: boolean | undefined;
	text: string;
}

/** Checks the chosen files; `ok` is undefined for a finding that proves nothing either way. */
export async function checkFiles(files: readonly { name: string; bytes: Uint8Array }[], keys: readonly PublishedKey[], m: Messages): Promise<{ verdict: 'genuine' | 'reject' | 'incomplete'; findings: Finding[] }> {
	const byName = new Map(files.map((f) => [f.name, f]));
	const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
	const sumsFile = byName.get('SHA256SUMS');
	const findings: Finding[] = [];
	const describe = (verdict: SignatureVerdict): Finding => {
		switch (verdict.state) {
			case 'current':
				return { ok: true, text: fillIn(m['verify.sigCurrent']!, { fingerprint: grouped(verdict.fingerprint) }) };
			case 'retired':
				return { ok: true, text: fillIn(m['verify.sigRetired']!, { date: verdict.retired }) };
			case 'unknown':
				return { ok: false, text: m['verify.sigUnknown']! };
			case 'bad':
				return { ok: false, text: m['verify.sigBad']! };
		}
	};
	let signed = false;
	if (sumsFile) {
		const signature = byName.get('SHA256SUMS.asc');
		if (signature) {
			const finding = describe(await checkSignature(sumsFile.bytes, text(signature.bytes), keys));
			signed = finding.ok === true;
			findings.push(finding);
		} else findings.push({ ok: undefined, text: m['verify.noSig']! });
	}
	const sums = sumsFile ? parseSums(text(sumsFile.bytes)) : undefined;
	let checked = 0;
	for (const file of files) {
		if (file.name === 'SHA256SUMS' || file.name.endsWith('.asc')) continue;
		const hash = await sha256(file.bytes);
		// A file chosen with its own signature: check that too.
		const own = byName.get(`${file.name}.asc`);
		if (own) {
			const finding = describe(await checkSignature(file.bytes, text(own.bytes), keys));
			findings.push({ ok: finding.ok, text: `${file.name}: ${finding.text}` });
			if (finding.ok) checked++;
		}
		if (!sums) {
			if (!own) findings.push({ ok: undefined, text: fillIn(m['verify.hash']!, { file: file.name, hash }) });
			continue;
		}
		const listed = sums.get(file.name);
		if (listed === undefined) findings.push({ ok: undefined, text: fillIn(m['verify.unlisted']!, { file: file.name }) });
		else if (listed === hash) {
			findings.push({ ok: true, text: fillIn(m['verify.match']!, { file: file.name }) });
			if (signed) checked++;
		} else findings.push({ ok: false, text: fillIn(m['verify.mismatch']!, { file: file.name }) });
	}
	const verdict = findings.some((f) => f.ok === false) ? 'reject' : checked > 0 && findings.every((f) => f.ok !== undefined) ? 'genuine' : 'incomplete';
	return { verdict, findings };
}

export function attachVerifier(root: HTMLElement) {
	const input = root.querySelector<HTMLInputElement>('input[data-files]');
	const output = root.querySelector<HTMLElement>('[data-result]');
	if (!input || !output) return;
	const keys = JSON.parse(root.dataset.keys ?? '[]') as PublishedKey[];
	const m = JSON.parse(root.dataset.messages ?? '{}') as Messages;
	input.addEventListener('change', async () => {
		const chosen = await Promise.all([...(input.files ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
		output.replaceChildren();
		if (!chosen.length) return;
		const { verdict, findings } = await checkFiles(chosen, keys, m);
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
		output.append(head, list);
	});
	root.dataset.ready = '';
}
