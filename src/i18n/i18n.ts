/**
 * Helpers for components: the current language, texts attached to data ids, links and dates.
 */
import { getCollection, getEntry, type CollectionKey } from 'astro:content';
import site from 'virtual:playbook/config';
import { fillText } from '../build/safe-text';

/** A data collection's entries in the order of its file (collections themselves keep no order). */
export async function inFileOrder<C extends CollectionKey>(collection: C) {
	const order = site.order[collection] ?? [];
	const entries = await getCollection(collection);
	return entries.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/**
 * The language folder of the page being rendered, such as `ar`. Inside a page built with
 * StarlightPage, components render before Starlight's route data exists: then the first
 * segment of the URL says it.
 */
export function pageLang(astro: { locals: App.Locals; url: URL }): string {
	try {
		return astro.locals.starlightRoute.locale ?? astro.locals.starlightRoute.lang;
	} catch {
		const path = astro.url.pathname.slice(import.meta.env.BASE_URL.replace(/\/$/, '').length);
		return path.split('/').filter(Boolean)[0] ?? site.source;
	}
}

/**
 * The page `slug` (`practices/passwords`, or '' for the start page) in a language, or in the
 * source language when it is not translated yet, as the site itself falls back.
 */
export async function localizedEntry(lang: string, slug: string) {
	const id = (l: string) => (slug ? `${l}/${slug}` : l);
	return (await getEntry('docs', id(lang))) ?? (await getEntry('docs', id(site.source)));
}

/** Returns a lookup for `content/text/<lang>.yaml`; the content check guarantees every key exists. */
export async function texts(lang: string): Promise<(key: string) => string> {
	const entry = await getEntry('text', lang);
	const map = (entry?.data ?? {}) as Record<string, string>;
	return (key) => map[key] ?? key;
}

/** The URL of a page of the guide in a language, honouring the configured base path. */
/** Every language, in file order, with its interface strings: for the pages outside any language. */
export async function languagesWithStrings() {
	return Promise.all(site.languages.map(async (language) => ({ language, strings: (await getEntry('i18n', language.id))!.data as Record<string, string> })));
}

export function pageUrl(lang: string, slug: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	return `${base}/${lang}/${slug ? `${slug}/` : ''}`;
}

/** A date in the reader's language, written out so that it cannot be misread (3 March, not 3/4). */
export function formatDate(date: Date, lang: string): string {
	return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

// Lists joined as the language joins them, kept in a module of their own that needs no Astro, for tests.
export { formatList, listParts, type ListType } from './list-format';

/** A label followed by a colon, as the language writes it ("With the person:", "Avec la personne :"): content/i18n's "format.label". */
export const labelled = (t: { all(): Record<string, string | undefined> }, label: string): string => fillText(t.all()['format.label']!, { label });
