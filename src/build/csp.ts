/**
 * The Content-Security-Policy of the site, written once. Every built page carries it as a meta
 * tag, with the hashes of the inline scripts that page holds, each one of the generator's own
 * (src/build/inline-scripts.ts): an inline script from anywhere else is never listed, so it protects readers on
 * any host and from file://. The server configurations send the same policy as a header, with
 * the hashes of every page, plus what only a header can say (frame-ancestors).
 *
 * No 'unsafe-inline' for scripts: inline scripts run only when their hash is listed. Styles keep
 * 'unsafe-inline' because Starlight and Astro write style attributes.
 *
 * Script files are allowed as 'self' on the site and in the offline bundles, not by hash: a page's
 * scripts load others on demand with import() (Pagefind, the search without WebAssembly, the
 * OpenPGP library), and under 'strict-dynamic' browsers block an import() made by a script that
 * the page's markup names (Chromium and Firefox alike: the import keeps the "parser-inserted" mark
 * of the script that makes it), while without 'strict-dynamic' a hash cannot allow a file loaded
 * on demand, which carries no `integrity`. From file:// Chromium checks no `integrity` at all (it
 * needs CORS). That every script file and tag is the build's own is checked after the build
 * instead (the output check, src/build/check-output.ts). The single-file guides load no file: their
 * policy lists their inline scripts alone, without 'self' or WebAssembly.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from './files.ts';

/** The policy without script sources. 'self' is the site's own origin (or the bundle's folder). */
const DIRECTIVES: [string, string[]][] = [
	['default-src', ["'self'"]],
	['script-src', []],
	['style-src', ["'self'", "'unsafe-inline'"]],
	// Pagefind's search box draws its icons from data: images in its stylesheet.
	['img-src', ["'self'", 'data:']],
	['font-src', ["'self'"]],
	['connect-src', ["'self'"]],
	// Pagefind starts its worker from a blob.
	['worker-src', ["'self'", 'blob:']],
	['object-src', ["'none'"]],
	['base-uri', ["'none'"]],
	['form-action', ["'self'"]],
];

/** Directives a meta tag cannot carry; servers send them as headers. */
const HEADER_ONLY: [string, string[]][] = [['frame-ancestors', ["'none'"]]];

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>\s*/gi;
const REFERRER_META = /<meta name="referrer"[^>]*>\s*/gi;

/**
 * No page tells another site which page the reader came from: not a link, not a resource, and not
 * the quick exit, whose location.replace() ignores rel="noreferrer" and follows the page's policy.
 * Written by the seal into every page, the offline bundles' included, right after the policy.
 */
export const NO_REFERRER = '<meta name="referrer" content="no-referrer">';

