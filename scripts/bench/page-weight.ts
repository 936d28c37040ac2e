/**
 * What a browser downloads to show a page of the built site, read from dist/ without a browser:
 * the document, its stylesheets (and their @import and @font-face files), its scripts (and the
 * modules they import statically), preloaded fonts, icons and images. Each file is measured raw,
 * gzipped (zlib level 6, a common server default) and brotli-compressed (quality 11, as for
 * precompressed files).
 *
 * First view: an empty cache, so every file is fetched.
 * Repeat view: the same page again. Files under /_astro/ carry a hash of their content in their
 * name and are cached; everything else (the document, the icon) is fetched again.
 *
 * Requests before the text is shown (render-blocking): the document; every stylesheet without a
 * `media` that excludes screens (`print`), and what those import; every classic script with `src`
 * in <head> that is neither `async` nor `defer`; every font preloaded with `<link rel=preload as=font>`.
 * Module scripts are deferred by the browser and block nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'other';

export interface Sizes {
	bytes: number;
	gzip: number;
	brotli: number;
}

export interface Resource extends Sizes {
	/** Site-absolute URL path. */
	url: string;
	kind: Kind;
	/** Fetched before the page's text can be shown. */
	blocking: boolean;
	/** Named after its content, so a browser keeps it for the repeat view. */
	cached: boolean;
}

export interface View extends Sizes {
	requests: number;
	/** HTML, CSS, JavaScript and fonts, gzipped: what the budgets count. */
	byKind: Record<Kind, Sizes>;
}

export interface PageWeight {
	/** Path of the HTML file relative to dist/, e.g. `en/tools/signal/index.html`. */
	page: string;
	resources: Resource[];
	first: View;
	repeat: View;
	/** Requests before the text is shown. */
	blocking: number;
	/** Custom elements on the page. */
	elements: Set<string>;
	/** Scripts the page runs: each entry (an external file or an inline script) with the custom elements it and its static imports define. */
	scripts: { entry: string; inline: boolean; defines: string[] }[];
}

const sizes = new Map<string, Sizes>();

/** Raw, gzip and (unless `brotli` is false, then 0) brotli sizes of some bytes, remembered by key. */
export function measure(key: string, data: Uint8Array | string, brotli = true): Sizes {
	const known = sizes.get(key);
	if (known && (known.brotli > 0 || !brotli || known.bytes === 0)) return known;
	const buffer = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
	const result = {
		bytes: buffer.length,
		gzip: gzipSync(buffer, { level: 6 }).length,
		brotli: brotli ? brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length : 0,
	};
	sizes.set(key, result);
	return result;
}

const empty = (): Sizes => ({ bytes: 0, gzip: 0, brotli: 0 });
const add = (a: Sizes, b: Sizes) => {
	a.bytes += b.bytes;
	a.gzip += b.gzip;
	a.brotli += b.brotli;
};

