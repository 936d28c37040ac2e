/**
 * Nothing a page loads comes from another origin: no CDN, font service, analytics or embedded
 * media, on the site and in the offline bundles. Links a reader clicks may lead elsewhere.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, requireDist } from '../helpers/project';
import { htmlFiles } from '../helpers/site';
import { unzipToTemp } from '../helpers/zip';

beforeAll(requireDist);
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** Every address a page makes the browser load by itself, with the tag that asks for it. */
function loadedBy(html: string): string[] {
	const found: string[] = [];
	for (const [tag] of html.matchAll(/<(?:script|link|img|iframe|frame|source|video|audio|embed|object|track|input)\b[^>]*>/gi)) {
		const isLink = /^<link\b/i.test(tag);
		// A link only loads something when it is a stylesheet, icon, preload, prefetch or manifest.
		if (isLink && !/\brel="[^"]*(stylesheet|icon|preload|prefetch|preconnect|dns-prefetch|modulepreload|manifest)[^"]*"/i.test(tag)) continue;
		for (const [, url] of tag.matchAll(/\s(?:src|href|srcset|data|poster)="([^"]*)"/gi)) found.push(`${tag.slice(0, 60)} → ${url}`);
	}
	for (const [, url] of html.matchAll(/url\(\s*['"]?([^'")]+)/gi)) found.push(`css url() → ${url}`);
	for (const [, url] of html.matchAll(/<meta[^>]+http-equiv="refresh"[^>]+content="[^"]*url=([^"]+)"/gi)) found.push(`refresh → ${url}`);
	return found;
}

const external = (entries: string[]) => entries.filter((entry) => EXTERNAL.test(entry.split(' → ')[1]!.trim()));

describe('no request leaves the site', () => {
	test('in any page of the built site', () => {
		const files = htmlFiles();
		expect(files.length).toBeGreaterThan(150);
		const offending = files.flatMap((file) => external(loadedBy(readFileSync(join(DIST, file), 'utf8'))).map((e) => `${file}: ${e}`));
		expect(offending).toEqual([]);
	});

	test('in any stylesheet or script of the built site', () => {
		const assets = readdirSync(join(DIST, '_astro')).filter((f) => /\.(css|js)$/.test(f));
		const offending = assets.flatMap((file) => {
			const text = readFileSync(join(DIST, '_astro', file), 'utf8');
			return [...text.matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/gi), ...text.matchAll(/@import\s+['"]((?:https?:)?\/\/[^'"]+)/gi)].map((m) => `${file}: ${m[1]}`);
		});
		expect(offending).toEqual([]);
	});

	test('in any page of the offline bundle', () => {
		const { dir, names } = unzipToTemp(join(DIST, 'downloads', 'playbook-all.zip'));
		folders.push(dir);
		const offending = names.filter((n) => n.endsWith('.html')).flatMap((name) => external(loadedBy(readFileSync(join(dir, name), 'utf8'))).map((e) => `${name}: ${e}`));
		expect(offending).toEqual([]);
	});

	test('finds an outside address where there is one', () => {
		// The detector itself: a page that loads a font from another site is caught.
		expect(external(loadedBy('<link rel="stylesheet" href="https://fonts.example.org/x.css"><a href="https://example.org">ok</a>'))).toHaveLength(1);
		expect(external(loadedBy('<img src="//cdn.example.org/a.png">'))).toHaveLength(1);
		expect(external(loadedBy('<a href="https://example.org">a link a reader clicks</a>'))).toHaveLength(0);
	});
});