/** The CSP source for a script body: what browsers compare an inline script against. */
export function scriptHash(body: string): string {
	return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** A page's inline scripts, in page order: their bodies and hashes. */
export function inlineScripts(html: string): { body: string; hash: string }[] {
	const scripts: { body: string; hash: string }[] = [];
	for (const [, attributes, body] of html.replace(CSP_META, '').matchAll(INLINE_SCRIPT)) {
		if (/\bsrc\s*=/i.test(attributes!)) continue;
		scripts.push({ body: body!, hash: scriptHash(body!) });
	}
	return scripts;
}

/** Hashes of a page's inline scripts, in page order, each once. */
export function inlineScriptHashes(html: string): string[] {
	return [...new Set(inlineScripts(html).map((s) => s.hash))];
}

/**
 * Which scripts a policy allows besides the inline ones listed by hash:
 * - `self`: files of the site's origin (the bundle's folder from file://), and WebAssembly: the site and the offline bundles;
 * - `inline`: none, and no WebAssembly: the single-file guides.
 */
export type ScriptSources = 'self' | 'inline';

const SCRIPT_SOURCES: Record<ScriptSources, string[]> = {
	// Pagefind runs WebAssembly, compiled from its own file.
	self: ["'self'", "'wasm-unsafe-eval'"],
	inline: [],
};

/** The policy as text, allowing exactly these inline scripts. */
export function policy(hashes: Iterable<string>, { header = false, scripts = 'self' as ScriptSources } = {}): string {
	const sorted = [...new Set(hashes)].sort();
	return [...DIRECTIVES, ...(header ? HEADER_ONLY : [])]
		.map(([name, sources]) => {
			const list = name === 'script-src' ? [...SCRIPT_SOURCES[scripts], ...sorted] : sources;
			return [name, ...(list.length ? list : ["'none'"])].join(' ');
		})
		.join('; ');
}

/**
 * The page with its policy in place, and the hashes the policy lists: those of the page's inline
 * scripts that are `known` (the generator's own, src/build/inline-scripts.ts). Any other inline
 * script is returned in `unknown` and left out of the policy, so it could not run; the callers
 * stop the build on it.
 */
export function seal(html: string, known: ReadonlySet<string>, scripts: ScriptSources = 'self'): { html: string; hashes: string[]; unknown: string[] } {
	const clean = html.replace(CSP_META, '').replace(REFERRER_META, '');
	const hashes = new Set<string>();
	const unknown: string[] = [];
	for (const { body, hash } of inlineScripts(clean)) {
		if (known.has(hash)) hashes.add(hash);
		else unknown.push(body);
	}
	const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, { scripts })}">${NO_REFERRER}`;
	const at = /<meta charset="?utf-8"?\s*\/?>/i.exec(clean) ?? /<head[^>]*>/i.exec(clean);
	if (!at) throw new Error('a page without <head> cannot carry a Content-Security-Policy');
	const end = at.index + at[0].length;
	return { html: clean.slice(0, end) + meta + clean.slice(end), hashes: [...hashes], unknown };
}

/**
 * The page with its policy as the first thing in <head> after the charset, since a meta policy
 * covers only what comes after it, followed by the referrer policy. An earlier policy is replaced, so the page can be rewritten
 * (as the offline bundles do) and sealed again. Throws on an inline script that is not `known`.
 */
export function withPolicy(html: string, known: ReadonlySet<string>, page = 'a page', scripts: ScriptSources = 'self'): string {
	const sealed = seal(html, known, scripts);
	if (sealed.unknown.length) throw new Error(`${page} holds an inline script that the generator does not write: <script>${excerpt(sealed.unknown[0]!)}</script>`);
	return sealed.html;
}

/** The first characters of a script, on one line, for messages. */
export const excerpt = (body: string) => {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
};

/** The headers every response of the site gets, as [name, value] pairs. */
export function securityHeaders(hashes: Iterable<string>): [string, string][] {
	return [
		['Content-Security-Policy', policy(hashes, { header: true })],
		['X-Content-Type-Options', 'nosniff'],
		// Links to other sites do not tell them which page the reader came from.
		['Referrer-Policy', 'no-referrer'],
		['X-Frame-Options', 'DENY'],
		['Cross-Origin-Opener-Policy', 'same-origin'],
		['Cross-Origin-Resource-Policy', 'same-origin'],
		['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'],
	];
}

/**
 * Gives every page of a built site its policy, and writes the server snippets that send the
 * same policy as headers: `_server/headers.nginx` and `_server/headers.caddy`, which the
 * configurations in deploy/ include. Only `known` inline scripts are listed. Returns the pages
 * sealed, the distinct inline scripts, and every inline script that is not known, by page
 * (relative to `dist`); the caller stops the build when there is one, and then writes nothing.
 */
