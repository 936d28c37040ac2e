/**
 * The playbook generator, as a Starlight plugin. A guide's astro.config.mjs:
 *
 *   import starlight from '@astrojs/starlight';
 *   import { defineConfig } from 'astro/config';
 *   import playbook, { guideLocales } from 'safe-comms-playbook';
 *
 *   export default defineConfig({
 *     integrations: [starlight({ title: 'Our playbook', ...guideLocales('./content'), plugins: [playbook({ content: './content' })] })],
 *   });
 *
 * and its src/content.config.ts: `export { collections } from 'safe-comms-playbook/collections';`.
 *
 * The plugin tells Starlight what a playbook needs (the languages, titles and sidebar from the
 * guide's data, the overrides, the route middleware, search built after the policy), and adds the
 * integration (src/integration.ts) that checks the content before anything renders, adds the
 * generator's pages, and runs the build's stages after Astro has written the site, so that
 * `astro build` makes all of it: site, policy, search, handouts, bundles, checksums, signatures.
 */
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { AstroError } from 'astro/errors';
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playbookIntegration } from './integration.ts';
import { checkContent } from './check/check-content.ts';
import { loadSiteConfig } from './check/site-config.ts';
import { loadLanguages } from './check/site-data.ts';
import type { Language } from './schemas/language.ts';
import { setContentDir } from './check/sources.ts';
import { guideStrings } from './i18n/starlight-strings.ts';

export interface PlaybookOptions {
	/**
	 * The guide's folder (data, pages, interface strings, texts), from the project root:
	 * './content' when not given.
	 */
	content?: string;
}

/** Starlight's components that the playbook replaces, with what each one brings. */
const OVERRIDES = {
	Header: ['Header.astro', 'the quick exit and the language and theme choice that work without JavaScript'],
	Sidebar: ['Sidebar.astro', 'a sidebar that stays short on every page, with a link to the list of all pages'],
	Search: ['Search.astro', 'search that works without WebAssembly and without JavaScript'],
	PageTitle: ['PageTitle.astro', 'the review date and the translation notice under each title'],
	MarkdownContent: ['MarkdownContent.astro', 'the facts, scenarios and related tools of data pages'],
	ThemeSelect: ['ThemeSelect.astro', 'a theme choice that stores nothing about the reader'],
	ThemeProvider: ['ThemeProvider.astro', 'the theme without JavaScript'],
	LanguageSelect: ['LanguageSelect.astro', 'language links that work without JavaScript'],
} as const;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Starlight's locale of each of a guide's languages, as `starlight({ locales })` takes them. */
const localesOf = (languages: readonly Language[]) => Object.fromEntries(languages.map((l) => [l.id, { label: l.label, lang: l.lang, dir: l.dir }]));

/**
 * The guide's languages as Starlight's `defaultLocale` and `locales`, read from
 * `<content>/data/languages.yaml` (the folder from the project root, which is where Astro runs):
 * `starlight({ title, ...guideLocales('./content'), plugins: [playbook({ content: './content' })] })`.
 * Starlight must be given them itself: it prepares the labels inside Markdown (callout titles,
 * heading anchors) for the languages it is given before any plugin runs. The plugin checks that
 * they are the guide's.
 */
export function guideLocales(content = './content'): { defaultLocale?: string; locales?: ReturnType<typeof localesOf> } {
	const root = process.cwd();
	setContentDir(relative(root, resolve(root, content)).split('\\').join('/') || '.');
	try {
		const languages = loadLanguages(root);
		return { defaultLocale: languages[0]!.id, locales: localesOf(languages) };
	} catch {
		// A guide whose languages cannot be read: the content check names the file and the fix, and
		// Starlight meanwhile has its own default language, since the generator knows none of its own.
		return {};
	}
}

