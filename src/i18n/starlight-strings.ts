/**
 * Starlight renders the labels inside Markdown (callout titles, "Section titled …" on heading
 * anchors) with strings it reads from `src/content/i18n/`, where a playbook has none: its
 * interface strings live in `content/i18n/<lang>.json`. The plugin (src/index.ts) hands those
 * strings to Starlight as translations, so Markdown labels use the same strings as the rest of the
 * page: a Starlight string that Starlight leaves untranslated in a language (such as "Section
 * titled" in Arabic) is translated there once.
 */
import { loadLanguages } from '../check/site-data.ts';
import { parseJson, readText, uiFile } from '../check/sources.ts';

/** The guide's interface strings by `lang` tag, for Starlight; a file that cannot be read is left out (the content check reports it, with the file and the fix). */
export function guideStrings(root: string): Record<string, Record<string, string>> {
	const strings: Record<string, Record<string, string>> = {};
	let languages: { id: string; lang: string }[];
	try {
		languages = loadLanguages(root);
	} catch {
		return strings;
	}
	for (const language of languages) {
		try {
			const text = readText(root, uiFile(language.id));
			if (text !== undefined) strings[language.lang] = parseJson(text, uiFile(language.id)) as Record<string, string>;
		} catch {
			// Reported by the content check.
		}
	}
	return strings;
}
