/**
 * The sidebar a page carries, bounded whatever the size of the guide. Every page used to carry the
 * whole list of pages, so a page's HTML grew with the guide (the Signal page's sidebar from 7 KB
 * to 37 KB on a guide ten times larger). Now every top-level group stays, with at most SHOWN of its
 * pages: around the current page in the group that holds it (so the reader sees where they are,
 * and the pages before and after), its first pages in the others; a group that has more ends with
 * a link to its part of the list of all pages (src/routes/[lang]/all-pages.astro), which lists
 * everything in the same groups and order. Plain links: it works without JavaScript, and every
 * page is two clicks away.
 *
 * Pure functions over the shape of Starlight's sidebar entries, so that they are tested alone.
 */

/** The parts of a Starlight sidebar entry these functions read. */
export type Entry = { type: 'link'; isCurrent: boolean } | { type: 'group'; entries: Entry[] };

/** Pages shown per top-level group: the same on a small guide and a large one, so pages weigh the same. */
export const SHOWN = 5;

/** The id of a top-level group's part of the list of all pages: its position, the same in every language. */
export const groupAnchor = (index: number) => `section-${index + 1}`;

/** The links of some entries, groups opened, in order. */
export function linksOf<E extends Entry>(entries: E[]): E[] {
	return entries.flatMap((entry) => (entry.type === 'link' ? [entry] : linksOf(entry.entries as E[])));
}

/** The entries with only the links in `keep`; a group stays, with its label, when it keeps a link. */
function prune<E extends Entry>(entries: E[], keep: Set<Entry>): E[] {
	return entries.flatMap((entry): E[] => {
		if (entry.type === 'link') return keep.has(entry) ? [entry] : [];
		const kept = prune(entry.entries as E[], keep);
		return kept.length ? [{ ...entry, entries: kept }] : [];
	});
}

/** The `shown` links of `links` to keep: around the current one when there is one, else the first. */
export function shownLinks<E extends Entry>(links: E[], shown = SHOWN): E[] {
	const current = links.findIndex((link) => link.type === 'link' && link.isCurrent);
	const before = Math.floor((shown - 1) / 2);
	const start = current < 0 ? 0 : Math.max(0, Math.min(current - before, links.length - shown));
	return links.slice(start, start + shown);
}

/**
 * The sidebar to render: each top-level group cut to `shown` links (see above), and, when the group
 * has more, `more(group, index, total)` at its end: the link to the group's part of the list of all pages.
 */
export function boundedSidebar<E extends Entry>(sidebar: E[], more: (group: E, index: number, total: number) => E, shown = SHOWN): E[] {
	return sidebar.map((entry, index) => {
		if (entry.type === 'link') return entry;
		const links = linksOf(entry.entries as E[]);
		if (links.length <= shown) return entry;
		const kept = prune(entry.entries as E[], new Set(shownLinks(links, shown)));
		return { ...entry, entries: [...kept, more(entry, index, links.length)] };
	});
}
