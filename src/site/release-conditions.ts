/**
 * Passages of a page that hold only for a signed release, or only for an unsigned one:
 * `<WhenSigned>…</WhenSigned>` and `<WhenUnsigned>…</WhenUnsigned>`, around Markdown. A release
 * is signed when the guide publishes a release key (`data/release-keys.yaml`), as the release key
 * and copy checker components read it: the build then signs the downloads, or fails without the
 * key's secret half.
 *
 * Before a page is rendered, the passage is kept without the element around it, or left out with
 * what it holds, headings included: the table of contents, search, the single files and the
 * handouts never name a section the page does not show. The content check accepts these two
 * elements, without attributes (src/check/check-mdx.ts).
 */

/** Each element, with whether its passage is for a signed release. */
export const RELEASE_CONDITIONS = { WhenSigned: true, WhenUnsigned: false } as const;

export type ReleaseCondition = keyof typeof RELEASE_CONDITIONS;

export const isReleaseCondition = (name: string | null | undefined): name is ReleaseCondition => !!name && Object.hasOwn(RELEASE_CONDITIONS, name);

/** Whether the passage of `name` is shown in a release that is `signed` (or not). */
export const conditionHolds = (name: ReleaseCondition, signed: boolean): boolean => RELEASE_CONDITIONS[name] === signed;

interface ElementNode {
	name?: string | null;
	children: readonly unknown[];
}

interface Context {
	replaceNode(node: ElementNode, replacement: unknown[]): void;
}

/**
 * The Sätteri Markdown plugin (Astro 7's Markdown and MDX processor) that keeps or drops these
 * passages, for a release that is `signed` or not.
 */
export function releaseConditionsPlugin(signed: boolean) {
	const visit = (node: ElementNode, context: Context) => {
		if (!isReleaseCondition(node.name)) return;
		context.replaceNode(node, conditionHolds(node.name, signed) ? [...node.children] : []);
	};
	return { name: 'playbook-release-conditions', mdxJsxFlowElement: visit, mdxJsxTextElement: visit };
}
