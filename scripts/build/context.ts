/**
 * What every build stage shares: where the project and its output are, and the site's data,
 * read and validated once (src/check/site-data.ts) when a stage first needs it.
 */
import { join } from 'node:path';
import { DOWNLOADS_FOLDER } from '../../src/build/files.ts';
import { loadSiteData, type SiteData } from '../../src/check/site-data.ts';

export interface BuildContext {
	/** The project folder. */
	root: string;
	/** Where Astro writes the site: <root>/dist by default. */
	dist: string;
	/** <root>/dist/downloads: handouts, bundles and checksums. */
	downloads: string;
	/** The languages, their strings and the version. */
	data: () => SiteData;
}

/** The context of a build of the project in `root`, whose site is in `dist` (<root>/dist unless Astro's outDir says otherwise). */
export function buildContext(root: string, dist = join(root, 'dist')): BuildContext {
	let data: SiteData | undefined;
	return { root, dist, downloads: join(dist, DOWNLOADS_FOLDER), data: () => (data ??= loadSiteData(root)) };
}