/** Static imports of a module (`import "x"`, `import {a} from "x"`, `export * from "x"`); dynamic `import()` is left out: it runs on demand. */
export function staticImports(code: string): string[] {
	const found: string[] = [];
	const pattern = /(?:^|[;}\n\r])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])([^"'`\n]+)\1/g;
	for (const match of code.matchAll(pattern)) found.push(match[2]!);
	return found;
}

/** Custom elements a script defines. */
export function definedElements(code: string): string[] {
	return [...code.matchAll(/customElements\.define\(\s*(["'`])([a-z][a-z0-9]*-[a-z0-9-]*)\1/g)].map((m) => m[2]!);
}

/** `url(...)` targets of @font-face rules and `@import` targets in a stylesheet. */
function cssReferences(css: string): { imports: string[]; fonts: string[] } {
	const imports = [...css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)["']?\s*\)?/g)].map((m) => m[1]!);
	const fonts: string[] = [];
	for (const face of css.matchAll(/@font-face\s*\{[^}]*\}/g)) for (const m of face[0].matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) fonts.push(m[1]!);
	return { imports, fonts };
}

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

/** A URL from a file at `from` (a site path such as `/en/tools/signal/`) to a site-absolute path without query or fragment. */
function resolve(from: string, url: string): string | undefined {
	if (isExternal(url) || url.startsWith('#') || url.startsWith('data:')) return undefined;
	const path = url.split(/[?#]/)[0]!;
	if (path.startsWith('/')) return posix.normalize(path);
	const base = from.endsWith('/') ? from : posix.dirname(from) + '/';
	return posix.normalize(posix.join(base, path));
}

const kindOf = (url: string): Kind => (url.endsWith('.css') ? 'css' : /\.m?js$/.test(url) ? 'js' : /\.(woff2?|ttf|otf)$/.test(url) ? 'font' : 'other');
const screenMedia = (media: string | undefined) => !media || !/^\s*print\s*$/i.test(media);

/** Reads and measures the resources of one HTML page of `dist`; `brotli: false` skips the slow brotli sizes. */
export function pageWeight(dist: string, page: string, { brotli = true } = {}): PageWeight {
	const html = readFileSync(join(dist, page), 'utf8');
	const documentUrl = '/' + page.replace(/index\.html$/, '');
	const root = parse(html, { comment: false });
	const resources = new Map<string, Resource>();
	const scripts: PageWeight['scripts'] = [];

	const file = (url: string) => {
		const path = join(dist, url);
		if (!existsSync(path)) throw new Error(`${page} refers to ${url}, which is not in dist/`);
		return readFileSync(path);
	};
	const take = (url: string, kind: Kind, blocking: boolean): Buffer | undefined => {
		const known = resources.get(url);
		if (known) {
			known.blocking ||= blocking;
			return undefined;
		}
		const data = file(url);
		resources.set(url, { url, kind, blocking, cached: url.startsWith('/_astro/'), ...measure(`${dist}:${url}`, data, brotli) });
		return data;
	};
	const stylesheet = (url: string, blocking: boolean) => {
		const data = take(url, 'css', blocking);
		if (data) followCss(url, data.toString('utf8'), blocking);
	};
	const followCss = (from: string, css: string, blocking: boolean) => {
		const { imports, fonts } = cssReferences(css);
		for (const target of imports) {
			const url = resolve(from, target);
			if (url) stylesheet(url, blocking);
		}
		for (const target of fonts) {
			const url = resolve(from, target);
			if (url) take(url, 'font', false);
		}
	};
	/** A module and everything it imports statically; returns the elements they define. */
	const moduleGraph = (url: string, seen = new Set<string>()): string[] => {
		if (seen.has(url)) return [];
		seen.add(url);
		take(url, 'js', false);
		const code = file(url).toString('utf8');
		return [...definedElements(code), ...staticImports(code).flatMap((target) => (resolve(url, target) ? moduleGraph(resolve(url, target)!, seen) : []))];
	};

	resources.set(documentUrl, { url: documentUrl, kind: 'html', blocking: true, cached: false, ...measure(`${dist}:${page}`, html, brotli) });

	for (const link of root.querySelectorAll('link[href]')) {
		const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
		const url = resolve(documentUrl, link.getAttribute('href')!);
		if (!url) continue;
		if (rel.includes('stylesheet')) stylesheet(url, screenMedia(link.getAttribute('media')));
		else if (rel.includes('preload') && link.getAttribute('as') === 'font') take(url, 'font', true);
		else if (rel.includes('preload') || rel.includes('modulepreload')) take(url, kindOf(url), false);
		else if (rel.includes('icon')) take(url, 'other', false);
	}
	for (const style of root.querySelectorAll('style')) followCss(documentUrl, style.textContent, true);
	for (const img of root.querySelectorAll('img[src]')) {
		const url = resolve(documentUrl, img.getAttribute('src')!);
		if (url) take(url, 'other', false);
	}
	const head = root.querySelector('head');
	for (const script of root.querySelectorAll('script')) {
		const type = (script.getAttribute('type') ?? '').toLowerCase();
		if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
		const src = script.getAttribute('src');
		const module = type === 'module';
		if (src) {
			const url = resolve(documentUrl, src);
			if (!url) continue;
			const inHead = !!head && isInside(script, head);
			const blocking = !module && inHead && !script.hasAttribute('async') && !script.hasAttribute('defer');
			if (module) scripts.push({ entry: url, inline: false, defines: moduleGraph(url) });
			else {
				take(url, 'js', blocking);
				scripts.push({ entry: url, inline: false, defines: definedElements(file(url).toString('utf8')) });
			}
		} else {
			const code = script.textContent;
			const imported = module ? staticImports(code).flatMap((target) => (resolve(documentUrl, target) ? moduleGraph(resolve(documentUrl, target)!) : [])) : [];
			scripts.push({ entry: `inline:${code.trim().slice(0, 60)}`, inline: true, defines: [...definedElements(code), ...imported] });
		}
	}

	const elements = new Set(root.querySelectorAll('*').map((el) => el.rawTagName?.toLowerCase()).filter((name): name is string => !!name && name.includes('-')));
	const list = [...resources.values()];
	const view = (included: Resource[]): View => {
		const total = empty();
		const byKind = { html: empty(), css: empty(), js: empty(), font: empty(), other: empty() };
		for (const r of included) {
			add(byKind[r.kind], r);
			if (r.kind !== 'other') add(total, r);
		}
		return { ...total, requests: included.length, byKind };
	};
	return {
		page,
		resources: list,
		first: view(list),
		repeat: view(list.filter((r) => !r.cached)),
		blocking: list.filter((r) => r.blocking).length,
		elements,
		scripts,
	};
}

function isInside(node: HTMLElement, ancestor: HTMLElement): boolean {
	for (let n: HTMLElement | null = node.parentNode; n; n = n.parentNode) if (n === ancestor) return true;
	return false;
}
