/**
 * Starlight renders the labels inside Markdown (callout titles, "Section titled …" on heading
 * anchors) with strings it reads from `src/content/i18n/`, where this project has none: its
 * interface strings live in `content/i18n/<lang>.json`. This Starlight plugin hands those strings to
 * Starlight as translations, so Markdown labels use the same strings as the rest of the page: a
 * Starlight string that Starlight leaves untranslated in a language (such as "Section titled" in
 * Arabic) is translated there once.
 */
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { parseJson, readText, uiFile } from './sources';

export function starlightStrings(root: string, languages: readonly { id: string; lang: string }[]): StarlightPlugin {
	return {
		name: 'playbook-strings',
		hooks: {
			'i18n:setup'({ injectTranslations }) {
				const strings: Record<string, Record<string, string>> = {};
				for (const language of languages) {
					try {
						const text = readText(root, uiFile(language.id));
						if (text === undefined) continue;
						strings[language.lang] = parseJson(text, uiFile(language.id)) as Record<string, string>;
					} catch {
						// A broken file is reported by the content check, which names the file and the fix.
					}
				}
				injectTranslations(strings);
			},
			'config:setup'() {},
		},
	};
}
