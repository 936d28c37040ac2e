/**
 * No page tells another site where the reader came from: every page of the built site and of
 * the offline bundles carries `<meta name="referrer" content="no-referrer">`, which browsers
 * follow for links, for resources and for the quick exit's location.replace() alike, on a host
 * that sends no Referrer-Policy header and from file://.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DIST } from '../helpers/project';
import { htmlFiles, readDist } from '../helpers/site';
import { unzipToTemp } from '../helpers/zip';

const NO_REFERRER = /<meta name="referrer" content="no-referrer">/;
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Pages without the tag once, or where it comes after something that could send a request. */
function missing(pages: string[], read: (page: string) => string): string[] {
	return pages.filter((page) => {
		const html = read(page);
		const at = html.search(NO_REFERRER);
		const firstRequest = html.search(/<(link|script|img)\b/i);
		return at < 0 || html.match(/<meta name="referrer"/g)!.length !== 1 || (firstRequest >= 0 && firstRequest < at);
	});
}

describe('no referrer', () => {
	test('on every page of the site, before anything the page loads', () => {
		const pages = htmlFiles().filter((f) => !f.startsWith('pagefind/'));
		expect(pages.length).toBeGreaterThan(150);
		expect(missing(pages, readDist)).toEqual([]);
	});

	test.each(['playbook-en.zip', 'playbook-ar.zip', 'playbook-all.zip'])('on every page of %s', (zip) => {
		const { dir, names } = unzipToTemp(join(DIST, 'downloads', zip));
		folders.push(dir);
		const pages = names.filter((n) => n.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(30);
		expect(missing(pages, (page) => readFileSync(join(dir, page), 'utf8'))).toEqual([]);
	});

	test('a page without the tag is found', () => {
		expect(missing(['a', 'b'], (p) => (p === 'a' ? '<head><meta name="referrer" content="no-referrer"></head>' : '<head><link rel="icon" href="/x.svg"></head>'))).toEqual(['b']);
	});
});
