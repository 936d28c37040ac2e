import { describe, expect, test } from 'vitest';
import { loadSiteConfig } from '../../src/check/site-config';
import { copyProject, ROOT } from '../helpers/project';
import { siteData } from '../helpers/site';

describe('loadSiteConfig', () => {
	test('builds the languages and the sidebar from the content check’s validated data', () => {
		const data = siteData();
		const config = loadSiteConfig(ROOT);
		expect(config.languages.map((l) => l.id)).toEqual(data.languages.map((l) => l.id));
		const slugs = JSON.stringify(config.sidebar);
		for (const practice of data.practices) expect(slugs).toContain(`"practices/${practice.id}"`);
		for (const tool of data.tools) expect(slugs).toContain(`"tools/${tool.id}"`);
	});

	test('gives a bare config when the content has problems, which the integration then reports', () => {
		const copy = copyProject(['content']);
		try {
			copy.edit('content/data/practices.yaml', (t) => t.replace('- id: updates', '- id: updates\n  unknownField: 1'));
			expect(loadSiteConfig(copy.dir)).toMatchObject({ source: 'en', sidebar: [] });
		} finally {
			copy.cleanup();
		}
	});

	test('gives a bare config with the guide’s languages, or with none when they cannot be read', () => {
		const copy = copyProject(['content']);
		try {
			copy.edit('content/data/practices.yaml', (t) => t.replace('- id: updates', '- id: updates\n  unknownField: 1'));
			const languages = siteData().languages;
			expect(loadSiteConfig(copy.dir)).toMatchObject({ languages: languages.map((l) => ({ id: l.id })), source: languages[0]!.id, locales: { [languages[0]!.id]: { lang: languages[0]!.lang } } });
			copy.edit('content/data/languages.yaml', (t) => `${t}\n- id: [not an id]\n`);
			expect(loadSiteConfig(copy.dir)).toEqual({ languages: [], source: undefined, title: 'Playbook', locales: undefined, sidebar: [] });
		} finally {
			copy.cleanup();
		}
	});

	test('gives a bare config, instead of failing with no file named, when an interface file is not valid JSON', () => {
		const copy = copyProject(['content']);
		try {
			copy.edit('content/i18n/fr.json', (t) => t.replace('"site.title"', ',"site.title"'));
			expect(loadSiteConfig(copy.dir)).toMatchObject({ source: 'en', sidebar: [] });
		} finally {
			copy.cleanup();
		}
	});
});
