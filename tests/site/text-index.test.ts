/**
 * The search index that needs no WebAssembly (dist/search/<lang>.js, src/search/text-index.ts), read
 * as the browser reads it: the script run in a window of its own, then loaded into MiniSearch as
 * components/text-search.ts loads it.
 */
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TextIndexPayload } from '../../src/search/text-index';
import { loadTextIndexTree } from '../../src/search/text-index-tree';
import { requireDist } from '../helpers/project';
import { htmlFiles, readDist, siteData } from '../helpers/site';

beforeAll(requireDist);
const languages = siteData().languages;

/** Runs a language's index script as a page would, and returns what it set. */
function load(lang: string): { search: MiniSearch; urls: string[] } {
	const window: { playbookSearch?: Record<string, TextIndexPayload> } = {};
	runInNewContext(readDist(`search/${lang}.js`), { window });
	const payload = window.playbookSearch?.[lang];
	if (!payload) throw new Error(`search/${lang}.js set no index for ${lang}`);
	const search = loadTextIndexTree(payload.index, payload.options);
	return { search, urls: search.search(MiniSearch.wildcard).map((r) => String(r.url)) };
}

describe.each(languages.map((l) => [l.id, l] as const))('the %s index without WebAssembly', (id, language) => {
	test('holds every page of the language that Pagefind indexes, and no other', () => {
		const indexed = htmlFiles()
			.filter((f) => !f.startsWith('pagefind/') && !f.startsWith('downloads/'))
			.filter((f) => {
				const html = parse(readDist(f));
				return html.querySelector('html')?.getAttribute('lang') === language.lang && html.querySelector('[data-pagefind-body]');
			})
			.map((f) => f.replace(/(^|\/)index\.html$/, '$1'));
		expect(indexed.length).toBeGreaterThan(10);
		expect(load(id).urls.sort()).toEqual(indexed.sort());
	});

	test('finds the Signal page by its name', () => {
		const { search } = load(id);
		expect(search.search('Signal', { prefix: true, fuzzy: 0.2, boost: { title: 3 } }).slice(0, 5).map((r) => r.url)).toContain(`${id}/tools/signal/`);
	});
});
