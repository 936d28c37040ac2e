/**
 * URL rewriting for pages opened from file://, where there is no server to turn `/en/tools/`
 * into `/en/tools/index.html` and no site root to resolve `/` against.
 */
import { posix } from 'node:path';

/**
 * Turns a site-absolute URL into one relative to the page at `fromFile` (a path inside the bundle
 * such as `en/tools/signal/index.html`), pointing at a file: folders get `index.html`.
 * Query and fragment are kept. Returns undefined for URLs that are not site-absolute.
 */
export function relativeUrl(fromFile: string, url: string): string | undefined {
	if (!url.startsWith('/') || url.startsWith('//')) return undefined;
	const match = /^([^?#]*)([?#].*)?$/.exec(url)!;
	let path = decodeURI(match[1]!);
	const rest = match[2] ?? '';
	if (path.endsWith('/')) path += 'index.html';
	else if (!posix.extname(path)) path += '/index.html';
	const fromDir = posix.dirname(fromFile);
	let relative = posix.relative(fromDir, path.slice(1));
	if (!relative.startsWith('.')) relative = `./${relative}`;
	return encodeURI(relative) + rest;
}

/** The bundle path of a site-absolute page URL: `/en/tools/` → `en/tools/index.html`. */
export function fileForUrl(url: string): string {
	const path = decodeURI(url.split(/[?#]/)[0]!).replace(/^\//, '');
	if (path === '' || path.endsWith('/')) return `${path}index.html`;
	return posix.extname(path) ? path : `${path}/index.html`;
}

/** Is this a link to another site? */
export const isExternal = (url: string) => /^(https?:)?\/\//i.test(url);
