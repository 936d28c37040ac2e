/**
 * Lists joined the way the page's language joins them (Intl.ListFormat): names side by side, and a
 * list cut short that ends in the count of the names left out.
 */

/**
 * How a list is joined: `unit`, names side by side ("a, b, c" in English, "a، وb، وc" in Arabic);
 * `conjunction`, a list that ends in the count of the names left out (content/i18n's card.more,
 * which carries no "and" of its own), which the language joins with its "and": "a, b, and 12 more",
 * "a, b y 12 más", "a, b et 12 autres", "a وb و12 غيرها".
 */
export type ListType = 'unit' | 'conjunction';

const listFormat = (lang: string, type: ListType) => new Intl.ListFormat(lang, type === 'unit' ? { type, style: 'short' } : { type, style: 'long' });

/** Joins names the way the language lists them (see ListType). */
export function formatList(lang: string, items: string[], type: ListType = 'unit'): string {
	return listFormat(lang, type).format(items);
}

/**
 * The same, for items that are rendered as elements (links): the items' indexes with the
 * language's separators between them, so a component can place its own markup for each item.
 */
export function listParts(lang: string, count: number, type: ListType = 'unit'): ({ index: number } | { literal: string })[] {
	const placeholders = Array.from({ length: count }, (_, i) => `\u0000${i}\u0000`);
	return listFormat(lang, type)
		.formatToParts(placeholders)
		.map((part) => (part.type === 'element' ? { index: placeholders.indexOf(part.value) } : { literal: part.value }));
}
