import { describe, expect, test } from 'vitest';
import { boundedSidebar, groupAnchor, linksOf, SHOWN, shownLinks, type Entry } from '../../src/site/bounded-sidebar';

type Link = { type: 'link'; isCurrent: boolean; label: string };
type Group = { type: 'group'; label: string; entries: (Link | Group)[] };
type Item = Link | Group;

const link = (label: string, isCurrent = false): Link => ({ type: 'link', isCurrent, label });
const group = (label: string, entries: Item[]): Group => ({ type: 'group', label, entries });
const pages = (prefix: string, n: number, current?: number) => Array.from({ length: n }, (_, i) => link(`${prefix}${i + 1}`, i + 1 === current));
const more = (group: Item, index: number, total: number): Item => link(`all ${total} of ${group.type === 'group' ? group.label : '?'} → #${groupAnchor(index)}`);
/** The labels of a sidebar, groups as [label, ...entries]. */
const shape = (entries: Item[]): unknown[] => entries.map((e) => (e.type === 'link' ? e.label : [e.label, ...shape(e.entries)]));

/** A guide like the playbook's: groups of 3, n, 2n and 4 pages, the third in sub-groups. */
function guide(n: number, current?: { group: number; page: number }) {
	const at = (g: number) => (current?.group === g ? current.page : undefined);
	const third = pages('p', 2 * n, at(2));
	return [group('Start', pages('s', 3, at(0))), group('Tools', pages('t', n, at(1))), group('Practices', [group('A', third.slice(0, n)), group('B', third.slice(n))]), group('Reference', pages('r', 4, at(3)))];
}

describe('boundedSidebar', () => {
	test('keeps a group of at most SHOWN pages whole, with no link to the list of all pages', () => {
		const sidebar = [group('Start', pages('s', SHOWN, 2))];
		expect(boundedSidebar(sidebar, more)).toEqual(sidebar);
	});

	test('shows the current page with the pages before and after it, and the rest of its group through a link', () => {
		const bounded = boundedSidebar(guide(20, { group: 1, page: 10 }), more);
		expect(shape(bounded)).toEqual([['Start', 's1', 's2', 's3'], ['Tools', 't8', 't9', 't10', 't11', 't12', 'all 20 of Tools → #section-2'], ['Practices', ['A', 'p1', 'p2', 'p3', 'p4', 'p5'], 'all 40 of Practices → #section-3'], ['Reference', 'r1', 'r2', 'r3', 'r4']]);
	});

	test('keeps SHOWN pages near the ends of a group, and the sub-groups the pages shown belong to', () => {
		expect(shownLinks(pages('t', 20, 1)).map((l) => l.label)).toEqual(['t1', 't2', 't3', 't4', 't5']);
		expect(shownLinks(pages('t', 20, 20)).map((l) => l.label)).toEqual(['t16', 't17', 't18', 't19', 't20']);
		const practices = boundedSidebar(guide(20, { group: 2, page: 21 }), more)[2]!;
		expect(shape([practices])).toEqual([['Practices', ['A', 'p19', 'p20'], ['B', 'p21', 'p22', 'p23'], 'all 40 of Practices → #section-3']]);
	});

	test('has as many links, whatever the number of pages: a page weighs the same in a guide ten times larger', () => {
		for (const current of [undefined, { group: 1, page: 3 }, { group: 2, page: 12 }, { group: 3, page: 2 }]) {
			const count = (n: number) => linksOf(boundedSidebar(guide(n, current), more) as Entry[]).length;
			expect(count(170), JSON.stringify(current)).toBe(count(17));
		}
	});

	test('marks nothing current when the page is not in the sidebar, and shows each group’s first pages', () => {
		const bounded = boundedSidebar(guide(8), more);
		expect(shape(bounded)[1]).toEqual(['Tools', 't1', 't2', 't3', 't4', 't5', 'all 8 of Tools → #section-2']);
		expect(linksOf(bounded as Entry[]).some((l) => l.type === 'link' && l.isCurrent)).toBe(false);
	});
});
