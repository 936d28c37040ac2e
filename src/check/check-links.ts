/**
 * Links between the guide's pages. A link in a page's text that leads to no page ships as a dead
 * end in the site, the offline bundles, the single-file guides and the PDFs: a reader who follows
 * "see the Signal page" finds nothing. Every link in a page's text (Markdown `[text](address)` and
 * `<a href="address">`) that stays on the site is resolved from the page's own address and must
 * reach a page of the guide in that language (a page missing from a language is still there: it
 * falls back to the source language), a page the generator makes for every language (the files of
 * src/routes/[lang]/), a file of public/, or a download the build writes in /downloads/.
 * Links to other sites, and links to a part of the same page (#…), are not checked here.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageRoute } from './check-pages.ts';
import { closest } from './closest.ts';
import { parseYaml, readText, splitFrontmatter, type PageFile } from './sources.ts';

export interface LinkProblem {
	file: string;
	field: string;
	message: string;
	fix: string;
}

/** Site paths of the pages the generator makes for every language: src/routes/[lang]/<name>.astro → /<lang>/<name>/. */
function generatedRoutes(languages: readonly string[]): string[] {
	const dir = fileURLToPath(new URL('../routes/[lang]/', import.meta.url));
	const names = existsSync(dir) ? readdirSync(dir).filter((n) => /\.(astro|md|mdx|ts)$/.test(n)) : [];
	const routes = ['/'];
	for (const lang of languages)
		for (const name of names) {
			const base = name.replace(/\.[^.]+$/, '');
			routes.push(base === 'index' ? `/${lang}/` : `/${lang}/${base}/`);
		}
	return routes;
}

/** Site paths of the files in public/. */
function publicFiles(root: string): string[] {
	const base = join(root, 'public');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else found.push(`/${relative(base, path).split('\\').join('/')}`);
		}
	};
	if (existsSync(base)) walk(base);
	return found;
}

/** The links of a page's text that stay on the site, with their line and column. */
export function siteLinks(body: string): { target: string; line: number; column: number }[] {
	const links: { target: string; line: number; column: number }[] = [];
	body.split('\n').forEach((raw, index) => {
		// Code spans show addresses; they are not links.
		const line = raw.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
		for (const match of line.matchAll(/\]\(\s*<?([^\s)>]+)|<a\b[^>]*?\shref\s*=\s*["']([^"']+)["']/gi)) {
			const target = (match[1] ?? match[2])!;
			// Another site (https:, mailto:, …), or a part of this page.
			if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#')) continue;
			links.push({ target, line: index + 1, column: match.index! + match[0].indexOf(target) + 1 });
		}
	});
	return links;
}

export function checkLinks(root: string, pages: readonly PageFile[], languages: readonly string[]): LinkProblem[] {
	const routes = new Map<PageFile, string>();
	for (const page of pages) {
		const { frontmatter } = splitFrontmatter(readText(root, page.file) ?? '');
		let data: unknown;
		try {
			data = frontmatter === undefined ? undefined : parseYaml(frontmatter, page.file);
		} catch {
			continue; // the frontmatter check reports it
		}
		routes.set(page, pageRoute(page, data));
	}
	// A page of one language is at the same address, with the language changed, in every other.
	const known = new Set<string>(generatedRoutes(languages));
	for (const route of routes.values()) {
		const rest = route.replace(/^\/[^/]+/, '');
		for (const lang of languages) known.add(`/${lang}${rest}`);
	}
	const files = new Set(publicFiles(root));
	const reaches = (path: string) => known.has(path) || known.has(`${path}/`) || files.has(path) || path.startsWith('/downloads/');

	const problems: LinkProblem[] = [];
	for (const [page, route] of routes) {
		const { body, frontmatter } = splitFrontmatter(readText(root, page.file) ?? '');
		const offset = frontmatter === undefined ? 0 : frontmatter.split('\n').length + 2;
		for (const link of siteLinks(body)) {
			const path = decodeURI(new URL(link.target, `https://guide.invalid${route}`).pathname);
			if (reaches(path)) continue;
			const sameLanguage = [...known].filter((k) => k.startsWith(route.replace(/^(\/[^/]+\/).*$/, '$1')));
			const guess = closest(path, sameLanguage);
			problems.push({
				file: page.file,
				field: `line ${link.line + offset}, column ${link.column}`,
				message: `the link "${link.target}" leads to ${path}, which is no page of the guide`,
				fix: guess ? `did you mean ${guess} (written from this page as "${relativeLink(route, guess)}")? Correct the address.` : 'correct the address, or remove the link. Links between pages are written relative to the page, such as ../signal/ from another tool page.',
			});
		}
	}
	return problems;
}

/** `to` written relative to the page at `from`, both site paths ending in "/". */
function relativeLink(from: string, to: string): string {
	const a = from.split('/').filter(Boolean);
	const b = to.split('/').filter(Boolean);
	let same = 0;
	while (same < a.length && same < b.length && a[same] === b[same]) same++;
	return `${'../'.repeat(a.length - same)}${b.slice(same).join('/')}${b.length > same ? '/' : ''}` || './';
}