/** The playbook generator as a Starlight plugin; see the top of this file and README, "Make your own playbook". */
export default function playbook(options: PlaybookOptions = {}): StarlightPlugin {
	const content = options.content ?? './content';
	if (typeof content !== 'string' || !content.trim()) throw new AstroError('playbook({ content }) must be a folder, such as "./content".', 'Give the folder of the guide, from the project root.');
	// The project root is known in `config:setup`; the Markdown labels (`i18n:setup`, which runs
	// first) are read from the folder Astro runs in, which is the project root unless --root is given.
	const contentFolder = (root: string) => relative(root, resolve(root, content)).split('\\').join('/') || '.';
	return {
		name: 'playbook',
		hooks: {
			'i18n:setup'({ injectTranslations }) {
				const root = process.cwd();
				setContentDir(contentFolder(root));
				injectTranslations(guideStrings(root));
			},
			'config:setup'({ config, updateConfig, addIntegration, addRouteMiddleware, astroConfig, logger }) {
				const root = fileURLToPath(astroConfig.root);
				const folder = contentFolder(root);
				if (isAbsolute(folder) || folder.startsWith('..')) throw new AstroError(`playbook({ content: ${JSON.stringify(content)} }) is outside the project (${root}).`, 'Keep the guide inside the project folder, such as "./content".');
				if (!existsSync(resolve(root, folder))) throw new AstroError(`The guide's folder ${folder}/ does not exist in ${root}.`, `Create it (see README, "Make your own playbook"), or give its place: playbook({ content: './my-guide' }).`);
				setContentDir(folder);
				// The content is checked once per build: the site's config and the integration share the result.
				const started = performance.now();
				const checked = checkContent(root);
				const checkMs = performance.now() - started;
				const site = loadSiteConfig(root, checked);


				// Starlight's languages must be the guide's (see guideLocales above).
				if (checked.data) {
					const wanted = localesOf(checked.data.languages);
					const given = (config.locales ?? {}) as Record<string, { label?: string; lang?: string; dir?: string }>;
					const same = config.defaultLocale === checked.data.languages[0]!.id && Object.keys(given).join() === Object.keys(wanted).join() && Object.entries(wanted).every(([id, l]) => given[id]?.lang === l.lang && given[id]?.dir === l.dir && given[id]?.label === l.label);
					if (!same)
						throw new AstroError(
							`Starlight's languages (${Object.keys(given).join(', ') || 'none'}) are not those of ${folder}/data/languages.yaml (${Object.keys(wanted).join(', ')}).`,
							`Give Starlight the guide's own: starlight({ title, ...guideLocales(${JSON.stringify(content)}), plugins: [playbook(${options.content ? `{ content: ${JSON.stringify(content)} }` : ''})] }), with guideLocales imported from 'safe-comms-playbook'.`,
						);
				}

				// A site may replace one of the playbook's overrides with its own: said, since what the
				// playbook's one brings is then missing.
				const own = config.components ?? {};
				const components: Record<string, string> = {};
				for (const [name, [file, brings]] of Object.entries(OVERRIDES)) {
					if (own[name as keyof typeof own]) logger.warn(`the site's own ${name} (${own[name as keyof typeof own]}) replaces the playbook's (src/overrides/${file}): the site then lacks ${brings}.`);
					else components[name] = here(`./overrides/${file}`);
				}
				updateConfig({
					title: site.title,
					sidebar: site.sidebar,
					customCss: [here('./styles/playbook.css'), ...(config.customCss ?? [])],
					components: { ...own, ...components },
					// No page shows code blocks, so no code highlighting is shipped.
					expressiveCode: false,
					// The search index is a stage of the build (scripts/build/stages.ts), run after every page
					// has its Content-Security-Policy. The search box stays: it is an override (Search.astro).
					pagefind: false,
					lastUpdated: false,
					// The root 404 (src/routes/404.astro) speaks every language; each language has its own at /<lang>/404/.
					disable404Route: true,
					markdown: { ...config.markdown, processedDirs: [`./${folder}/docs`] },
				});
				addRouteMiddleware({ entrypoint: here('./route-middleware.ts') });
				addIntegration(playbookIntegration(checked, checkMs));
				// Without a public address there is no sitemap to write. Starlight would add its sitemap
				// integration anyway, which then warns and writes nothing; a stand-in of the same name keeps
				// it out, and the build says it plainly, once (src/integration.ts).
				if (!astroConfig.site) addIntegration({ name: '@astrojs/sitemap', hooks: {} });
			},
		},
	};
}

export { playbook };
