import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseJson, parseYaml, readText } from './sources';

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
				// Read as the content check reads it (src/check/sources.ts): strict UTF-8, a key written twice refused.
				const rel = `${dir}/${name}`;
				const text = readText(fileURLToPath(config.root), rel) ?? '';
				const raw = extension === '.json' ? parseJson(text, rel) : parseYaml(text, rel);
				const id = name.slice(0, -extension.length);
				store.set({ id, data: await parseData({ id, data: (raw ?? {}) as Record<string, unknown> }) });
			}
			watcher?.add(base.pathname);
		},
	};
}
