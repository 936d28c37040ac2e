/**
 * The two other sites the benchmark builds, in folders under the project's .scratch/ (so that Astro
 * run there finds the project's node_modules by walking up, as the build tests do):
 *
 * - baseline: a plain Starlight site with the same languages, sidebar and prose: every page of
 *   content/docs/ with its components taken out, and Starlight's defaults for everything else.
 * - tenfold: a copy of the project with every tool, practice and scenario repeated until the
 *   guide has about ten times its content pages, in every language (or any other factor: the
 *   hundredfold run has a hundred times).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../../src/build/files.ts';

const SOURCES = ['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

function fresh(root: string, name: string): string {
	const dir = join(root, '.scratch', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** Content pages (MDX files) per language of a project folder. */
export function contentPages(dir: string): Record<string, number> {
	const docs = join(dir, 'content/docs');
	return Object.fromEntries(readdirSync(docs).map((lang) => [lang, filesUnder(join(docs, lang)).filter((f) => f.endsWith('.mdx')).length]));
}

/** Prose only: imports and component tags (`<Name ... />` on one or more lines) are taken out. */
export function proseOnly(mdx: string): string {
	const end = mdx.indexOf('\n---', 4);
	const front = mdx.slice(0, end + 4);
	const body = mdx
		.slice(end + 4)
		.replace(/^import .*$/gm, '')
		.replace(/<[A-Z][\w.]*(?:\s[^>]*)?\/>/g, '')
		.replace(/<([A-Z][\w.]*)(?:\s[^>]*)?>[\s\S]*?<\/\1>/g, '');
	return front + body;
}

export function makeBaseline(root: string): string {
	const dir = fresh(root, 'bench-baseline');
	for (const rel of filesUnder(join(root, 'content/docs'))) {
		const file = join(root, 'content/docs', rel);
		const target = join(dir, 'src/content/docs', rel);
		mkdirSync(join(target, '..'), { recursive: true });
		writeFileSync(target, proseOnly(readFileSync(file, 'utf8')));
	}
	mkdirSync(join(dir, 'src'), { recursive: true });
	// Starlight's template ships a favicon in public/; this one is the playbook's.
	cpSync(join(root, 'public'), join(dir, 'public'), { recursive: true });
	writeFileSync(
		join(dir, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	);
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		`// A plain Starlight site: Starlight's defaults, the playbook's languages, sidebar and prose.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { loadSiteConfig } from ${JSON.stringify(join(root, 'src/check/site-config.ts'))};

const site = loadSiteConfig(${JSON.stringify(root)});
export default defineConfig({
	integrations: [starlight({ title: site.title, defaultLocale: site.source, locales: site.locales, sidebar: site.sidebar })],
});
`,
	);
	// Astro finds the packages that need bundling (Starlight's components) in the dependencies.
	const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
	const deps = { astro: dependencies.astro!, '@astrojs/starlight': dependencies['@astrojs/starlight']! };
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-baseline', private: true, type: 'module', dependencies: deps }, null, '\t'));
	return dir;
}

/** YAML list entries of a data file, each as its text, in order; `head` is what comes before the first. */
function entries(yaml: string): { head: string; items: string[] } {
	const parts = yaml.split(/^(?=- id: )/m);
	return { head: parts[0]!.startsWith('- id: ') ? '' : parts.shift()!, items: parts };
}

/** Leaves only the languages `keep` in a copy of the project: its entries, pages, strings and texts, and resources listed for them. */
function keepLanguages(dir: string, keep: string[]) {
	const path = join(dir, 'content/data/languages.yaml');
	const { head, items } = entries(readFileSync(path, 'utf8'));
	const gone = items.map((i) => /^- id: (\S+)/.exec(i)![1]!).filter((id) => !keep.includes(id));
	writeFileSync(path, head + items.filter((i) => keep.includes(/^- id: (\S+)/.exec(i)![1]!)).join(''));
	const resources = join(dir, 'content/data/resources.yaml');
	const listed = entries(readFileSync(resources, 'utf8'));
	const kept = listed.items.flatMap((item) => {
		const langs = /^ {2}listedFor: \[(.*)\]$/m.exec(item)![1]!.split(',').map((l) => l.trim()).filter((l) => keep.includes(l));
		return langs.length ? [item.replace(/^( {2}listedFor: ).*$/m, `$1[${langs.join(', ')}]`)] : [];
	});
	writeFileSync(resources, listed.head + kept.join(''));
	for (const lang of gone)
		for (const rel of [`content/docs/${lang}`, `content/i18n/${lang}.json`, `content/text/${lang}.yaml`]) rmSync(join(dir, rel), { recursive: true, force: true });
}

