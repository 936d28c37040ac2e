/**
 * What astro.config.mjs needs from content/: the languages, their interface strings and the
 * sidebar. Reads leniently so that a broken file is reported by the content check, which runs
 * first and names the file and the fix, instead of crashing here.
 */
import { dataFile, parseYaml, readText, textFile, uiFile } from './sources';

interface LanguageEntry { id: string; lang: string; label: string; dir: 'ltr' | 'rtl' }
type Strings = Record<string, string>;

function read(root: string, rel: string, json = false): unknown {
	const text = readText(root, rel);
	if (text === undefined) return undefined;
	try {
		return json ? JSON.parse(text) : parseYaml(text, rel);
	} catch {
		return undefined;
	}
}

const idsOf = (root: string, name: Parameters<typeof dataFile>[0]): Record<string, unknown>[] => {
	const list = read(root, dataFile(name));
	return Array.isArray(list) ? list.filter((e) => e && typeof e.id === 'string') : [];
};

export function loadSiteConfig(root: string) {
	const languages = (idsOf(root, 'languages') as unknown as LanguageEntry[]).map((l) => ({ ...l, dir: l.dir ?? 'ltr' }));
	if (!languages.length) languages.push({ id: 'en', lang: 'en', label: 'English', dir: 'ltr' });
	const source = languages[0]!.id;
	const ui = Object.fromEntries(languages.map((l) => [l.id, (read(root, uiFile(l.id), true) ?? {}) as Strings]));
	const text = Object.fromEntries(languages.map((l) => [l.id, (read(root, textFile(l.id)) ?? {}) as Strings]));

	/** A label in the source language with its translations, as Starlight's sidebar expects. */
	const label = (table: Record<string, Strings>, key: string) => ({
		label: table[source]?.[key] ?? key,
		translations: Object.fromEntries(languages.slice(1).map((l) => [l.lang, table[l.id]?.[key] ?? table[source]?.[key] ?? key])),
	});
	const pages = (folder: string, collection: Parameters<typeof dataFile>[0]) =>
		idsOf(root, collection).map((e) => ({ slug: `${folder}/${e.id}` }));

	const practices = idsOf(root, 'practices');
	const sidebar = [
		{ ...label(ui, 'nav.start'), items: [{ slug: 'index' }, { slug: 'risk-assessment' }, { slug: 'risk-check' }] },
		{ ...label(ui, 'nav.scenarios'), items: pages('scenarios', 'scenarios') },
		{ ...label(ui, 'nav.tools'), items: [{ slug: 'tools' }, ...pages('tools', 'tools')] },
		{
			...label(ui, 'nav.practices'),
			items: idsOf(root, 'categories').map((c) => ({
				...label(text, `category.${c.id}`),
				collapsed: false,
				items: practices.filter((p) => p.category === c.id).map((p) => ({ slug: `practices/${p.id}` })),
			})),
		},
		{ ...label(ui, 'nav.reference'), items: [{ slug: 'resources' }, { slug: 'downloads' }] },
	];

	return {
		languages,
		source,
		title: Object.fromEntries(languages.map((l) => [l.lang, ui[l.id]?.['site.title'] ?? ui[source]?.['site.title'] ?? 'Playbook'])),
		locales: Object.fromEntries(languages.map((l) => [l.id, { label: l.label, lang: l.lang, dir: l.dir }])),
		sidebar,
	};
}
