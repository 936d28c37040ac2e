/**
 * The generator's components that a page of the guide may use, and nothing else: a page is data,
 * written by editors and translators, and does not import code. The build gives every page the
 * components it names (src/integration.ts), and the content check (src/check/check-mdx.ts) refuses
 * any other element name, and any prop these components do not take or a value of the wrong kind.
 *
 * To let pages use a new component: add it here, with its file and its props.
 */
import { fileURLToPath } from 'node:url';

/** The kind of value a prop takes, written as a literal in the page. */
export type PropKind = 'string' | 'boolean' | 'number' | 'text-map';

export interface PageComponent {
	/** The component's file, as the build imports it. */
	file: string;
	/** Each prop the component takes, with the kind of value and whether a page must give it. */
	props: Record<string, { kind: PropKind; required?: boolean }>;
	/** What the component shows, for messages. */
	description: string;
}

export const PAGE_COMPONENTS = {
	CallToAction: { file: '@components/CallToAction.astro', props: {}, description: 'the link it holds, shown as a button' },
	CopyVerifier: { file: '@components/CopyVerifier.astro', props: {}, description: 'checks a copy of the guide in the browser' },
	DownloadList: { file: '@components/DownloadList.astro', props: {}, description: 'the files to download, with sizes and checksums' },
	ReleaseKey: { file: '@components/ReleaseKey.astro', props: { compact: { kind: 'boolean' } }, description: 'the release key and its fingerprint' },
	ResourceList: {
		file: '@components/ResourceList.astro',
		props: { topics: { kind: 'text-map', required: true }, otherLanguage: { kind: 'string' } },
		description: 'the further resources, by topic',
	},
	RiskSelector: { file: '@components/RiskSelector.astro', props: {}, description: 'the risk check' },
	ToolTable: { file: '@components/ToolTable.astro', props: {}, description: 'the table comparing the tools' },
} as const satisfies Record<string, PageComponent>;

/** The absolute path of a component named `@components/<file>`: the generator's components/ folder, wherever the guide's project is. */
export const componentPath = (file: string): string => fileURLToPath(new URL(`../../components/${file.replace(/^@components\//, '')}`, import.meta.url));

export type PageComponentName = keyof typeof PAGE_COMPONENTS;

/** The names of the components pages may use, in alphabetical order. */
export const PAGE_COMPONENT_NAMES = Object.keys(PAGE_COMPONENTS).sort() as PageComponentName[];

/** True when `name` is a component pages may use. */
export const isPageComponent = (name: string): name is PageComponentName => Object.hasOwn(PAGE_COMPONENTS, name);

/**
 * The import lines for the components a page uses, to be added to the page's module by the build.
 * `names` are element names found in the page; those that are no page component are left out.
 */
export function componentImports(names: Iterable<string>): string {
	const used = [...new Set(names)].filter(isPageComponent).sort();
	return used.map((name) => `import ${name} from ${JSON.stringify(componentPath(PAGE_COMPONENTS[name].file))};`).join('\n');
}
