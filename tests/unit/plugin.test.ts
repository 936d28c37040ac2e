/**
 * The Starlight plugin (src/index.ts) on its own: what it tells Starlight, what it says of a site's
 * own overrides, and how it refuses a guide folder it cannot use. Its hook is called as Starlight
 * calls it, on an empty project folder: the content check's problems are the integration's to
 * report (tests/build), not the plugin's.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import playbook from '../../src/index';
import { contentDir, setContentDir } from '../../src/check/sources';

const root = mkdtempSync(join(tmpdir(), 'playbook-plugin-'));
mkdirSync(join(root, 'content'));
mkdirSync(join(root, 'guides/ours'), { recursive: true });
afterAll(() => {
	rmSync(root, { recursive: true, force: true });
	setContentDir('content');
});

type Setup = NonNullable<ReturnType<typeof playbook>['hooks']['config:setup']>;

/** Runs the plugin's `config:setup` as Starlight would, with the site's own Starlight config; returns what it set, said and added. */
function setup(options: Parameters<typeof playbook>[0], config: Record<string, unknown> = {}, astro: { site?: string } = {}) {
	const updates: Record<string, unknown>[] = [];
	const warnings: string[] = [];
	const integrations: { name: string }[] = [];
	const middleware: string[] = [];
	const hook = playbook(options).hooks['config:setup'] as Setup;
	hook({
		config: { title: 'Site', ...config },
		updateConfig: (update: Record<string, unknown>) => updates.push(update),
		addIntegration: (integration: { name: string }) => integrations.push(integration),
		addRouteMiddleware: ({ entrypoint }: { entrypoint: string }) => middleware.push(entrypoint),
		astroConfig: { root: pathToFileURL(`${root}/`), ...astro },
		logger: { warn: (m: string) => warnings.push(m), info: () => {}, error: () => {}, debug: () => {}, fork: () => ({}) },
		command: 'build',
		isRestart: false,
		useTranslations: () => () => '',
		absolutePathToLang: () => 'en',
	} as unknown as Parameters<Setup>[0]);
	return { update: Object.assign({}, ...updates) as Record<string, unknown>, warnings, integrations, middleware };
}

describe('the playbook plugin', () => {
	test('tells Starlight what a playbook needs, and adds its integration and route middleware', () => {
		const { update, integrations, middleware } = setup({});
		expect(update).toMatchObject({ pagefind: false, expressiveCode: false, lastUpdated: false, disable404Route: true, markdown: { processedDirs: ['./content/docs'] } });
		expect(Object.keys(update.components as object).sort()).toEqual(['Header', 'LanguageSelect', 'MarkdownContent', 'PageTitle', 'Search', 'Sidebar', 'ThemeProvider', 'ThemeSelect']);
		expect((update.customCss as string[])[0]).toMatch(/src\/styles\/playbook\.css$/);
		// Without a public address (astroConfig.site), a stand-in keeps Starlight's sitemap integration out.
		expect(integrations.map((i) => i.name)).toEqual(['playbook', '@astrojs/sitemap']);
		expect(integrations[1]).toEqual({ name: '@astrojs/sitemap', hooks: {} });
		expect(middleware).toHaveLength(1);
		expect(middleware[0]).toMatch(/src\/route-middleware\.ts$/);
	});

	test('leaves the sitemap to Starlight when the site has a public address', () => {
		const { integrations } = setup({}, {}, { site: 'https://guide.example.org' });
		expect(integrations.map((i) => i.name)).toEqual(['playbook']);
	});

	test("keeps a site's own override of a component it also overrides, and says what the site then lacks", () => {
		const { update, warnings } = setup({}, { components: { Header: './src/MyHeader.astro' }, customCss: ['./src/ours.css'] });
		expect((update.components as Record<string, string>).Header).toBe('./src/MyHeader.astro');
		expect((update.components as Record<string, string>).Sidebar).toMatch(/src\/overrides\/Sidebar\.astro$/);
		expect(warnings).toEqual([expect.stringContaining("the site's own Header (./src/MyHeader.astro) replaces the playbook's (src/overrides/Header.astro): the site then lacks the quick exit")]);
		// The site's own stylesheets come after the playbook's, so that they can change it.
		expect((update.customCss as string[]).slice(1)).toEqual(['./src/ours.css']);
	});

	test('reads the guide from the folder it is given', () => {
		const { update } = setup({ content: './guides/ours/' });
		expect(update.markdown).toEqual({ processedDirs: ['./guides/ours/docs'] });
		expect(contentDir()).toBe('guides/ours');
	});

	test('refuses a guide folder that does not exist, or is outside the project, naming it', () => {
		expect(() => setup({ content: './gide' })).toThrow("The guide's folder gide/ does not exist in");
		expect(() => setup({ content: '../elsewhere' })).toThrow('playbook({ content: "../elsewhere" }) is outside the project');
	});
});
