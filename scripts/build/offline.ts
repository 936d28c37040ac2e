/**
 * Builds the offline bundles from the site Astro wrote to dist/: one zip per language and one
 * with every language, each opening at index.html from file:// with no network. Pages get
 * relative links, module scripts become classic scripts, and search uses an index shipped as a
 * script file. Zips are reproducible: fixed dates, entries in a fixed order. Writes dist/downloads/
 * with the zips; the checksums stage then lists them.
 *
 * The stage stays linear in the size of the site: every page is read and parsed once for both
 * bundles that hold it (its language's and the one with all), and the zips are written to disk as
 * their entries come, so that what is held in memory is one page at a time and the search
 * indexes, never a whole bundle.
 *
 * Everything is read when the stage runs, not when this module is imported, so that a missing
 * dist/ is reported as such.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { deflateSync, Zip, type ZipInputFile } from 'fflate';
import { parse, type HTMLElement } from 'node-html-parser';
import { fileForUrl, isExternal, relativeUrl } from '../offline/paths.ts';
import { classicBundle, type ScriptSource } from '../offline/classic-script.ts';
import { buildDate } from '../../src/build/build-date.ts';
import { withPolicy } from '../../src/build/csp.ts';
import { generatorInlineScripts } from '../../src/build/inline-scripts.ts';
import { detached } from '../../src/build/detach.ts';
import { filesUnder } from '../../src/build/files.ts';
import { escapeHtml, fillText } from '../../src/build/safe-text.ts';
import { textIndexEntry, textIndexScript, type TextIndexEntry } from '../../src/search/text-index.ts';
import { formatBytes, type Stage } from '../../src/build/pipeline.ts';
import type { Language } from '../../src/schemas/language.ts';
import type { BuildContext } from './context.ts';
import { fileURLToPath } from 'node:url';

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
	}

	/** A page rewritten for one bundle: its HTML and its entry in the bundle's search index. */
	interface PageVersion {
		html: string;
		entry?: TextIndexEntry;
	}

	const htmlFiles = filesUnder(DIST).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !f.startsWith('downloads/') && !/\/(translation-status|handout|card|404)\//.test(f) && f !== '404.html');
	/** The pages of the bundles, in the order of their paths (the order of the zips' entries). */
	const bundlePages = htmlFiles.filter((f) => languages.some((l) => f.startsWith(`${l.id}/`))).sort();
	const allPages = new Set(bundlePages);
	const stylesheets = new Map<string, boolean>();
	/** What every bundle holds besides pages: the start page, its own scripts and search, the site's stylesheets, the favicon. */
	const shared = (path: string) =>
		path === 'index.html' ||
		path === 'favicon.svg' ||
		path.startsWith('_offline/') ||
		path.startsWith('search/') ||
		(path.startsWith('_astro/') && path.endsWith('.css') && (stylesheets.get(path) ?? stylesheets.set(path, existsSync(join(DIST, path))).get(path)!));
	/** Whether a path is inside the bundle of all languages, and inside the bundle of the language `id`. */
	const inAll = (path: string) => allPages.has(path) || shared(path);
	const inLanguage = (id: string) => (path: string) => shared(path) || (allPages.has(path) && path.startsWith(`${id}/`));

	/**
	 * Rewrites one page for file://, parsed once for the two bundles that hold it: the bundle of all
	 * languages and the bundle of its own language. They differ only where the page points at
	 * another language's pages (inside the one, online only in the other): the page is rewritten for
	 * the bundle of all first and written out, then those places are changed for its own bundle.
	 */
	async function rewritePage(file: string): Promise<{ language: Language; all: PageVersion; own: PageVersion }> {
		const html = readFileSync(join(DIST, file), 'utf8');
		const document = parse(html, { comment: true, blockTextElements: { script: true, style: true, pre: true } });
		const pageLang = document.querySelector('html')?.getAttribute('lang') ?? languages[0]!.lang;
		const language = languages.find((l) => l.lang === pageLang) ?? languages[0]!;
		const inOwn = inLanguage(language.id);
		/** What changes from the bundle of all to the page's own bundle. */
		const ownOnly: (() => void)[] = [];
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

		// Languages outside a bundle leave the picker; the others point at files.
		for (const option of document.querySelectorAll('starlight-lang-select option')) {
			const target = fileForUrl(option.getAttribute('value') ?? '');
			if (!inAll(target)) option.remove();
			else {
				option.setAttribute('value', relativeUrl(file, `/${target}`)!);
				if (!inOwn(target)) ownOnly.push(() => option.remove());
			}
		}
		for (const link of document.querySelectorAll('link[rel="alternate"], link[rel="canonical"], link[rel="sitemap"]')) link.remove();

		// Links and assets: what is outside a bundle is marked online only (links) or left out.
		const leave = (element: HTMLElement) => {
			if (element.tagName === 'A') {
				element.removeAttribute('href');
				markOnlineOnly(element, ui);
				// A link without an address may carry neither download nor rel (invalid HTML).
				for (const attribute of ['download', 'rel']) element.removeAttribute(attribute);
			} else element.remove();
		};
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
				if (!inAll(target)) leave(element);
				else {
					element.setAttribute(attribute, relativeUrl(file, url)!);
					if (!inOwn(target)) ownOnly.push(() => leave(element));
				}
			}
		}

		// The downloads page: the bundle cannot hold its own checksum, so it points to the online page.
		for (const note of document.querySelectorAll('.offline-note')) note.setAttribute('data-offline', '');
		for (const cell of document.querySelectorAll('[data-size], [data-sha256], [data-build-date]')) cell.set_content('');
		document.querySelector('head')?.insertAdjacentHTML('beforeend', `<meta name="playbook-version" content="${escapeHtml(version)}">`);
		// The page's scripts changed, so its Content-Security-Policy is computed again.
		const written = (name: string): PageVersion => ({ html: withPolicy(document.toString(), knownScripts, `${name}/${file}`), entry: detached(textIndexEntry(document, file)) });
		const all = written('playbook-all');
		if (!ownOnly.length) return { language, all, own: all };
		for (const change of ownOnly) change();
		const own = written(`playbook-${language.id}`);
		// Mostly only the language picker differs, outside the indexed text: the same entry then lets
		// the two bundles share the language's search index (see the script cache in run).
		if (own.entry && all.entry && sameEntry(own.entry, all.entry)) own.entry = all.entry;
		return { language, all, own };
	}
	function markOnlineOnly(link: HTMLElement, ui: Record<string, string>) {
		link.classList.add('online-only');
		link.setAttribute('rel', 'external noreferrer');
		link.insertAdjacentHTML('beforeend', ` <span class="online-only-note">${ui['offline.onlineOnly']}</span>`);
	}

	/** The bundle's start page: the site root with only the bundle's languages, and what it is. */
	async function startPage(bundle: Bundle, date: string): Promise<string> {
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
		return withPolicy(document.toString(), knownScripts, `${bundle.name}/index.html`);
	}

	function readme(bundle: Bundle, date: string): string {
		const lines = bundle.languages.map((l) => {
			const ui = strings[l.id]!;
			return [ui['site.title'], fillText(ui['offline.version']!, { version, date }), ui['offline.howToOpen']].join('\n');
		});
		return `${lines.join('\n\n')}\n`;
	}

	// ---------------------------------------------------------------------------------------------
	// Main.
	// ---------------------------------------------------------------------------------------------

	/** What a bundle refers to besides pages: stylesheets, scripts, the favicon. */
	const ASSET = /(?:href|src)="((?:\.\.?\/)+)?(_astro\/[^"]+\.css|_offline\/[^"]+\.(?:js|css)|favicon\.svg)"/g;

	/** One bundle's zip, written to disk as its entries come; nothing of it is kept but what it refers to and its search index. */
	function openBundle(bundle: Bundle, date: Date) {
		const zipName = `${bundle.name}.zip`;
		const zip = zipFile(join(OUT, zipName), bundle.name, date);
		const assets = new Set<string>();
		const search = new Map<string, TextIndexEntry[]>(bundle.languages.map((l) => [l.id, []]));
		return {
			bundle,
			zipName,
			/** Adds a file that is not a page. */
			file: zip.add,
			/** Adds an HTML page, with what it refers to and its entry in the search index. */
			page(path: string, html: string, language?: Language, entry?: TextIndexEntry) {
				for (const match of html.matchAll(ASSET)) assets.add(match[2]!);
				if (language && entry) search.get(language.id)!.push(entry);
				zip.add(path, html);
			},
			/** Adds what the pages refer to and the search index, and closes the zip. */
			finish(searchScript: (lang: string, entries: TextIndexEntry[]) => string) {
				for (const asset of [...assets].sort()) {
					if (asset === '_offline/search.js') zip.add(asset, searchBox!);
					else if (asset === '_offline/offline.css') zip.add(asset, readFileSync(fileURLToPath(new URL('../../components/offline.css', import.meta.url))));
					else if (asset.startsWith('_offline/')) zip.add(asset, [...classicScripts.values()].find((s) => s.file === asset)!.code);
					else zip.add(asset, readFileSync(join(DIST, asset)));
				}
				for (const [lang, entries] of search) if (entries.length) zip.add(`search/${lang}.js`, searchScript(lang, entries));
				return zip.end();
			},
		};
	}

	/** The offline search box's script, bundled when the stage runs. */
	let searchBox: Uint8Array | undefined;

	async function run(progress: (message: string) => void): Promise<{ bundles: number; bytes: number }> {
		const date = buildDate(ROOT);
		const day = date.toISOString().slice(0, 10);
		mkdirSync(OUT, { recursive: true });
		// Zips from an earlier build go; the PDF handouts stay.
		for (const name of readdirSync(OUT)) if (name.endsWith('.zip')) rmSync(join(OUT, name));

		const searchScript = await esbuild({ entryPoints: [fileURLToPath(new URL('../../components/offline-search.ts', import.meta.url))], bundle: true, format: 'iife', minify: true, write: false, target: 'es2020', legalComments: 'none', logLevel: 'silent' });
		searchBox = searchScript.outputFiles[0]!.contents;

		const t0 = performance.now();
		const own = new Map(languages.map((l) => [l.id, openBundle({ name: `playbook-${l.id}`, languages: [l] }, date)]));
		const all = openBundle({ name: 'playbook-all', languages }, date);
		const zips = [...own.values(), all];
		progress(`found ${bundlePages.length} pages in dist/; building ${zips.length} bundles, version ${version}, dated ${day}`);
		// Every zip opens with its readme and start page, then holds the pages in the order of their paths.
		for (const zip of zips) {
			zip.file('README.txt', readme(zip.bundle, day));
			zip.page('index.html', await startPage(zip.bundle, day));
		}
		const every = Math.max(100, Math.ceil(bundlePages.length / 20));
		for (const [i, file] of bundlePages.entries()) {
			const page = await rewritePage(file);
			all.page(file, page.all.html, page.language, page.all.entry);
			own.get(page.language.id)!.page(file, page.own.html, page.language, page.own.entry);
			if ((i + 1) % every === 0) progress(`${i + 1}/${bundlePages.length} pages rewritten (${Math.round(performance.now() - t0)} ms)`);
		}
		// A language's search index is the same in its own bundle and in the one with all, unless a page's text differs between them.
		const scripts = new Map<TextIndexEntry[], string>();
		const script = (lang: string, entries: TextIndexEntry[]) => {
			const same = [...scripts.keys()].find((other) => other.length === entries.length && other.every((e, i) => e === entries[i]));
			if (same) return scripts.get(same)!;
			const made = textIndexScript(lang, entries);
			scripts.set(entries, made);
			return made;
		};
		let total = 0;
		for (const [i, zip] of zips.entries()) {
			const { bytes, files, sha256: sum } = zip.finish(script);
			total += bytes;
			progress(`${i + 1}/${zips.length} ${zip.zipName.padEnd(20)} ${String(files).padStart(4)} files  ${formatBytes(bytes).padStart(9)}  sha256 ${sum.slice(0, 16)}…`);
		}
		return { bundles: zips.length, bytes: total };
	}

	return { run };
}

