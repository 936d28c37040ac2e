import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/** Head tags left out of every page: they name the software and its version, and announce a large preview image that does not exist. */
const DROPPED_META = new Set(['generator', 'twitter:card']);

/**
 * A page missing in a language is shown in the source language with a notice. Its text must not
 * enter that language's search index, so fallback pages are left out of Pagefind.
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (route.isFallback) route.entry.data.pagefind = false;
	route.head = route.head.filter((tag) => !(tag.tag === 'meta' && DROPPED_META.has(String(tag.attrs?.name))));
});
