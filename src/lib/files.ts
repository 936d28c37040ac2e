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