/**
 * A reproducible zip written to `path` as entries are added: every entry below `folder`, dated
 * `date`, compressed at level 9, in the order added. Only the entry being compressed is in memory.
 */
function zipFile(path: string, folder: string, date: Date) {
	const fd = openSync(path, 'w');
	const hash = createHash('sha256');
	let bytes = 0;
	let files = 0;
	let failure: Error | null = null;
	const zip = new Zip((error, chunk) => {
		if (error) failure ??= error;
		else {
			writeSync(fd, chunk);
			hash.update(chunk);
			bytes += chunk.length;
		}
	});
	const fail = (error: unknown) => {
		closeSync(fd);
		rmSync(path, { force: true });
		throw new Error(`dist/downloads/${folder}.zip could not be written: ${error instanceof Error ? error.message : String(error)}`);
	};
	return {
		add(name: string, data: Uint8Array | string) {
			const raw = typeof data === 'string' ? new TextEncoder().encode(data) : data;
			// Compressed at once, as zipSync does, rather than by a ZipDeflate: the zip keeps every
			// entry until its end, for its central directory, and a ZipDeflate would keep its
			// compressor's buffers (some hundred KB an entry) with it. Flag 1 says "level 9".
			const entry: ZipInputFile = { filename: `${folder}/${name}`, mtime: date, compression: 8, flag: 1, size: raw.length, crc: crc32(raw) };
			zip.add(entry);
			entry.ondata!(null, deflateSync(raw, { level: 9 }), true);
			files++;
			if (failure) fail(failure);
		},
		end(): { bytes: number; files: number; sha256: string } {
			zip.end();
			if (failure) fail(failure);
			closeSync(fd);
			return { bytes, files, sha256: hash.digest('hex') };
		},
	};
}

export const offlineBundles: Stage<BuildContext> = {
	name: 'offline bundles',
	does: 'writes a zip per language and one with all, each readable from file://',
	async run(context, progress) {
		const { bundles, bytes } = await bundler(context).run(progress);
		return { made: `${bundles} zips in dist/downloads/`, bytes };
	},
};

const sameEntry = (a: TextIndexEntry, b: TextIndexEntry) => a.id === b.id && a.url === b.url && a.title === b.title && a.text === b.text;
