/**
 * The Content-Security-Policy of the site, written once. Every built page carries it as a meta
 * tag, with the hashes of exactly the inline scripts that page holds, so it protects readers on
 * any host and from file://. The server configurations send the same policy as a header, with
 * the hashes of every page, plus what only a header can say (frame-ancestors).
 *
 * No 'unsafe-inline' for scripts: inline scripts run only when their hash is listed. Styles keep
 * 'unsafe-inline' because Starlight and Astro write style attributes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from './files.ts';

/** The policy without script hashes. 'self' is the site's own origin (or the bundle's folder). */
const DIRECTIVES: [string, string[]][] = [
	['default-src', ["'self'"]],
	// Pagefind runs WebAssembly, compiled from its own file.
	['script-src', ["'self'", "'wasm-unsafe-eval'"]],
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

/** The CSP source for a script body: what browsers compare an inline script against. */
export function scriptHash(body: string): string {
	return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** Hashes of a page's inline scripts, in page order, each once. */
export function inlineScriptHashes(html: string): string[] {
	const hashes = new Set<string>();
	for (const [, attributes, body] of html.replace(CSP_META, '').matchAll(INLINE_SCRIPT)) {
		if (/\bsrc\s*=/i.test(attributes!)) continue;
		hashes.add(scriptHash(body!));
	}
	return [...hashes];
}

/** The policy as text, allowing exactly these inline scripts. */
export function policy(hashes: Iterable<string>, { header = false } = {}): string {
	const sorted = [...new Set(hashes)].sort();
	return [...DIRECTIVES, ...(header ? HEADER_ONLY : [])]
		.map(([name, sources]) => [name, ...sources, ...(name === 'script-src' ? sorted : [])].join(' '))
		.join('; ');
}

/** The page with its policy in place, and the hashes the policy lists. */
function seal(html: string): { html: string; hashes: string[] } {
	const clean = html.replace(CSP_META, '');
	const hashes = inlineScriptHashes(clean);
	const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}">`;
	const at = /<meta charset="?utf-8"?\s*\/?>/i.exec(clean) ?? /<head[^>]*>/i.exec(clean);
	if (!at) throw new Error('a page without <head> cannot carry a Content-Security-Policy');
	const end = at.index + at[0].length;
	return { html: clean.slice(0, end) + meta + clean.slice(end), hashes };
}

/**
 * The page with its policy as the first thing in <head> after the charset, since a meta policy
 * covers only what comes after it. An earlier policy is replaced, so the page can be rewritten
 * (as the offline bundles do) and sealed again.
 */
export function withPolicy(html: string): string {
	return seal(html).html;
}

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
 * configurations in deploy/ include. Returns the pages sealed and the distinct inline scripts.
 */
export function sealSite(dist: string): { pages: number; hashes: string[] } {
	const all = new Set<string>();
	const files = filesUnder(dist).filter((f) => f.endsWith('.html'));
	for (const file of files) {
		const { html, hashes } = seal(readFileSync(join(dist, file), 'utf8'));
		for (const hash of hashes) all.add(hash);
		writeFileSync(join(dist, file), html);
	}
	const headers = securityHeaders(all);
	const note = 'Written by the build (src/lib/csp.ts) for this build of the site: do not edit, rebuild.';
	mkdirSync(join(dist, '_server'), { recursive: true });
	writeFileSync(join(dist, '_server', 'headers.nginx'), [`# ${note}`, ...headers.map(([name, value]) => `add_header ${name} "${value}" always;`), ''].join('\n'));
	writeFileSync(join(dist, '_server', 'headers.caddy'), [`# ${note}`, 'header {', ...headers.map(([name, value]) => `\t${name} "${value}"`), '}', ''].join('\n'));
	return { pages: files.length, hashes: [...all].sort() };
}
