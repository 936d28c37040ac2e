/**
 * The fast-loading form of the search index without WebAssembly (src/search/text-index-tree.ts):
 * it reaches into MiniSearch's private fields, so these check that what it loads is the index
 * MiniSearch's own loading gives, term for term, and that it finds the same pages the same way.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { describe, expect, test } from 'vitest';
import { loadTextIndexTree, serializeTextIndexTree, type SerializedTextIndex } from '../../src/search/text-index-tree';
import { TEXT_INDEX_OPTIONS } from '../../src/search/text-index';

const PAGES = [
	{ id: 'en/tools/signal/', url: 'en/tools/signal/', title: 'Signal', text: 'Signal protects messages and calls. It needs a phone number; a username hides it.' },
	{ id: 'en/tools/veracrypt/', url: 'en/tools/veracrypt/', title: 'VeraCrypt', text: 'VeraCrypt encrypts a disk or a file container. Keep the password in KeePassXC.' },
	{ id: 'en/practices/passwords/', url: 'en/practices/passwords/', title: 'Passwords', text: 'A password manager such as KeePassXC keeps a different password for every account.' },
	// Arabic: many terms share the prefix "ال", the case the fast form is for.
	{ id: 'ar/tools/signal/', url: 'ar/tools/signal/', title: 'سيغنال Signal', text: 'التطبيق يحمي الرسائل والمكالمات. يحتاج التسجيل إلى رقم الهاتف، والاسم يخفي الرقم.' },
	{ id: 'ar/tools/jitsi/', url: 'ar/tools/jitsi/', title: 'Jitsi', text: 'الاجتماعات بالفيديو في المتصفح، بلا حساب. الرابط يكفي للانضمام إلى الاجتماع.' },
];
const SEARCH: SearchOptions = { prefix: true, fuzzy: 0.2, boost: { title: 3 } };
const QUERIES = ['Signal', 'signa', 'VeraCrypt', 'verakrypt', 'password', 'KeePassXC', 'ال', 'الرسائل', 'الاجتماع', 'Jitsi', 'nothing-like-this'];

function built() {
	const mini = new MiniSearch(TEXT_INDEX_OPTIONS);
	mini.addAll(PAGES);
	return mini;
}

describe('the search index in its fast-loading form', () => {
	test('loads into the index that was written: every term in the same order, every posting, document and stored field', () => {
		const mini = built();
		const loaded = loadTextIndexTree(serializeTextIndexTree(mini), TEXT_INDEX_OPTIONS);
		expect(loaded.toJSON()).toEqual(mini.toJSON());
		expect(loaded.termCount).toBe(mini.termCount);
		expect(loaded.documentCount).toBe(PAGES.length);
	});

	test.each(QUERIES)('finds for "%s" what MiniSearch finds, with the same scores, terms and stored fields', (query) => {
		const mini = built();
		const loaded = loadTextIndexTree(serializeTextIndexTree(mini), TEXT_INDEX_OPTIONS);
		expect(loaded.search(query, SEARCH)).toEqual(mini.search(query, SEARCH));
		expect(loaded.autoSuggest(query, SEARCH)).toEqual(mini.autoSuggest(query, SEARCH));
	});

	test('writes the tree, not a list of terms, and no posting for a field that lacks the term', () => {
		const serialized = JSON.parse(serializeTextIndexTree(built())) as SerializedTextIndex;
		expect(serialized.documents).not.toHaveProperty('index');
		expect(serialized.documents.documentCount).toBe(PAGES.length);
		// The root's edges: labels and children one after the other, a label shared by the Arabic terms among them.
		const labels = serialized.tree.filter((_, i) => i % 2 === 0) as string[];
		expect(labels.some((label) => label.startsWith('ا'))).toBe(true);
		const leaves: number[][][] = [];
		const walk = (node: SerializedTextIndex['tree']) => node.forEach((child, i) => i % 2 === 1 && (node[i - 1] === '' ? leaves.push(child as number[][]) : walk(child as SerializedTextIndex['tree'])));
		walk(serialized.tree);
		expect(leaves.length).toBe(built().termCount);
		for (const leaf of leaves) {
			expect(leaf).toHaveLength(TEXT_INDEX_OPTIONS.fields.length);
			expect(leaf.some((postings) => postings.length > 0)).toBe(true);
			for (const postings of leaf) expect(postings.length % 2).toBe(0);
		}
	});
});
