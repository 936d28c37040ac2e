// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { fileURLToPath } from 'node:url';
import { playbook } from './src/integration.ts';
import { loadSiteConfig } from './src/lib/site-config.ts';
import { starlightStrings } from './src/lib/starlight-strings.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const site = loadSiteConfig(root);

export default defineConfig({
	// Set SITE_URL to the public address when deploying, e.g. https://guide.example.org
	site: process.env.SITE_URL,
	// No prefetching: readers on slow or metered links, or on Tor, load only the pages they open.
	prefetch: false,
	// Every page's text arrives in its HTML; what pages share comes in files a browser keeps:
	// one stylesheet for the whole site, and scripts as files rather than inlined in each page.
	build: { inlineStylesheets: 'never' },
	vite: {
		build: {
			cssCodeSplit: false,
			// Scripts are never inlined, but an empty one is "inlined" as nothing instead of being
			// fetched as an empty file (Starlight's sidebar state script, see src/integration.ts).
			assetsInlineLimit: (file, content) => (/\.m?js$/.test(file) ? content.length === 0 : undefined),
			rollupOptions: {
				// MDX pages carry an Astro directive that the bundler reports once per page; it is expected.
				onwarn(warning, warn) {
					if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
				},
			},
		},
	},
	integrations: [
		playbook(),
		starlight({
			title: site.title,
			defaultLocale: site.source,
			locales: site.locales,
			sidebar: site.sidebar,
			markdown: { processedDirs: ['./content/docs'] },
			// Labels inside Markdown (callout titles, heading anchors) use content/i18n/<lang>.json too.
			plugins: [starlightStrings(root, site.languages)],
			customCss: ['./src/styles/playbook.css'],
			// No page shows code blocks, so no code highlighting is shipped.
			expressiveCode: false,
			// The search index is a stage of the build (scripts/build/stages.ts), run after every page
			// has its Content-Security-Policy. The search box stays: it is an override (Search.astro).
			pagefind: false,
			routeMiddleware: './src/route-middleware.ts',
			lastUpdated: false,
			// The root 404 (src/routes/404.astro) speaks every language; each language has its own at /<lang>/404/.
			disable404Route: true,
			components: {
				Header: './src/overrides/Header.astro',
				Sidebar: './src/overrides/Sidebar.astro',
				Search: './src/overrides/Search.astro',
				PageTitle: './src/overrides/PageTitle.astro',
				MarkdownContent: './src/overrides/MarkdownContent.astro',
				ThemeSelect: './src/overrides/ThemeSelect.astro',
				ThemeProvider: './src/overrides/ThemeProvider.astro',
				LanguageSelect: './src/overrides/LanguageSelect.astro',
			},
		}),
	],
});
