import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parseYaml } from './sources';

/**
 * Loads every `<id><extension>` file of a folder as one entry whose id is the file name,
 * such as `content/i18n/ar.json` → entry `ar`. Entries carry no file path, so Starlight
 * keys interface strings by language whatever folder they live in.
 */
export function directoryLoader(dir: string, extension: '.json' | '.yaml'): Loader {
	return {
		name: `directory-loader:${dir}`,
		load: async ({ store, parseData, config, watcher }) => {
			const base = new URL(`${dir}/`, config.root);
			const names = (await readdir(base)).filter((n) => n.endsWith(extension) && !n.startsWith('_')).sort();
			store.clear();
			for (const name of names) {
				const path = join(base.pathname, name);
				const text = await readFile(path, 'utf8');
				const raw = extension === '.json' ? JSON.parse(text) : parseYaml(text, `${dir}/${name}`);
				const id = name.slice(0, -extension.length);
				store.set({ id, data: await parseData({ id, data: raw ?? {} }) });
			}
			watcher?.add(base.pathname);
		},
	};
}
