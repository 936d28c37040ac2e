import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, type SiteData } from '../../src/check/check-content';
import { filesUnder } from '../../src/build/files';
import { DIST, ROOT } from './project';

/** The content's data, parsed once, as the build saw it. */
export function siteData(): SiteData {
	const { data, problems } = checkContent(ROOT);
	if (!data || problems.length) throw new Error('the content has problems: run `npm run check:content`');
	return data;
}

/** Every HTML file of the built site, as paths relative to dist/ with forward slashes. */
export function htmlFiles(dir = DIST): string[] {
	return filesUnder(dir).filter((f) => f.endsWith('.html'));
}

export const readDist = (rel: string) => readFileSync(join(DIST, rel), 'utf8');

/** One page of each kind the site builds, relative to a language's root. */
export const PAGE_TYPES = [
	'',
	'risk-assessment/',
	'risk-check/',
	'resources/',
	'downloads/',
	'tools/',
	'tools/signal/',
	'practices/passwords/',
	'scenarios/direct-contact/',
	'all-pages/',
	'404/',
];

