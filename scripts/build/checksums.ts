/**
 * The checksums stage: the SHA-256 of every download (bundles, handouts, quick cards and single-file guides) into
 * dist/downloads/SHA256SUMS and manifest.json, then each file's size and checksum, and the build
 * date, into the downloads page of every language.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDate } from '../../src/build/build-date.ts';
import type { Stage } from '../../src/build/pipeline.ts';
import { rolePage } from '../../src/schemas/vocabulary.ts';
import type { BuildContext } from './context.ts';

export interface ManifestEntry {
	file: string;
	languages: string[];
	bytes: number;
	sha256: string;
	/** Files inside a zip; 1 for a PDF. */
	files: number;
}

/**
 * A download's size, SHA-256 and, for a zip, its number of entries, read a megabyte at a time: the
 * bundle with every language grows with the site and is never held whole.
 */
function facts(dir: string, file: string): { bytes: number; sha256: string; files: number } {
	const fd = openSync(join(dir, file), 'r');
	try {
		const hash = createHash('sha256');
		const buffer = Buffer.alloc(1024 ** 2);
		let bytes = 0;
		for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
			hash.update(buffer.subarray(0, n));
			bytes += n;
		}
		return { bytes, sha256: hash.digest('hex'), files: file.endsWith('.zip') ? zipEntries(fd, bytes, file) : 1 };
	} finally {
		closeSync(fd);
	}
}

/** Entries in a zip, from its end-of-central-directory record: its last 22 bytes, before a comment of at most 64 KB. */
function zipEntries(fd: number, size: number, file: string): number {
	const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
	readSync(fd, tail, 0, tail.length, size - tail.length);
	for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) return tail.readUInt16LE(i + 10);
	throw new Error(`dist/downloads/${file} is not a whole zip (it has no end of central directory): build it again with npm run stages -- --only "offline bundles,checksums"`);
}

export const checksums: Stage<BuildContext> = {
	name: 'checksums',
	does: 'writes SHA256SUMS and manifest.json, and fills the downloads pages',
	async run(context) {
		const { languages, version } = context.data();
		if (!existsSync(context.downloads)) throw new Error('dist/downloads/ is missing: run the handouts and offline bundles stages first (npm run build runs every stage).');
		const names = readdirSync(context.downloads).filter((n) => /\.(zip|pdf|html)$/.test(n));
		if (!names.length) throw new Error('dist/downloads/ holds no zip and no PDF: run the handouts and offline bundles stages first.');
		// Bundles first (in the order of the languages, then all), then the other files by name.
		const rank = (n: string) => (!n.endsWith('.zip') ? languages.length + 1 : n === 'playbook-all.zip' ? languages.length : languages.findIndex((l) => n === `playbook-${l.id}.zip`));
		names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
		const manifest: ManifestEntry[] = names.map((file) => {
			const lang = file.replace(/^(playbook|handout|card|guide)-|\.(zip|pdf|html)$/g, '');
			const { bytes, sha256, files } = facts(context.downloads, file);
			return { file, languages: lang === 'all' ? languages.map((l) => l.id) : [lang], bytes, sha256, files };
		});
		const day = buildDate(context.root).toISOString().slice(0, 10);
		writeFileSync(join(context.downloads, 'SHA256SUMS'), manifest.map((m) => `${m.sha256}  ${m.file}\n`).join(''));
		writeFileSync(join(context.downloads, 'manifest.json'), `${JSON.stringify({ version, date: day, files: manifest }, null, '\t')}\n`);
		const pages = fillDownloadPages(context, manifest, day);
		return { made: `${manifest.length} checksums, ${pages} downloads pages filled`, bytes: manifest.reduce((sum, m) => sum + m.bytes, 0) };
	},
};

/**
 * Puts each file's size and checksum into the downloads page of every language (the page with
 * "role: download-list" in content/data/page-roles.yaml, none when no page has it); returns the pages changed.
 */
function fillDownloadPages(context: BuildContext, manifest: ManifestEntry[], day: string): number {
	const { languages, pageRoles } = context.data();
	const page = rolePage(pageRoles, 'download-list');
	if (page === undefined) return 0;
	let filled = 0;
	for (const language of languages) {
		const path = join(context.dist, language.id, page, 'index.html');
		if (!existsSync(path)) continue;
		let html = readFileSync(path, 'utf8');
		// Whatever the cells hold (empty, or values from an earlier run), they get this run's values.
		for (const m of manifest) {
			// A quick card is some tens of KB: "0.1 MB" would say little.
			const number = (n: number) => new Intl.NumberFormat(language.lang, { maximumFractionDigits: 1 }).format(n);
			const size = m.bytes < 1024 ** 2 ? `${number(Math.round(m.bytes / 1024))} KB` : `${number(m.bytes / 1024 ** 2)} MB`;
			html = html
				.replace(new RegExp(`(<span data-size="${m.file}"[^>]*>)[^<]*(</span>)`, 'g'), `$1${size}$2`)
				.replace(new RegExp(`(<code data-sha256="${m.file}"[^>]*>)[^<]*(</code>)`, 'g'), `$1${m.sha256}$2`);
		}
		html = html.replace(/(<span data-build-date[^>]*>)[^<]*(<\/span>)/g, `$1${day}$2`);
		html = withoutUnbuilt(html, new Set(manifest.map((m) => m.file)));
		writeFileSync(path, html);
		filled++;
	}
	return filled;
}

/**
 * The downloads page without the rows and lines (`<tr data-file>`, `<li data-file>`) of files that
 * were not built: a single file too large for a phone is left out, and the page must not offer it.
 */
export function withoutUnbuilt(html: string, built: ReadonlySet<string>): string {
	return html.replace(/<(tr|li) data-file="([^"]+)"[^>]*>[\s\S]*?<\/\1>/g, (element, _tag: string, file: string) => (built.has(file) ? element : ''));
}
