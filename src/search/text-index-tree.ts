/**
 * MiniSearch's index in a form that loads fast in the browser. MiniSearch's own (toJSON, loadJS)
 * lists the terms, and loading inserts them one by one into its radix tree, each insert scanning
 * the children of every node it passes: the largest part of opening search, and more in Arabic,
 * where thousands of terms share a few prefixes ("ال"). Here the tree is written as MiniSearch
 * holds it, and loading rebuilds it node by node, with no search: a third to a half of the time
 * (in Chromium, the Arabic index's 51 ms became 15 ms, the English one's 23 ms 14 ms).
 *
 * This reaches into MiniSearch's private fields (`_index`, the tree of its SearchableMap): hence
 * minisearch is pinned to one version in package.json, and tests/unit/text-index-tree.test.ts
 * checks that an index loaded this way holds and finds what MiniSearch's own loading gives.
 * No DOM and no Node.js: the build writes it (src/search/text-index.ts), the browser and the tests
 * read it (components/text-search.ts).
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * A node of the tree: its edges, as label and child one after the other. The edge labelled ""
 * ends a term: its child is the term's postings, one list per field (in the order of MiniSearch's
 * field ids), each `[document, count, document, count, …]`, empty where the term is not in that
 * field.
 */
export type TreeNode = (string | TreeNode | number[][])[];

/** What the index script holds: MiniSearch's own serialization without its term list, and the tree. */
export interface SerializedTextIndex {
	documents: Omit<AsPlainObject, 'index'>;
	tree: TreeNode;
}

/** The edge label that ends a term in MiniSearch's tree. */
const LEAF = '';

type Postings = Map<number, Map<number, number>>;
type Tree = Map<string, Tree | Postings>;
/** MiniSearch's private fields read and written here. */
type Internals = { _index: { _tree: Tree; _size?: number }; _fieldIds: Record<string, number> };
const internals = (mini: MiniSearch) => mini as unknown as Internals;

/** The index as a JSON text for `loadTextIndexTree`. */
export function serializeTextIndexTree(mini: MiniSearch): string {
	const fields = Object.values(internals(mini)._fieldIds).length;
	const write = (node: Tree): TreeNode =>
		[...node].flatMap(([label, child]) => {
			if (label !== LEAF) return [label, write(child as Tree)];
			const postings = Array.from({ length: fields }, (_, field) => [...((child as Postings).get(field) ?? [])].flat());
			return [label, postings];
		});
	const { index: _terms, ...documents } = mini.toJSON();
	const serialized: SerializedTextIndex = { documents, tree: write(internals(mini)._index._tree) };
	return JSON.stringify(serialized);
}

/** Loads an index written by `serializeTextIndexTree`, with the options it was built with. */
export function loadTextIndexTree(json: string, options: Options): MiniSearch {
	const { documents, tree } = JSON.parse(json) as SerializedTextIndex;
	const read = (node: TreeNode): Tree => {
		const map: Tree = new Map();
		for (let i = 0; i < node.length; i += 2) {
			const label = node[i] as string;
			if (label !== LEAF) {
				map.set(label, read(node[i + 1] as TreeNode));
				continue;
			}
			const postings: Postings = new Map();
			(node[i + 1] as number[][]).forEach((list, field) => {
				if (!list.length) return;
				const counts = new Map<number, number>();
				for (let j = 0; j < list.length; j += 2) counts.set(list[j]!, list[j + 1]!);
				postings.set(field, counts);
			});
			map.set(LEAF, postings);
		}
		return map;
	};
	const mini = MiniSearch.loadJS({ ...documents, index: [] }, options);
	const index = internals(mini)._index;
	index._tree = read(tree);
	index._size = undefined;
	return mini;
}
