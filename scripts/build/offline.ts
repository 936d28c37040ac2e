/**
 * Builds the offline bundles from the site Astro wrote to dist/: one zip per language and one
 * with every language, each opening at index.html from file:// with no network. Pages get
 * relative links, module scripts become classic scripts, and search uses an index shipped as a
 * script file. Zips are reproducible: fixed dates, sorted entries. Writes dist/downloads/ with
 * the zips; the checksums stage then lists them.
 *
 * Everything is read when the stage runs, not when this module is imported, so that a missing
 * dist/ is reported as such.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { zipSync, type Zippable } from 'fflate';
import { parse, type HTMLElement } from 'node-html-parser';
import { fileForUrl, isExternal, relativeUrl } from '../offline/paths.ts';
import { classicBundle, type ScriptSource } from '../offline/classic-script.ts';
import { buildDate } from '../../src/lib/build-date.ts';
import { withPolicy } from '../../src/lib/csp.ts';
import { generatorInlineScripts } from '../../src/lib/inline-scripts.ts';
import { filesUnder } from '../../src/lib/files.ts';
import { escapeHtml, fillText } from '../../src/lib/safe-text.ts';
import { textIndexEntry, textIndexScript, type TextIndexEntry } from '../../src/lib/text-index.ts';
import { formatBytes, type Stage } from '../../src/lib/pipeline.ts';
import type { Language } from '../../src/schemas/language.ts';
import type { BuildContext } from './context.ts';

/** The bundler for one build: everything it reads comes from `context` when it runs. */
function bundler(context: BuildContext) {
	const ROOT = context.root;
	const DIST = context.dist;
	const OUT = context.downloads;
	if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no site: run the site stage first (npm run build runs every stage).');
	const { languages, strings, version } = context.data();
	// The only inline scripts a bundle page may hold: the generator's own, as on the site.
	const knownScripts = new Set(generatorInlineScripts(ROOT).keys());

	const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

	// ---------------------------------------------------------------------------------------------
	// Scripts: every module script of the site, bundled once into a classic script.
	// ---------------------------------------------------------------------------------------------

	/**
	 * What the site's search box loads on demand (Pagefind's interface, the search without
	 * WebAssembly, its labels) belongs to a box that a bundle replaces with its own: it stays out of
	 * the classic scripts. Anything else loaded on demand (OpenPGP.js for the Check a copy page) is
	 * bundled in, as a bundle cannot fetch modules.
	 */
	const SEARCH_BOX_CHUNK = /(^|\/)(ui-core|text-search|search-strings)\.[\w-]+\.js$/;

	const classicScripts = new Map<string, { file: string; code: Uint8Array }>();

	/**
	 * Bundles all module scripts of a page, in order, into one classic script (an IIFE), so that
	 * modules they share run once, as they would as modules. Returns the bundle's path.
	 */
	async function classicScript(scripts: ScriptSource[]): Promise<string> {
		const key = sha256(JSON.stringify(scripts));
		const done = classicScripts.get(key);
		if (done) return done.file;
		const code = await classicBundle(DIST, scripts, (path) => SEARCH_BOX_CHUNK.test(path));
		const file = `_offline/${sha256(code).slice(0, 12)}.js`;
		classicScripts.set(key, { file, code });
		return file;
	}

	// ---------------------------------------------------------------------------------------------
	// Pages: rewritten for file://.
	// ---------------------------------------------------------------------------------------------

	interface Bundle {
		name: string;
		/** Languages whose pages are inside. */
		languages: Language[];
		files: Map<string, Uint8Array>;
	}

	const htmlFiles = filesUnder(DIST).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !f.startsWith('downloads/') && !/\/(translation-status|handout|card|404)\//.test(f) && f !== '404.html');

	async function rewritePage(file: string, bundle: Bundle, inBundle: (path: string) => boolean, search: Map<string, TextIndexEntry[]>) {
		const html = readFileSync(join(DIST, file), 'utf8');
		const document = parse(html, { comment: true, blockTextElements: { script: true, style: true, pre: true } });
		const pageLang = document.querySelector('html')?.getAttribute('lang') ?? languages[0]!.lang;
		const language = languages.find((l) => l.lang === pageLang) ?? languages[0]!;
		// Translated strings go into the HTML written below as text, escaped, never as markup.
		const ui = Object.fromEntries(Object.entries(strings[language.id]!).map(([key, value]) => [key, escapeHtml(value)]));

		// Scripts: all module scripts become one deferred classic script, where the first one stood.
		const modules = document.querySelectorAll('script[type="module"]');
		if (modules.length) {
			const bundled = await classicScript(modules.map((script) => (script.getAttribute('src') ? { file: join(DIST, script.getAttribute('src')!) } : { code: script.innerHTML })));
			modules[0]!.replaceWith(`<script src="${relativeUrl(file, `/${bundled}`)}" defer></script>`);
			for (const script of modules.slice(1)) script.remove();
		}

		// Search: Pagefind needs a server, so the bundle has its own.
		for (const search of document.querySelectorAll('site-search')) {
			const index = `/search/${language.id}.js`;
			search.replaceWith(
				`<offline-search data-lang="${language.id}" data-index="${relativeUrl(file, index)}" data-root="${relativeUrl(file, '/index.html')!.replace(/index\.html$/, '')}" data-no-results="${ui['offline.noResults']}">` +
					`<button type="button" data-open disabled aria-label="${ui['offline.search']}">${ui['offline.search']}</button>` +
					`<dialog aria-label="${ui['offline.search']}"><div class="offline-search-box"><input type="search" aria-label="${ui['offline.search']}" placeholder="${ui['offline.search']}" />` +
					`<button type="button" data-close>${ui['offline.close']}</button></div><p data-status role="status"></p><ol data-results></ol></dialog></offline-search>`,
			);
		}
		if (document.querySelector('offline-search')) document.querySelector('body')!.insertAdjacentHTML('beforeend', `<script src="${relativeUrl(file, '/_offline/search.js')}" defer></script>`);
		document.querySelector('head')?.insertAdjacentHTML('beforeend', `<link rel="stylesheet" href="${relativeUrl(file, '/_offline/offline.css')}">`);

		// Languages outside this bundle leave the picker; the others point at files.
		for (const option of document.querySelectorAll('starlight-lang-select option')) {
			const target = fileForUrl(option.getAttribute('value') ?? '');
			if (inBundle(target)) option.setAttribute('value', relativeUrl(file, `/${target}`)!);
			else option.remove();
		}
		for (const link of document.querySelectorAll('link[rel="alternate"], link[rel="canonical"], link[rel="sitemap"]')) link.remove();

		// Links and assets.
		for (const element of document.querySelectorAll('[href], [src]')) {
			for (const attribute of ['href', 'src']) {
				const url = element.getAttribute(attribute);
				if (!url) continue;
				if (isExternal(url)) {
					// The quick exit leaves the guide whatever happens next; it needs no online-only mark.
					if (element.tagName === 'A' && !element.hasAttribute('data-quick-exit')) markOnlineOnly(element, ui);
					continue;
				}
				if (!url.startsWith('/')) continue;
				const target = fileForUrl(url);
				if (inBundle(target)) element.setAttribute(attribute, relativeUrl(file, url)!);
				else if (element.tagName === 'A') {
					element.removeAttribute('href');
					markOnlineOnly(element, ui);
				} else element.remove();
			}
		}

		// The downloads page: the bundle cannot hold its own checksum, so it points to the online page.
		for (const note of document.querySelectorAll('.offline-note')) note.setAttribute('data-offline', '');
		for (const cell of document.querySelectorAll('[data-size], [data-sha256], [data-build-date]')) cell.set_content('');
		document.querySelector('head')?.insertAdjacentHTML('beforeend', `<meta name="playbook-version" content="${escapeHtml(version)}">`);
		const entry = textIndexEntry(document, file);
		if (entry) search.set(language.id, [...(search.get(language.id) ?? []), entry]);
		// The page's scripts changed, so its Content-Security-Policy is computed again.
		bundle.files.set(file, new TextEncoder().encode(withPolicy(document.toString(), knownScripts, `${bundle.name}/${file}`)));
	}

	function markOnlineOnly(link: HTMLElement, ui: Record<string, string>) {
		link.classList.add('online-only');
		link.setAttribute('rel', 'external noreferrer');
		link.insertAdjacentHTML('beforeend', ` <span class="online-only-note">${ui['offline.onlineOnly']}</span>`);
	}

	/** The bundle's start page: the site root with only the bundle's languages, and what it is. */
	async function startPage(bundle: Bundle, date: string): Promise<Uint8Array> {
		const document = parse(readFileSync(join(DIST, 'index.html'), 'utf8'), { comment: true, blockTextElements: { script: true, style: true, pre: true } });
		for (const link of document.querySelectorAll('link[href^="/"]')) link.setAttribute('href', relativeUrl('index.html', link.getAttribute('href')!)!);
		// Its one script (the quick exit's) becomes a classic script, as on every other page.
		const modules = document.querySelectorAll('script[type="module"]');
		if (modules.length) {
			const bundled = await classicScript(modules.map((script) => (script.getAttribute('src') ? { file: join(DIST, script.getAttribute('src')!) } : { code: script.innerHTML })));
			modules[0]!.replaceWith(`<script src="${relativeUrl('index.html', `/${bundled}`)}" defer></script>`);
			for (const script of modules.slice(1)) script.remove();
		}
		for (const item of document.querySelectorAll('main li')) {
			const href = item.querySelector('a')?.getAttribute('href') ?? '';
			const language = bundle.languages.find((l) => href === `/${l.id}/`);
			if (language) item.querySelector('a')!.setAttribute('href', `${language.id}/index.html`);
			else item.remove();
		}
		// A bundle of one language is a page in that language: its lang, direction, title and heading.
		if (bundle.languages.length === 1) {
			const only = bundle.languages[0]!;
			const html = document.querySelector('html')!;
			html.setAttribute('lang', only.lang);
			html.setAttribute('dir', only.dir);
			const title = strings[only.id]!['site.title']!;
			document.querySelector('title')?.set_content(escapeHtml(title));
			const heading = document.querySelector('main h1');
			if (heading) heading.set_content(`<span lang="${only.lang}" dir="${only.dir}">${escapeHtml(title)}</span>`);
		}
		// The quick exit speaks the bundle's languages, and in a bundle of one leads to that language's ordinary site.
		const exit = document.querySelector('a[data-quick-exit]');
		if (exit) {
			for (const label of exit.querySelectorAll('[lang]')) if (!bundle.languages.some((l) => l.lang === label.getAttribute('lang'))) label.remove();
			if (bundle.languages.length === 1) {
				exit.setAttribute('href', bundle.languages[0]!.quickExit);
				exit.setAttribute('title', strings[bundle.languages[0]!.id]!['quickExit.hint']!);
			}
		}
		const source = strings[bundle.languages[0]!.id]!;
		document
			.querySelector('main')!
			.insertAdjacentHTML('beforeend', `<p class="version">${escapeHtml(fillText(source['offline.version']!, { version, date }))}</p>`);
		return new TextEncoder().encode(withPolicy(document.toString(), knownScripts, `${bundle.name}/index.html`));
	}

	function readme(bundle: Bundle, date: string): Uint8Array {
		const lines = bundle.languages.map((l) => {
			const ui = strings[l.id]!;
			return [ui['site.title'], fillText(ui['offline.version']!, { version, date }), ui['offline.howToOpen']].join('\n');
		});
		return new TextEncoder().encode(`${lines.join('\n\n')}\n`);
	}

	// ---------------------------------------------------------------------------------------------
	// Main.
	// ---------------------------------------------------------------------------------------------

	async function run(progress: (message: string) => void): Promise<{ bundles: number; bytes: number }> {
		const date = buildDate(ROOT);
		const day = date.toISOString().slice(0, 10);
		mkdirSync(OUT, { recursive: true });
		// Zips from an earlier build go; the PDF handouts stay.
		for (const name of readdirSync(OUT)) if (name.endsWith('.zip')) rmSync(join(OUT, name));

		const searchScript = await esbuild({ entryPoints: [join(ROOT, 'components/offline-search.ts')], bundle: true, format: 'iife', minify: true, write: false, target: 'es2020', legalComments: 'none', logLevel: 'silent' });

		const plans: { name: string; languages: Language[] }[] = [
			...languages.map((l) => ({ name: `playbook-${l.id}`, languages: [l] })),
			{ name: 'playbook-all', languages },
		];
		progress(`found ${htmlFiles.length} pages in dist/; building ${plans.length} bundles, version ${version}, dated ${day}`);
		let total = 0;

		for (const [i, plan] of plans.entries()) {
			const t0 = performance.now();
			const bundle: Bundle = { name: plan.name, languages: plan.languages, files: new Map() };
			const pages = htmlFiles.filter((f) => plan.languages.some((l) => f.startsWith(`${l.id}/`)));
			const pageSet = new Set(pages);
			const assets = new Set<string>();
			const inBundle = (path: string) => pageSet.has(path) || path === 'index.html' || assets.has(path) || path.startsWith('_offline/') || path.startsWith('search/') || (path.startsWith('_astro/') && path.endsWith('.css') && existsSync(join(DIST, path))) || path === 'favicon.svg';
			const search = new Map<string, TextIndexEntry[]>();
			for (const page of pages) await rewritePage(page, bundle, inBundle, search);
			bundle.files.set('index.html', await startPage(bundle, day));

			// What the pages refer to: stylesheets, scripts, the favicon.
			for (const content of bundle.files.values()) {
				for (const match of new TextDecoder().decode(content).matchAll(/(?:href|src)="((?:\.\.?\/)+)?(_astro\/[^"]+\.css|_offline\/[^"]+\.(?:js|css)|favicon\.svg)"/g)) assets.add(match[2]!);
			}
			for (const asset of [...assets].sort()) {
				if (asset === '_offline/search.js') bundle.files.set(asset, searchScript.outputFiles[0]!.contents);
				else if (asset === '_offline/offline.css') bundle.files.set(asset, readFileSync(join(ROOT, 'components/offline.css')));
				else if (asset.startsWith('_offline/')) bundle.files.set(asset, [...classicScripts.values()].find((s) => s.file === asset)!.code);
				else bundle.files.set(asset, readFileSync(join(DIST, asset)));
			}
			for (const [lang, entries] of search) bundle.files.set(`search/${lang}.js`, new TextEncoder().encode(textIndexScript(lang, entries)));
			bundle.files.set('README.txt', readme(bundle, day));

			// A reproducible zip: entries sorted, every date the build date, everything below one folder.
			const entries: Zippable = {};
			for (const path of [...bundle.files.keys()].sort()) entries[`${plan.name}/${path}`] = [bundle.files.get(path)!, { mtime: date, level: 9 }];
			const zip = zipSync(entries, { mtime: date });
			const file = `${plan.name}.zip`;
			writeFileSync(join(OUT, file), zip);
			const sum = sha256(zip);
			total += zip.length;
			progress(`${i + 1}/${plans.length} ${file.padEnd(20)} ${String(bundle.files.size).padStart(4)} files  ${formatBytes(zip.length).padStart(9)}  sha256 ${sum.slice(0, 16)}…  ${Math.round(performance.now() - t0)} ms`);
		}

		return { bundles: plans.length, bytes: total };
	}

	return { run };
}

export const offlineBundles: Stage<BuildContext> = {
	name: 'offline bundles',
	does: 'writes a zip per language and one with all, each readable from file://',
	async run(context, progress) {
		const { bundles, bytes } = await bundler(context).run(progress);
		return { made: `${bundles} zips in dist/downloads/`, bytes };
	},
};
