/**
 * What every shipped server configuration must do, checked the same way for nginx and Caddy:
 * security headers, compression, caching, 404 pages per language, and the site working in
 * Chromium with the header and meta policies both in force. Each test file starts its server
 * on loopback and passes the address of its onion-service port.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inlineScriptHashes, policy } from '../../src/build/csp';
import { launch, searchSite, watch, watchPolicy } from './browser';
import { click, LEVELS, launchAt, needFirefox, read, until } from './firefox';
import { ROOT } from './project';
import { htmlFiles, readDist, siteData } from './site';

const languages = siteData().languages;
const strings = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'content', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
const allHashes = () => [...new Set(htmlFiles().filter((f) => !f.startsWith('downloads/')).flatMap((f) => inlineScriptHashes(readDist(f))))];

/** A TCP port free on loopback right now, for a server under test. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** Replaces text that must be in a shipped configuration, so the test fails if the file changes shape. */
export function replaceIn(text: string, from: string, to: string, file: string): string {
	if (!text.includes(from)) throw new Error(`${file} no longer contains "${from}"; update this test with the new configuration`);
	return text.replaceAll(from, to);
}

/**
 * The address the reader's requests come from in the log tests: a loopback address of its own,
 * so that finding it in a log can only mean the server wrote the reader's address down.
 */
export const READER = '127.0.0.2';

/**
 * One HTTP exchange from the reader's address; resolves with the status, or 0 when the server
 * closed the connection. Over TLS (`tls`), the name the client asks for is `servername`, none
 * (as for a bare IP address) when it is left out; any certificate is accepted.
 */
function ask(port: number, path: string, options: { method?: string; headers?: Record<string, string>; tls?: boolean; servername?: string } = {}): Promise<number> {
	return new Promise((resolve) => {
		const request = { host: '127.0.0.1', port, path, localAddress: READER, method: options.method ?? 'GET', headers: options.headers };
		const done = (res: IncomingMessage) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode!));
		};
		const req = options.tls ? httpsRequest({ ...request, servername: options.servername, rejectUnauthorized: false }, done) : httpRequest(request, done);
		req.on('error', () => resolve(0));
		req.end();
	});
}

/** Raw bytes from the reader's address, for requests no HTTP client would send. */
function raw(port: number, bytes: string): Promise<string> {
	return new Promise((resolve) => {
		let answer = '';
		const socket = connect({ host: '127.0.0.1', port, localAddress: READER }, () => socket.end(bytes));
		socket.setTimeout(2000, () => socket.destroy());
		socket.on('data', (d) => (answer += d));
		socket.on('close', () => resolve(answer));
		socket.on('error', () => resolve(answer));
	});
}

/** A TLS handshake from the reader's address that fails (no name the server knows, then garbage). */
function badHandshake(port: number): Promise<void> {
	return new Promise((resolve) => {
		const tcp = connect({ host: '127.0.0.1', port, localAddress: READER });
		const socket = tlsConnect({ socket: tcp, servername: 'unknown.invalid', rejectUnauthorized: true });
		socket.setTimeout(2000, () => socket.destroy());
		socket.on('error', () => resolve());
		socket.on('close', () => resolve());
	});
}

/**
 * What readers do to a server in a day, all from READER: pages, files, folders, missing pages,
 * requests for another host name or for the bare IP address (on the HTTP and HTTPS ports, where
 * a server's default site answers them), and bad requests (a broken request line, a bad Host, an
 * unknown method, a path that climbs out, plain HTTP to the HTTPS port, failed TLS handshakes).
 * Returns the statuses of the ordinary ones and of the other host names.
 */
