/**
 * What astro.config.mjs needs from content/: the languages, their interface strings and the
 * sidebar (content/data/sidebar.yaml), from the same validated data as everything else (the content check, src/lib/check-content.ts).
 * When the content has problems, the config is a bare one: the playbook integration then stops the
 * build with every problem, its file and its fix, before anything is rendered.
 */
import { checkContent } from './check-content';
import { readStrings, textFile, uiFile } from './sources';
import { SECTIONS } from './model';
import { COLLECTIONS, type DataCollectionName } from '../schemas/collections';
import type { SidebarGroup } from '../schemas/vocabulary';

type Strings = Record<string, string>;

export function loadSiteConfig(root: string, checked: ReturnType<typeof checkContent> = checkContent(root)) {
	// Any problem, an interface file whose JSON cannot be read included, is the integration's to report.
	const { data, problems } = checked;
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
	// The groups of content/data/sidebar.yaml: each its pages, then the page of every entry of its collection, in subgroups when it says so.
	const pages = (collection: string, entries: readonly { id: string }[]) => {
		const folder = SECTIONS.find((s) => s.collection === collection)!.folder;
		return entries.map((e) => ({ slug: `${folder}/${e.id}` }));
	};
	const entriesOf = (group: SidebarGroup) => {
		if (group.entries === undefined) return [];
		const entries = data[group.entries as DataCollectionName] as unknown as readonly ({ id: string } & Record<string, unknown>)[];
		if (group.groupBy === undefined) return pages(group.entries, entries);
		const key = group.groupBy;
		const by = (entries[0]?.[key] as { collection?: string } | undefined)?.collection as DataCollectionName | undefined;
		if (!by) return pages(group.entries, entries);
		return (data[by] as unknown as readonly { id: string }[]).map((parent) => ({
			...label(text, `${COLLECTIONS[by].singular}.${parent.id}`),
			collapsed: false,
			items: pages(group.entries!, entries.filter((e) => (e[key] as { id: string }).id === parent.id)),
		}));
	};
	const sidebar = data.sidebar.map((group) => ({ ...label(ui, `nav.${group.id}`), items: [...group.pages.map((slug) => ({ slug })), ...entriesOf(group)] }));

	return {
		languages,
		source,
		title: Object.fromEntries(languages.map((l) => [l.lang, ui[l.id]?.['site.title'] ?? ui[source]?.['site.title'] ?? 'Playbook'])),
		locales: Object.fromEntries(languages.map((l) => [l.id, { label: l.label, lang: l.lang, dir: l.dir }])),
		sidebar,
	};
}
