/**
 * This guide's advice: content/source-map.yaml ties each section of the source documents to the
 * pages and texts of the guide that carry it. About the guide in content/, not the generator.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/check/sources';
import { ROOT } from '../helpers/project';
import { siteData } from '../helpers/site';

interface SourceMap {
	sources: Record<string, string>;
	sections: { source: string; section: string; pages: string[]; texts?: string[] }[];
}
const map = parseYaml(readFileSync(join(ROOT, 'content/source-map.yaml'), 'utf8'), 'content/source-map.yaml') as SourceMap;
const languages = siteData().languages.map((l) => l.id);
const pagePath = (lang: string, page: string) =>
	['.mdx', '.md', '/index.mdx'].map((ext) => join(ROOT, 'content/docs', lang, page + ext)).find((p) => existsSync(p));

describe('the source map', () => {
	test('covers both source documents', () => {
		for (const source of Object.keys(map.sources)) expect(map.sections.filter((s) => s.source === source).length, source).toBeGreaterThan(5);
		for (const section of map.sections) expect(Object.keys(map.sources)).toContain(section.source);
	});

	test.each(languages)('every mapped page exists in language "%s"', (lang) => {
		const missing = map.sections.flatMap((s) => s.pages.filter((page) => !pagePath(lang, page)).map((page) => `${page} (${s.section})`));
		expect(missing).toEqual([]);
	});

	test.each(languages)('every mapped text exists in language "%s"', (lang) => {
		const texts = parseYaml(readFileSync(join(ROOT, `content/text/${lang}.yaml`), 'utf8'), lang) as Record<string, string>;
		const missing = map.sections.flatMap((s) => (s.texts ?? []).filter((key) => !texts[key]?.trim()));
		expect(missing).toEqual([]);
	});
});
