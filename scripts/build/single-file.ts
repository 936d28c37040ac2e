/**
 * The single files stage: the whole guide of each language as one HTML file,
 * dist/downloads/guide-<lang>.html, for phones, which open a file from a messenger or the
 * downloads folder but not a folder of pages from a zip. Made from the pages Astro wrote to dist/,
 * in the order of the sidebar (as the list of all pages, /<lang>/all-pages/, has it): each page becomes a section of the file, an id that several pages
 * hold gets the section's id in front, and every link to another page of the guide becomes a link to that section (or to
 * the anchor within it). A link to a page that is not in the file (another language, the
 * downloads) is marked as online only. Styles and scripts are inline; the scripts are the pages'
 * own, bundled into one classic script, and the file's Content-Security-Policy lists its hash,
 * as a page of the site does. The risk check and the scenario steps work as on the site, with or
 * without JavaScript. Nothing is loaded from anywhere: no font file, no image file.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { classicBundle } from '../offline/classic-script.ts';
import { parse, type HTMLElement } from 'node-html-parser';
import { buildDate } from '../../src/build/build-date.ts';
import { scriptHash, withPolicy } from '../../src/build/csp.ts';
import { generatorInlineScripts } from '../../src/build/inline-scripts.ts';
import { escapeHtml, fillText } from '../../src/build/safe-text.ts';
import { formatBytes, type Stage } from '../../src/build/pipeline.ts';
import type { BuildContext } from './context.ts';

/** Pages that have no place in the file: lists of other pages and files, and the print sources. */
// Check a copy is left out: a copy cannot vouch for itself, and its checker alone would double the file.
const LEFT_OUT = /^[^/]+\/(downloads|check-a-copy|all-pages|translation-status|handout|card|404)\//;
/** The largest file a phone should be asked to open. */
export const MAX_BYTES = 1.5 * 1024 ** 2;
/** Attributes that name ids, as one id or a list of them. */
const ID_REFERENCES = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'headers', 'popovertarget', 'list', 'form'];

const PARSE = { comment: false, blockTextElements: { script: true, style: true, pre: true } } as const;

/** The id of the section a page becomes: its path within the language, "start" for the home page. */
export function sectionId(lang: string, pathname: string): string {
	const slug = pathname.replace(new RegExp(`^/${lang}/?`), '').replace(/\/$/, '');
	return slug ? slug.replaceAll('/', '-') : 'start';
}

/** The page file under dist/ for a path of the site ("/en/tools/signal/" → "en/tools/signal/index.html"). */
const fileOf = (pathname: string) => `${pathname.replace(/^\//, '').replace(/\/?$/, '/')}index.html`;

/** Bundles module scripts of the site (files under dist/_astro/) into one classic script. */
async function classicScript(dist: string, files: string[]): Promise<string> {
	if (files.some((f) => /(^|\/)page\.[\w-]+\.js$/.test(f)))
		throw new Error('the pages already use the scripts bundled per kind of page, whose shared parts would run twice in one file. Fix: run the whole build (npm run build), which writes the single files before the scripts stage.');
	// What scripts load on demand belongs to parts a single file leaves out (the search box).
	const code = await classicBundle(dist, files.map((f) => ({ file: join(dist, f) })), () => true);
	// Inline, "</script" would end the element early.
	return new TextDecoder().decode(code).replace(/<\/script/gi, '<\\/script').trim();
}