/**
 * A copy of the project with `copies` more of every tool, practice and scenario, each with its
 * pages in every language (the same prose, so translations stay current) and its texts; with
 * `factor` 1, a plain copy. `name` is its folder under .scratch/; `languages`, when given, are the
 * only ones it keeps (a smaller site for a test that compares two builds).
 */
export function makeTenfold(root: string, factor = 10, { name = factor === 10 ? 'bench-tenfold' : `bench-${factor}fold`, languages }: { name?: string; languages?: string[] } = {}): { dir: string; copies: number; pages: Record<string, number> } {
	const dir = fresh(root, name);
	for (const part of SOURCES) cpSync(join(root, part), join(dir, part), { recursive: true });
	if (languages) keepLanguages(dir, languages);
	const sections = [
		{ data: 'tools', folder: 'tools' },
		{ data: 'practices', folder: 'practices' },
		{ data: 'scenarios', folder: 'scenarios' },
	];
	const before = contentPages(dir);
	const source = Object.keys(before)[0]!;
	const ids = Object.fromEntries(sections.map((s) => [s.data, entries(readFileSync(join(root, `content/data/${s.data}.yaml`), 'utf8')).items.map((e) => /^- id: (\S+)/.exec(e)![1]!)]));
	const repeatable = sections.reduce((n, s) => n + ids[s.data]!.length, 0);
	// Enough copies that the guide has at least `factor` times its pages.
	const copies = Math.ceil(((factor - 1) * before[source]!) / repeatable);
	const copyId = (id: string, n: number) => `${id}-copy-${n}`;

	for (const section of sections) {
		const path = join(dir, `content/data/${section.data}.yaml`);
		const { head, items } = entries(readFileSync(path, 'utf8'));
		const more: string[] = [];
		for (let n = 1; n <= copies; n++)
			for (const item of items) {
				const id = /^- id: (\S+)/.exec(item)![1]!;
				// A copied scenario keeps its route and its clean-up: no plan leads to it, so the quick
				// card has it among the clean-ups, and must decide what of them its sheet holds.
				const copy = item.replace(/^- id: \S+/, `- id: ${copyId(id, n)}`).replace(/^(  name: .*)$/m, `$1 ${n + 1}`);
				more.push(copy.replace(/\n*$/, '\n'));
			}
		writeFileSync(path, head + items.map((i) => i.replace(/\n*$/, '\n')).join('') + more.join(''));
		for (const lang of Object.keys(before))
			for (const id of ids[section.data]!) {
				const page = join(dir, `content/docs/${lang}/${section.folder}/${id}.mdx`);
				const text = readFileSync(page, 'utf8');
				for (let n = 1; n <= copies; n++) writeFileSync(join(dir, `content/docs/${lang}/${section.folder}/${copyId(id, n)}.mdx`), text);
			}
	}
	// Texts keyed by a copied entry's id (a scenario's name and steps, a sentence next to a tool's
	// fact), in every language: each copy gets its own.
	const keyed = [
		{ prefixes: ['scenario', 'step'], ids: ids.scenarios! },
		{ prefixes: ['tool'], ids: ids.tools! },
		{ prefixes: ['practice'], ids: ids.practices! },
	];
	const KEY = /^([a-z]+)\.([a-z0-9-]+)(?=[.:])/;
	for (const lang of Object.keys(before)) {
		const path = join(dir, `content/text/${lang}.yaml`);
		const text = readFileSync(path, 'utf8');
		const lines = text.split('\n').filter((line) => {
			const key = KEY.exec(line);
			return !!key && keyed.some((k) => k.prefixes.includes(key[1]!) && k.ids.includes(key[2]!));
		});
		const more: string[] = [];
		for (let n = 1; n <= copies; n++) for (const line of lines) more.push(line.replace(KEY, (_, kind: string, id: string) => `${kind}.${copyId(id, n)}`));
		writeFileSync(path, text.replace(/\n*$/, '\n') + more.join('\n') + '\n');
	}
	return { dir, copies, pages: contentPages(dir) };
}