export async function readerRound(ports: { onion: number; http: number; https: number }): Promise<Record<string, number>> {
	const statuses: Record<string, number> = {};
	for (const path of ['/', '/en/', '/ar/tools/signal/', '/downloads/SHA256SUMS', '/no-such-page', '/fr/no-such-page/', '/downloads/', '/pagefind/', '/_astro/', '/_server/headers.nginx', '/es/tools'])
		statuses[path] = await ask(ports.onion, path);
	statuses['POST /en/'] = await ask(ports.onion, '/en/', { method: 'POST', headers: { 'content-length': '0' } });
	statuses['PROPFIND /'] = await ask(ports.onion, '/', { method: 'PROPFIND' });
	statuses['http /en/'] = await ask(ports.http, '/en/', { headers: { host: 'guide.example.org' } });
	statuses['http other host'] = await ask(ports.http, '/en/', { headers: { host: 'other.example' } });
	// Node sends the address it connects to, "127.0.0.1:<port>", as the Host: the bare IP address.
	statuses['http bare IP'] = await ask(ports.http, '/en/');
	statuses['https other host'] = await ask(ports.https, '/en/', { tls: true, servername: 'other.example', headers: { host: 'other.example' } });
	statuses['https bare IP'] = await ask(ports.https, '/en/', { tls: true });
	await raw(ports.http, 'GARBAGE\r\n\r\n');
	await raw(ports.http, 'GET / HTTP/1.1\r\nHost: bad host name\r\n\r\n');
	await raw(ports.onion, 'GARBAGE\r\n\r\n');
	await raw(ports.onion, 'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n');
	await raw(ports.onion, 'GET / HTTP/1.1\r\nHost: bad host name\r\n\r\n');
	await raw(ports.onion, `GET /${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
	await raw(ports.onion, 'GET / HTTP/1.1\r\nHost: x\r\n');
	await raw(ports.https, 'GET / HTTP/1.1\r\nHost: guide.example.org\r\n\r\n');
	await raw(ports.https, '\x16\x03\x01\x00\x05garbage');
	await badHandshake(ports.https);
	return statuses;
}

/** Declares the shared tests; `base()` is read inside them, once the server has started. */
export function selfHostingChecks(base: () => string) {
	const onion = (path: string) => `${base()}${path}`;

	test('sends the build’s Content-Security-Policy and security headers with every page', async () => {
		const csp = policy(allHashes(), { header: true });
		for (const path of ['/', ...languages.map((l) => `/${l.id}/tools/signal/`)]) {
			const response = await fetch(onion(path));
			expect(response.status, path).toBe(200);
			expect(response.headers.get('content-security-policy'), path).toBe(csp);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('no-referrer');
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			// The server names no version.
			expect(response.headers.get('server') ?? '').not.toMatch(/\d/);
		}
	});

	test('compresses text and caches only files with hashed names for long', async () => {
		const page = await fetch(onion('/en/'), { headers: { 'accept-encoding': 'gzip' } });
		expect(page.headers.get('content-encoding')).toBe('gzip');
		expect(page.headers.get('vary')).toBe('Accept-Encoding');
		expect(page.headers.get('cache-control')).toBe('no-cache');
		const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await page.text())![1]!;
		const asset = await fetch(onion(css), { headers: { 'accept-encoding': 'gzip' } });
		expect(asset.status).toBe(200);
		expect(asset.headers.get('content-encoding')).toBe('gzip');
		expect(asset.headers.get('cache-control')).toBe('max-age=31536000');
		// Security headers are not lost where caching is set.
		expect(asset.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		// Revalidation: an unchanged page costs a 304 and no body.
		const again = await fetch(onion('/en/'), { headers: { 'if-modified-since': page.headers.get('last-modified')! } });
		expect(again.status).toBe(304);
	});

	test.each(languages.map((l) => l.id))('answers an unknown %s address with that language’s 404 page', async (lang) => {
		const response = await fetch(onion(`/${lang}/no-such-page/`));
		expect(response.status).toBe(404);
		const html = await response.text();
		expect(html).toContain(`<html lang="${languages.find((l) => l.id === lang)!.lang}"`);
		expect(html).toContain(strings(lang)['notFound.title']);
		expect(html).toContain(`href="/${lang}/all-pages/"`);
		expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
	});

	test('answers other unknown addresses, and its own snippets, with the 404 page in every language', async () => {
		for (const path of ['/no-such-page', '/zz/no-such-page/', '/_server/headers.nginx', '/_server/headers.caddy']) {
			const response = await fetch(onion(path));
			expect(response.status, path).toBe(404);
			const html = await response.text();
			for (const l of languages) expect(html, path).toContain(strings(l.id)['notFound.title']);
			expect(html).not.toContain('Content-Security-Policy "');
		}
	});

	test('answers a folder without a page of its own with the 404 page, and serves the checksums as UTF-8 text', async () => {
		for (const path of ['/downloads/', '/pagefind/', '/_astro/']) {
			const response = await fetch(onion(path));
			expect(response.status, path).toBe(404);
			expect(await response.text(), path).toContain(strings(languages[0]!.id)['notFound.title']);
		}
		const sums = await fetch(onion('/downloads/SHA256SUMS'));
		expect(sums.status).toBe(200);
		expect(sums.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await sums.text()).toMatch(/^[0-9a-f]{64} {2}playbook-en\.zip$/m);
		expect(sums.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	test('adds the slash to a folder address without naming its own host', async () => {
		const response = await fetch(onion('/es/tools'), { redirect: 'manual' });
		expect([301, 308]).toContain(response.status);
		expect(response.headers.get('location')).toBe('/es/tools/');
	});

	test('sends no-store with the pages that hold a reader’s answers and the single files, and only with them', async () => {
		const answers = htmlFiles().filter((f) => !f.startsWith('downloads/') && /<risk-selector\b/.test(readDist(f)));
		expect(answers.length).toBeGreaterThan(0);
		const addresses = [...answers.flatMap((f) => [`/${f}`, `/${f.replace(/index\.html$/, '')}`]), ...languages.map((l) => `/downloads/guide-${l.id}.html`)];
		for (const path of addresses) {
			const response = await fetch(onion(path));
			expect(response.status, path).toBe(200);
			expect(response.headers.get('cache-control'), path).toMatch(/(^|,\s*)no-store(,|$)/);
			// The security headers are still sent with them.
			expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
		}
		for (const path of ['/', '/en/', `/${answers[0]!.replace(/index\.html$/, '')}x/`, '/downloads/SHA256SUMS']) {
			const response = await fetch(onion(path));
			expect(response.headers.get('cache-control') ?? '', path).not.toContain('no-store');
		}
	});

	describe('Back after a quick exit, without JavaScript, in Firefox at Tor Browser’s Safest level', () => {
		const ready = needFirefox();
		test.each(['en', 'ar'])('%s: the risk check shows no answer', async (lang) => {
			if (!ready) return;
			const neutral = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>neutral</title>'));
			await new Promise<void>((resolve) => neutral.listen(0, '127.0.0.1', resolve));
			const away = `http://localhost:${(neutral.address() as { port: number }).port}/`;
			const firefox = await launchAt(LEVELS.find((l) => l.name === 'Safest')!);
			try {
				const page = await firefox.newPage();
				const path = `/${lang}/risk-check/`;
				await page.goto(onion(path));
				const first = await read<string>(page, `document.querySelector('risk-selector fieldset[data-question]').dataset.question`);
				await click(page, `fieldset[data-question="${first}"] input[value="no"]`);
				expect(await read(page, `document.querySelectorAll('risk-selector input:checked').length`)).toBe(1);
				// The quick exit is an ordinary link without JavaScript: pointed at a local stand-in of another site.
				await page.evaluate(`document.querySelector('a[data-quick-exit]').setAttribute('href', ${JSON.stringify(away)})`);
				await click(page, 'a[data-quick-exit]');
				expect(await until(page, 'location.href', (href) => href === away)).toBe(away);
				void page.goBack().catch(() => {});
				expect(await until(page, 'location.pathname', (p) => p === path)).toBe(path);
				await until(page, 'document.readyState', (state) => state === 'complete');
				expect(await read(page, `document.querySelectorAll('risk-selector input:checked').length`)).toBe(0);
			} finally {
				await firefox.close();
				neutral.close();
			}
		});
	});

	test('serves a site that works in Chromium with the header and meta policies both in force', async () => {
		const browser = await launch();
		try {
			const page = await browser.newPage();
			const problems = watch(page);
			const violations = await watchPolicy(page);
			await page.goto(onion('/'));
			await page.getByRole('link', { name: /Español/ }).click();
			await page.waitForURL(onion('/es/'));
			expect(await searchSite(page, 'Signal')).not.toEqual([]);
			await page.goto(onion('/es/risk-check/'));
			await page.locator('fieldset[data-question="surveilled"] input[value="no"]').check();
			await page.goto(onion('/es/scenarios/direct-contact/'));
			await page.locator('scenario-sequencer button[data-next]').click();
			expect(await violations()).toEqual([]);
			expect(problems).toEqual([]);
			// The 404 page is a real page too: its status is the only error.
			const missing = await page.goto(onion('/ar/no-such-page/'));
			expect(missing?.status()).toBe(404);
			expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
			expect(await violations()).toEqual([]);
		} finally {
			await browser.close();
		}
	});
}
