/**
 * The labels of Pagefind's search box in every language, from the `pagefind.*` keys of
 * content/i18n/<lang>.json, keyed by the language's `lang` tag as pages write it in `<html lang>`.
 * The search box loads them with its own code when a reader first opens it, so pages do not
 * carry them.
 *
 * The search term is set apart from the sentence around it with Unicode isolates (U+2068 … U+2069),
 * so that a Latin query in an Arabic sentence, or the reverse, does not carry the count or the
 * punctuation to its other side.
 */
import { parseJson, readText, uiFile } from '../check/sources';

export function searchStrings(root: string, languages: readonly { id: string; lang: string }[]): Record<string, Record<string, string>> {
	return Object.fromEntries(
		languages.map((language) => {
			const ui = parseJson(readText(root, uiFile(language.id)) ?? '{}', uiFile(language.id)) as Record<string, string>;
			const labels = Object.entries(ui)
				.filter(([key]) => key.startsWith('pagefind.'))
				.map(([key, value]) => [key.slice('pagefind.'.length), value.replace('[SEARCH_TERM]', '\u2068[SEARCH_TERM]\u2069')]);
			return [language.lang, Object.fromEntries(labels)];
		}),
	);
}
