import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/**
 * A page missing in a language is shown in the source language with a notice. Its text must not
 * enter that language's search index, so fallback pages are left out of Pagefind.
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (route.isFallback) route.entry.data.pagefind = false;
});