export const singleFiles: Stage<BuildContext> = {
	name: 'single files',
	does: 'writes the whole guide of every language as one HTML file that opens on a phone',
	async run(context, progress) {
		const { languages, strings, version } = context.data();
		if (!existsSync(join(context.dist, 'index.html'))) throw new Error('dist/ has no site: run the site stage first (npm run build runs every stage).');
		mkdirSync(context.downloads, { recursive: true });
		const known = new Set(generatorInlineScripts(context.root).keys());
		const day = buildDate(context.root).toISOString().slice(0, 10);
		let bytes = 0;
		const leftOut: string[] = [];
		for (const [i, language] of languages.entries()) {
			const t0 = performance.now();
			const lang = language.id;
			const ui = strings[lang]!;
			const home = parse(readFileSync(join(context.dist, fileOf(`/${lang}/`)), 'utf8'), PARSE);
			const file = `guide-${lang}.html`;
			// A guide too large for a phone gets no single file, and the rest of the build goes on: the
			// checksums stage takes it off the downloads pages. An earlier build's file goes too.
			const leaveOut = (why: string) => {
				rmSync(join(context.downloads, file), { force: true });
				leftOut.push(file);
				progress(`${i + 1}/${languages.length} ${file} left out: ${why}, more than the ${formatBytes(MAX_BYTES)} a phone should be asked to open. Fix: leave pages out of it (LEFT_OUT in scripts/build/single-file.ts) or make them lighter`);
			};

			// The pages, in the order of the sidebar, and its groups for the contents: from the list of
			// all pages, which has every group whole (the sidebar of a page shows only a few pages of each).
			const list = `${lang}/all-pages/index.html`;
			if (!existsSync(join(context.dist, list))) throw new Error(`dist/${list} is missing, and the single file takes its pages from it. Fix: keep src/routes/[lang]/all-pages.astro, and run the site stage first`);
			const allPages = parse(readFileSync(join(context.dist, list), 'utf8'), PARSE);
			const contents: { label?: string; pages: { path: string; title: string }[] }[] = [{ pages: [{ path: `/${lang}/`, title: ui['site.title']! }] }];
			for (const group of allPages.querySelectorAll('main [data-sidebar-group]')) {
				const label = group.querySelector('h2')?.text.trim();
				const pages = group
					.querySelectorAll('a[href]')
					.map((a) => ({ path: new URL(a.getAttribute('href')!, 'file:///').pathname, title: a.text.trim() }))
					.filter((p) => p.path.startsWith(`/${lang}/`) && !LEFT_OUT.test(fileOf(p.path)) && existsSync(join(context.dist, fileOf(p.path))));
				if (pages.length) contents.push({ label, pages });
			}
			const pages = [...new Map(contents.flatMap((g) => g.pages).map((p) => [p.path, p])).values()];
			if (pages.length < 2) throw new Error(`dist/${list} lists no groups of pages ([data-sidebar-group]) to take the pages of the single file from: has the list of all pages (components/AllPagesList.astro) changed?`);

			const scripts: string[] = [];
			// The pages' main parts alone are less than the file: once they pass the limit, the file would
			// too, and the other pages are not read (a large guide would hold them all in memory for nothing).
			let mainBytes = 0;
			const documents: { path: string; section: string; main: HTMLElement }[] = [];
			for (const { path } of pages) {
				const document = parse(readFileSync(join(context.dist, fileOf(path)), 'utf8'), PARSE);
				for (const script of document.querySelectorAll('script[type="module"][src]')) {
					const src = script.getAttribute('src')!;
					// Search needs Pagefind's index, which only a server can give: the file has none.
					if (!/Search\.astro/.test(src) && !scripts.includes(src)) scripts.push(src);
				}
				const main = document.querySelector('main');
				if (!main) throw new Error(`dist/${fileOf(path)} has no <main>`);
				for (const element of main.querySelectorAll('footer, script, site-search, starlight-toc, mobile-starlight-toc, .pagination-links')) element.remove();
				documents.push({ path, section: sectionId(lang, path), main });
				mainBytes += Buffer.byteLength(main.innerHTML);
				if (mainBytes > MAX_BYTES) break;
			}
			if (mainBytes > MAX_BYTES) {
				leaveOut(`its first ${documents.length} of ${pages.length} pages already make ${formatBytes(mainBytes)}`);
				continue;
			}
			// An id that only one page holds stays as it is (scripts look some up); one that several pages
			// hold, or that names a section, gets its page's section id in front.
			const seen = new Map<string, number>();
			for (const { main } of documents) for (const id of new Set(main.querySelectorAll('[id]').map((e) => e.getAttribute('id')!))) seen.set(id, (seen.get(id) ?? 0) + 1);
			const sectionIds = new Set(documents.map((d) => d.section));
			const ids = new Map(documents.map(({ path, section }) => [path, (id: string) => ((seen.get(id) ?? 0) > 1 || sectionIds.has(id) ? `${section}--${id}` : id)]));
			const sections = documents.map(({ path, section, main }) => {
				rewriteIds(main, ids.get(path)!, section);
				rewriteLinks(main, lang, ids, ui['offline.onlineOnly']!, path);
				return `<section class="single-page" id="${section}" data-page="${escapeHtml(path)}">${main.innerHTML}</section>`;
			});

			// The frame: the site's stylesheets, its theme script and quick exit, and a contents list.
			const styles = home
				.querySelectorAll('link[rel="stylesheet"][href^="/_astro/"]')
				.map((link) => `<style${link.getAttribute('media') ? ` media="${link.getAttribute('media')}"` : ''}>${readFileSync(join(context.dist, link.getAttribute('href')!), 'utf8')}</style>`);
			const theme = home.querySelectorAll('head script:not([src])').map((s) => s.outerHTML);
			const quickExit = home.querySelector('quick-exit')?.outerHTML ?? '';
			const code = scripts.length ? await classicScript(context.dist, scripts) : '';
			const toc = contents
				.map(
					(group) =>
						`${group.label ? `<li>${escapeHtml(group.label)}<ul>` : ''}${group.pages.map((p) => `<li><a href="#${sectionId(lang, p.path)}">${escapeHtml(p.title)}</a></li>`).join('')}${group.label ? '</ul></li>' : ''}`,
				)
				.join('');
			const title = ui['site.title']!;
			const html =
				`<!doctype html><html lang="${language.lang}" dir="${language.dir}" data-theme="light"><head><meta charset="utf-8">` +
				`<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
				theme.join('') +
				styles.join('') +
				`<style>${SINGLE_CSS}</style></head><body>` +
				// A bar that stays at the top of the screen while the reader scrolls (CSS alone, with or
				// without JavaScript): the quick exit, and the way back to the contents.
				`<div class="single-bar"><a class="single-to-contents" href="#single-contents">${escapeHtml(ui['handout.contents']!)}</a>${quickExit}</div>` +
				`<header class="single-head" id="top"><p class="single-title">${escapeHtml(title)}</p><p>${escapeHtml(language.label)}${escapeHtml(ui['format.separator']!)}${escapeHtml(fillText(ui['offline.version']!, { version, date: day }))}</p>` +
				`<nav aria-labelledby="single-contents"><h2 id="single-contents">${escapeHtml(ui['handout.contents']!)}</h2><ol class="single-toc">${toc}</ol></nav></header>` +
				`<main class="single-guide">${sections.join('')}</main>` +
				(code ? `<script>${code}</script>` : '') +
				`</body></html>`;
			// The bundled script is the generator's own: the policy lists its hash, as for the site's inline
			// scripts, and nothing else: the file loads no script, nor WebAssembly.
			const sealed = withPolicy(html, new Set([...known, scriptHash(code)]), `dist/downloads/guide-${lang}.html`, 'inline');
			const data = Buffer.from(sealed, 'utf8');
			if (data.length > MAX_BYTES) {
				leaveOut(`${pages.length} pages make ${formatBytes(data.length)}`);
				continue;
			}
			writeFileSync(join(context.downloads, file), data);
			bytes += data.length;
			progress(`${i + 1}/${languages.length} ${file.padEnd(14)} ${String(pages.length).padStart(3)} pages ${formatBytes(data.length).padStart(9)}  ${Math.round(performance.now() - t0)} ms`);
		}
		const made = languages.length - leftOut.length;
		return { made: `${made} single-file guides in dist/downloads/${leftOut.length ? ` (${leftOut.join(', ')} too large for a phone, left out)` : ''}`, bytes };
	},
};

/** Renames the ids in `root`, and every reference to one; a link to the page's top goes to its section. */
function rewriteIds(root: HTMLElement, renamed: (id: string) => string, section: string) {
	for (const element of root.querySelectorAll('[id]')) element.setAttribute('id', renamed(element.getAttribute('id')!));
	for (const attribute of ID_REFERENCES)
		for (const element of root.querySelectorAll(`[${attribute}]`)) {
			if (attribute === 'for' && element.tagName !== 'LABEL' && element.tagName !== 'OUTPUT') continue;
			if (attribute === 'form' && !['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'FIELDSET', 'OUTPUT'].includes(element.tagName)) continue;
			element.setAttribute(attribute, element.getAttribute(attribute)!.split(/\s+/).filter(Boolean).map(renamed).join(' '));
		}
	for (const link of root.querySelectorAll('a[href^="#"]')) {
		const target = link.getAttribute('href')!.slice(1);
		link.setAttribute('href', target ? `#${renamed(decodeURIComponent(target))}` : `#${section}`);
	}
}

/** Links to pages in the file go to their sections; links to pages of the site that are not go nowhere, marked as online only. */
function rewriteLinks(root: HTMLElement, lang: string, inFile: ReadonlyMap<string, (id: string) => string>, onlineOnly: string, from: string) {
	for (const link of root.querySelectorAll('a[href]')) {
		const href = link.getAttribute('href')!;
		if (href.startsWith('#')) continue;
		if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
			// Other sites: a phone opens them in the browser, online only; the quick exit leaves whatever happens.
			if (!link.hasAttribute('data-quick-exit')) link.insertAdjacentHTML('beforeend', ` <span class="online-only-note">${escapeHtml(onlineOnly)}</span>`);
			continue;
		}
		const url = new URL(href, `file://${from}`);
		const path = url.pathname.replace(/index\.html$/, '').replace(/\/?$/, '/');
		if (inFile.has(path)) {
			const section = sectionId(lang, path);
			link.setAttribute('href', url.hash.length > 1 ? `#${inFile.get(path)!(decodeURIComponent(url.hash.slice(1)))}` : `#${section}`);
		} else {
			link.removeAttribute('href');
			link.insertAdjacentHTML('beforeend', ` <span class="online-only-note">${escapeHtml(onlineOnly)}</span>`);
		}
	}
	// Nothing else may point at the site's files: the file must load nothing.
	for (const element of root.querySelectorAll('[src], link[href]')) element.remove();
}