export function sealSite(dist: string, known: ReadonlySet<string>): { pages: number; hashes: string[]; unknown: { file: string; body: string }[]; answers: string[] } {
	const all = new Set<string>();
	const unknown: { file: string; body: string }[] = [];
	const answers: string[] = [];
	// The single-file guides in downloads/ are files to download, sealed by the stage that writes them.
	const files = filesUnder(dist).filter((f) => f.endsWith('.html') && !f.startsWith('downloads/'));
	// The pages are read twice rather than all held in memory at once, which would grow with the
	// site: first to find an inline script that is not known (then nothing is written), then to be
	// sealed and written one at a time.
	for (const file of files) {
		const html = readFileSync(join(dist, file), 'utf8');
		const page = seal(html, known);
		if (holdsAnswers(html)) answers.push(file);
		for (const hash of page.hashes) all.add(hash);
		for (const body of page.unknown) unknown.push({ file, body });
	}
	if (unknown.length) return { pages: files.length, hashes: [...all].sort(), unknown, answers };
	for (const file of files) writeFileSync(join(dist, file), seal(readFileSync(join(dist, file), 'utf8'), known).html);
	const headers = securityHeaders(all);
	const note = 'Written by the build (src/build/csp.ts) for this build of the site: do not edit, rebuild.';
	const kept = notStored(answers);
	mkdirSync(join(dist, '_server'), { recursive: true });
	writeFileSync(join(dist, '_server', 'headers.nginx'), [`# ${note}`, ...headers.map(([name, value]) => `add_header ${name} "${value}" always;`), ...noStoreNginx(kept), ''].join('\n'));
	writeFileSync(join(dist, '_server', 'headers.caddy'), [`# ${note}`, 'header {', ...headers.map(([name, value]) => `\t${name} "${value}"`), '}', ...noStoreCaddy(kept), ''].join('\n'));
	return { pages: files.length, hashes: [...all].sort(), unknown, answers };
}

/** True when a page holds the risk check's form, where a reader's answers are (components/RiskSelector.astro). */
const holdsAnswers = (html: string): boolean => /<risk-selector\b/.test(html) && /<form\b/.test(html);

/**
 * The addresses a browser must never keep, from the pages of the site that hold a reader's
 * answers (relative to dist/): each page by its folder address and its file, and, when there is
 * one, every HTML file in downloads/, the single-file guides, which hold the same form and are
 * opened online too. Without JavaScript nothing can empty the form as the reader leaves, and a
 * browser that keeps the page in its back-forward cache shows the answers again on Back, after a
 * quick exit too; `Cache-Control: no-store` keeps Firefox and Tor Browser from keeping it there.
 */
export function notStored(answers: readonly string[]): { exact: string[]; downloads: boolean } {
	const exact = answers.flatMap((file) => (/(^|\/)index\.html$/.test(file) ? [`/${file.replace(/index\.html$/, '')}`, `/${file}`] : [`/${file}`]));
	return { exact: exact.sort(), downloads: answers.length > 0 };
}

const NO_STORE_NOTE = [
	'# Pages that hold a reader\'s answers (the risk check, and the single-file guides that contain it)',
	'# are not kept by the browser, not even in its back-forward cache: without JavaScript, Back after',
	'# a quick exit would otherwise show the answers again.',
];

const regexQuote = (text: string) => text.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&');

/** The nginx lines: a variable set from the address, sent as a header only when it is not empty. */
function noStoreNginx({ exact, downloads }: { exact: string[]; downloads: boolean }): string[] {
	if (!exact.length) return [];
	const alternatives = [...exact.map(regexQuote), ...(downloads ? ['/downloads/[^/]+\\.html'] : [])];
	return [
		...NO_STORE_NOTE,
		'set $playbook_no_store "";',
		`if ($uri ~ "^(?:${alternatives.join('|')})$") {`,
		'\tset $playbook_no_store "no-store";',
		'}',
		'add_header Cache-Control $playbook_no_store always;',
	];
}

/** The Caddy lines: a matcher of those addresses and a header set as the response is written (`defer`), over any other Cache-Control. */
function noStoreCaddy({ exact, downloads }: { exact: string[]; downloads: boolean }): string[] {
	if (!exact.length) return [];
	return [...NO_STORE_NOTE, `@playbook_no_store path ${[...exact, ...(downloads ? ['/downloads/*.html'] : [])].join(' ')}`, 'header @playbook_no_store {', '\tCache-Control "no-store"', '\tdefer', '}'];
}
