/**
 * Pages that would silently hide one another: two files for one address (`signal.md` next to
 * `signal.mdx`, where one wins without a word), and two pages with the same `slug:` in their
 * frontmatter (which Astro reports as a confusing sidebar error). Each is named with its files.
 */
import { parseYaml, readText, splitFrontmatter, type PageFile } from './sources.ts';

export interface PageProblem {
	file: string;
	field?: string;
	message: string;
	fix: string;
}

/** The address a page gets: its `slug:` when it has one, else its path below content/docs without extension. */
function pageId(page: PageFile, frontmatter: unknown): { id: string; fromSlug: boolean } {
	const slug = frontmatter && typeof frontmatter === 'object' ? (frontmatter as Record<string, unknown>).slug : undefined;
	if (typeof slug === 'string' && slug.trim()) return { id: slug.trim().replace(/^\/+|\/+$/g, ''), fromSlug: true };
	return { id: page.slug === page.lang ? page.lang : `${page.lang}/${page.slug}`.replace(/\/index$/, ''), fromSlug: false };
}

/** The site path of a page: `/en/tools/signal/`, `/en/` for a language's index. */
export function pageRoute(page: PageFile, frontmatter: unknown): string {
	return `/${pageId(page, frontmatter).id}/`;
}

export function checkPageFiles(root: string, pages: readonly PageFile[]): PageProblem[] {
	const problems: PageProblem[] = [];
	// Two files, one path: the same name with .md and .mdx.
	const byPath = new Map<string, PageFile[]>();
	for (const page of pages) byPath.set(`${page.lang}/${page.slug}`, [...(byPath.get(`${page.lang}/${page.slug}`) ?? []), page]);
	for (const same of byPath.values()) {
		if (same.length < 2) continue;
		// The guide's pages are MDX: the other file is the one to fold in and remove.
		const kept = same.find((p) => p.file.endsWith('.mdx')) ?? same[0]!;
		for (const page of same.filter((p) => p !== kept))
			problems.push({
				file: page.file,
				message: `two files for one page: ${same.map((p) => p.file).join(' and ')}; only one of them would be shown`,
				fix: `keep one of them: move what this file adds into ${kept.file} and delete ${page.file}.`,
			});
	}
	// Two pages, one address: a `slug:` that another page already has, or another page's path.
	const byId = new Map<string, { page: PageFile; fromSlug: boolean }>();
	for (const page of pages) {
		const same = byPath.get(`${page.lang}/${page.slug}`)!;
		if (same.length > 1 && page !== (same.find((p) => p.file.endsWith('.mdx')) ?? same[0])) continue;
		let frontmatter: unknown;
		try {
			const { frontmatter: text } = splitFrontmatter(readText(root, page.file) ?? '');
			frontmatter = text === undefined ? undefined : parseYaml(text, page.file);
		} catch {
			continue; // reported by the frontmatter check
		}
		const { id, fromSlug } = pageId(page, frontmatter);
		const first = byId.get(id);
		if (!first) {
			byId.set(id, { page, fromSlug });
			continue;
		}
		const culprit = fromSlug ? page : first.fromSlug ? first.page : page;
		const other = culprit === page ? first.page : page;
		problems.push({
			file: culprit.file,
			field: 'frontmatter → slug',
			message: `the address "/${id}/" is already the address of ${other.file}; only one of the two pages would be shown`,
			fix: `give this page another slug, or remove "slug:" so the page takes its address from its file name.`,
		});
	}
	return problems;
}
