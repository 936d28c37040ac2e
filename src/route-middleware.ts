import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/** Head tags left out of every page: they name the software and its version, and announce a large preview image that does not exist. */
const DROPPED_META = new Set(['generator', 'twitter:card']);

/** A title as the text of a <title> element: `&` and `<` escaped, so that it cannot end the element or start another. */
const escapeTitle = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A page missing in a language is shown in the source language with a notice. Its text must not
 * enter that language's search index, so fallback pages are left out of Pagefind.
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (route.isFallback) route.entry.data.pagefind = false;
	route.head = route.head
		.filter((tag) => !(tag.tag === 'meta' && DROPPED_META.has(String(tag.attrs?.name))))
		// Starlight writes a head element's content as raw HTML; a title is text ("x</title><meta …>" stays text).
		.map((tag) => (tag.tag === 'title' && tag.content ? { ...tag, content: escapeTitle(tag.content) } : tag));
});
