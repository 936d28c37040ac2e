/**
 * Whether a page's HTML grows with the guide: the size of a tool, a practice and a scenario page
 * in two builds of the same guide, the second with about ten times the content pages
 * (makeTenfold in scripts/bench/sites.ts), and their ratio. Goal of #20: within 10 %, which a
 * sidebar bounded whatever the number of pages gives (src/site/bounded-sidebar.ts); a sidebar
 * listing every page made a tool page's HTML grow with each page added.
 * Used by the benchmark (scripts/bench.ts) and the test that builds a small guide at 1× and 10×
 * (tests/build/page-growth.test.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SECTIONS } from '../../src/check/model.ts';
import { dataFile, parseYaml, readText } from '../../src/check/sources.ts';

/** The kinds of page whose HTML is compared, each with the collection whose entries have such pages. */
export const GROWTH_KINDS = { tool: 'tools', practice: 'practices', scenario: 'scenarios' } as const;
export type GrowthKind = keyof typeof GROWTH_KINDS;
/** How much larger or smaller a page may be in the larger guide. */
export const MAX_GROWTH = 0.1;

/**
 * One page of each kind whose HTML is compared, relative to a language's root: the page of the first
 * entry of the guide's tools, practices and scenarios (content/data), such as `tools/<id>/`.
 */
export function growthPages(root: string): Record<GrowthKind, string> {
	return Object.fromEntries(
		Object.entries(GROWTH_KINDS).map(([kind, collection]) => {
			const file = dataFile(collection);
			const text = readText(root, file);
			const first = text === undefined ? undefined : (parseYaml(text, file) as { id?: unknown }[] | null)?.[0]?.id;
			if (typeof first !== 'string') throw new Error(`${file} lists no ${kind}: the page growth is measured on a page of each of ${Object.values(GROWTH_KINDS).join(', ')}`);
			return [kind, `${SECTIONS.find((s) => s.collection === collection)!.folder}/${first}/`];
		}),
	) as Record<GrowthKind, string>;
}

export interface HtmlGrowth {
	kind: GrowthKind;
	/** The page under dist/, such as en/tools/<id>/index.html. */
	page: string;
	/** Bytes of its HTML in each guide. */
	small: number;
	large: number;
	/** large / small. */
	ratio: number;
}

const bytes = (dist: string, page: string) => {
	const file = join(dist, page);
	if (!existsSync(file)) throw new Error(`${file} is missing: build the site (the site stage is enough) before comparing its pages' HTML`);
	return statSync(file).size;
};

/** The HTML sizes of `pages` (growthPages) in the languages `langs`, in the dist/ folders of a guide and of a larger one. */
export function htmlGrowth(smallDist: string, largeDist: string, langs: string[], pages: Record<GrowthKind, string>): HtmlGrowth[] {
	return langs.flatMap((lang) =>
		Object.entries(pages).map(([kind, path]) => {
			const page = `${lang}/${path}index.html`;
			const small = bytes(smallDist, page);
			const large = bytes(largeDist, page);
			return { kind: kind as HtmlGrowth['kind'], page, small, large, ratio: large / small };
		}),
	);
}

/** Lines for a report: each page's sizes and ratio, and whether it is within MAX_GROWTH. */
export function growthReport(rows: HtmlGrowth[], factor: string): string[] {
	return rows.map((r) => `${r.page.padEnd(40)} ${(r.small / 1024).toFixed(1).padStart(6)} KB  ${(r.large / 1024).toFixed(1).padStart(6)} KB at ${factor}  ${r.ratio.toFixed(3)}×${Math.abs(r.ratio - 1) <= MAX_GROWTH ? '' : ` (more than ${MAX_GROWTH * 100} % apart)`}`);
}
