/**
 * What astro.config.mjs needs from content/: the languages, their interface strings and the
 * sidebar, from the same validated data as everything else (the content check, src/lib/check-content.ts).
 * When the content has problems, the config is a bare one: the playbook integration then stops the
 * build with every problem, its file and its fix, before anything is rendered.
 */
import { checkContent } from './check-content';
import { readStrings, textFile, uiFile } from './sources';

type Strings = Record<string, string>;

export function loadSiteConfig(root: string) {
	// Any problem, an interface file whose JSON cannot be read included, is the integration's to report.
	const { data, problems } = checkContent(root);
	if (!data || problems.length) return { languages: [{ id: 'en', lang: 'en', label: 'English', dir: 'ltr' as const }], source: 'en', title: 'Playbook', locales: { en: { label: 'English', lang: 'en', dir: 'ltr' as const } }, sidebar: [] };
	const languages = data.languages;
	const source = languages[0]!.id;
	const ui = Object.fromEntries(languages.map((l) => [l.id, readStrings(root, uiFile(l.id))]));
	const text = Object.fromEntries(languages.map((l) => [l.id, readStrings(root, textFile(l.id))]));

	/** A label in the source language with its translations, as Starlight's sidebar expects. */
	const label = (table: Record<string, Strings>, key: string) => ({
		label: table[source]?.[key] ?? key,
		translations: Object.fromEntries(languages.slice(1).map((l) => [l.lang, table[l.id]?.[key] ?? table[source]?.[key] ?? key])),
	});
	const pages = (folder: string, entries: readonly { id: string }[]) => entries.map((e) => ({ slug: `${folder}/${e.id}` }));
	const sidebar = [
		{ ...label(ui, 'nav.start'), items: [{ slug: 'index' }, { slug: 'risk-assessment' }, { slug: 'risk-check' }] },
		{ ...label(ui, 'nav.scenarios'), items: pages('scenarios', data.scenarios) },
		{ ...label(ui, 'nav.tools'), items: [{ slug: 'tools' }, ...pages('tools', data.tools)] },
		{
			...label(ui, 'nav.practices'),
			items: data.categories.map((c) => ({
				...label(text, `category.${c.id}`),
				collapsed: false,
				items: data.practices.filter((p) => p.category.id === c.id).map((p) => ({ slug: `practices/${p.id}` })),
			})),
		},
		{ ...label(ui, 'nav.reference'), items: [{ slug: 'resources' }, { slug: 'downloads' }, { slug: 'check-a-copy' }, { slug: 'translations' }] },
	];

	return {
		languages,
		source,
		title: Object.fromEntries(languages.map((l) => [l.lang, ui[l.id]?.['site.title'] ?? ui[source]?.['site.title'] ?? 'Playbook'])),
		locales: Object.fromEntries(languages.map((l) => [l.id, { label: l.label, lang: l.lang, dir: l.dir }])),
		sidebar,
	};
}
