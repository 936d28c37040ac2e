import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

/** Unzips a bundle into a new temporary folder; returns the folder and the entries' names. */
export function unzipToTemp(zipPath: string): { dir: string; names: string[] } {
	const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
	const entries = unzipSync(readFileSync(zipPath));
	for (const [name, data] of Object.entries(entries)) {
		if (name.endsWith('/')) continue;
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), data);
	}
	return { dir, names: Object.keys(entries).sort() };
}
