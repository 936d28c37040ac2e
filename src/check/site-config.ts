/**
 * What astro.config.mjs needs from content/: the languages, their interface strings and the
 * sidebar (content/data/sidebar.yaml), from the same validated data as everything else (the content check, src/check/check-content.ts).
 * When the content has problems, the config is a bare one: the playbook integration then stops the
 * build with every problem, its file and its fix, before anything is rendered.
 */
import { checkContent } from './check-content';
import { loadLanguages } from './site-data';
import { readStrings, textFile, uiFile } from './sources';
import { SECTIONS } from './model';
import { COLLECTIONS, type DataCollectionName } from '../schemas/collections';
import type { Language } from '../schemas/language';
import type { SidebarGroup } from '../schemas/vocabulary';

type Strings = Record<string, string>;

/**
 * The config given while the content has problems, which the integration reports before anything
 * is rendered: the guide's languages when content/data/languages.yaml can be read, and none
 * otherwise (Starlight's own default language), since the generator knows no language of its own.
 */
function bareConfig(root: string) {
	let languages: Language[] = [];
	try {
		languages = loadLanguages(root);
	} catch {
		// The content check names the file and the fix.
	}
	const locales = languages.length ? Object.fromEntries(languages.map((l) => [l.id, { label: l.label, lang: l.lang, dir: l.dir }])) : undefined;
	return { languages, source: languages[0]?.id, title: 'Playbook', locales, sidebar: [] };
}

export function loadSiteConfig(root: string, checked: ReturnType<typeof checkContent> = checkContent(root)) {
	// Any problem, an interface file whose JSON cannot be read included, is the integration's to report.
	const { data, problems } = checked;
	if (!data || problems.length) return bareConfig(root);
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
