import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir: string, prefix = ''): string[] {
	return readdirSync(join(dir, prefix), { withFileTypes: true })
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.flatMap((entry) => {
			const path = prefix ? `${prefix}/${entry.name}` : entry.name;
			return entry.isDirectory() ? filesUnder(dir, path) : [path];
		});
}

/**
 * The folder of dist/ the build writes the downloads into (zips, PDFs, single files, SHA256SUMS),
 * served at /downloads/: the generator's own name, whatever a guide calls its pages.
 */
export const DOWNLOADS_FOLDER = 'downloads';
