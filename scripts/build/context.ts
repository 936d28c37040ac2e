/**
 * What every build stage shares: where the project and its output are, and the site's data,
 * read and validated once (src/lib/site-data.ts) when a stage first needs it.
 */
import { join } from 'node:path';
import { loadSiteData, type SiteData } from '../../src/lib/site-data.ts';

export interface BuildContext {
	/** The project folder. */
	root: string;
	/** Where Astro writes the site: <root>/dist. */
	dist: string;
	/** <root>/dist/downloads: handouts, bundles and checksums. */
	downloads: string;
	/** The languages, their strings and the version. */
	data: () => SiteData;
	/** Filled by the site stage: what Astro printed, and its own timing of each page. */
	astro?: { output: string; pages: number; slowest: { page: string; ms: number }[] };
}

export function buildContext(root: string): BuildContext {
	let data: SiteData | undefined;
	const dist = join(root, 'dist');
	return { root, dist, downloads: join(dist, 'downloads'), data: () => (data ??= loadSiteData(root)) };
}
