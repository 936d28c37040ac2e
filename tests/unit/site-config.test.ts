/**
 * What astro.config.mjs gets from a guide (src/check/site-config.ts), on the small second guide
 * (tests/fixtures/newsroom, English and Persian, its content in guide/) and copies of it broken.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSiteConfig } from '../../src/check/site-config';
import { FIXTURE, fixtureData, guideCopy } from '../helpers/fixture';
import { inContentDir } from '../helpers/content-dir';
import { ROOT } from '../helpers/project';

const FIXTURE_DIR = join(ROOT, 'tests/fixtures', FIXTURE);
const CONTENT = 'guide';

/** The config of a guide whose content is in `CONTENT`, read as the plugin reads it. */
const configOf = (dir: string) => inContentDir(CONTENT, () => loadSiteConfig(dir));

/** Runs `test` on a copy of the second guide, removed afterwards. */
function withCopy(test: (copy: ReturnType<typeof guideCopy>) => void) {
	const copy = guideCopy();
	try {
		expect(copy.content).toBe(CONTENT);
		test(copy);
	} finally {
		copy.cleanup();
	}
}

/** A practice entry with a field no schema has: a content problem in a data file. */
const breakPractices = (copy: ReturnType<typeof guideCopy>) => copy.edit(`${CONTENT}/data/practices.yaml`, (t) => t.replace('- id: strip-metadata', '- id: strip-metadata\n  unknownField: 1'));

describe('loadSiteConfig', () => {
	test('builds the languages and the sidebar from the content check’s validated data', () => {
		const data = fixtureData();
		const config = configOf(FIXTURE_DIR);
		expect(config.languages.map((l) => l.id)).toEqual(data.languages.map((l) => l.id));
		expect(config.source).toBe(data.languages[0]!.id);
		const slugs = JSON.stringify(config.sidebar);
		expect(data.practices.length).toBeGreaterThan(0);
		for (const practice of data.practices) expect(slugs).toContain(`"practices/${practice.id}"`);
		for (const tool of data.tools) expect(slugs).toContain(`"tools/${tool.id}"`);
	});

	test('gives a bare config when the content has problems, which the integration then reports', () => {
		withCopy((copy) => {
			breakPractices(copy);
			expect(configOf(copy.dir)).toMatchObject({ source: 'en', sidebar: [] });
		});
	});

	test('gives a bare config with the guide’s languages, or with none when they cannot be read', () => {
		withCopy((copy) => {
			breakPractices(copy);
			const languages = fixtureData().languages;
			expect(languages.map((l) => l.id)).toEqual(copy.languages);
			expect(configOf(copy.dir)).toMatchObject({ languages: languages.map((l) => ({ id: l.id })), source: languages[0]!.id, locales: { [languages[0]!.id]: { lang: languages[0]!.lang }, [languages[1]!.id]: { lang: languages[1]!.lang, dir: languages[1]!.dir } } });
			copy.edit(`${CONTENT}/data/languages.yaml`, (t) => `${t}\n- id: [not an id]\n`);
			expect(configOf(copy.dir)).toEqual({ languages: [], source: undefined, title: 'Playbook', locales: undefined, sidebar: [] });
		});
	});

	test('gives a bare config, instead of failing with no file named, when an interface file is not valid JSON', () => {
		withCopy((copy) => {
			copy.edit(`${CONTENT}/i18n/fa.json`, (t) => t.replace('"site.title"', ',"site.title"'));
			expect(configOf(copy.dir)).toMatchObject({ source: 'en', sidebar: [] });
		});
	});
});