/** The file's own layout: one column, readable on a phone, sections apart (the output check knows it by its hash). */
export const SINGLE_CSS = [
	'body{margin:0}',
	'.single-bar{position:sticky;top:0;z-index:10;display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:0.4rem 1rem;background:var(--sl-color-bg-nav);border-block-end:1px solid var(--sl-color-hairline-shade)}',
	'.single-to-contents{display:flex;align-items:center;min-height:2.75rem;font-weight:600}',
	// What a link leads to is not hidden under the bar.
	'#single-contents,.single-guide [id]{scroll-margin-block-start:4rem}',
	'.single-head,.single-guide{max-inline-size:48rem;margin-inline:auto;padding-inline:1rem}',
	'.single-head{padding-block:1rem;border-block-end:1px solid var(--sl-color-gray-5)}',
	'.single-title{font-size:var(--sl-text-h2);font-weight:600;color:var(--sl-color-white);margin:0}',
	'.single-toc,.single-toc ul{padding-inline-start:1.25rem}',
	'.single-page{padding-block:1.5rem;border-block-end:1px solid var(--sl-color-gray-5)}',
	'.single-page .content-panel{padding:0}',
	'.single-page .sl-container{max-inline-size:none;margin:0}',
	'.online-only-note{font-size:var(--sl-text-xs);color:var(--sl-color-gray-3)}',
].join('');
