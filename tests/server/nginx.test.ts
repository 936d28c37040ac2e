/**
 * Self-hosting, for real: Debian's nginx runs the shipped configuration (deploy/nginx/) on
 * loopback ports, serving dist/ over HTTPS (a throwaway certificate), HTTP and the onion-service
 * port. The test changes only what a deployer changes: paths, ports and the certificate.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, watch, watchPolicy } from '../helpers/browser';
import { DIST, ROOT, requireDist } from '../helpers/project';
import { siteData } from '../helpers/site';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const languages = siteData().languages;
const strings = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'content', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;

let dir: string;
let nginx: ChildProcess;
const port = { http: 0, https: 0, onion: 0 };
const onion = (path: string) => `http://127.0.0.1:${port.onion}${path}`;

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** Replaces text that must be in the shipped file, so the test fails if the file changes shape. */
function replace(text: string, from: string, to: string, file: string): string {
	if (!text.includes(from)) throw new Error(`${file} no longer contains "${from}"; update this test with the new configuration`);
	return text.replaceAll(from, to);
}

async function until(check: () => Promise<boolean>, what: string) {
	for (let i = 0; i < 100; i++) {
		if (await check().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`nginx did not ${what}; see ${join(dir, 'error.log')}:\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
}

/** A GET over HTTPS that accepts the throwaway certificate. */
function getHttps(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
	return new Promise((resolve, reject) => {
		request({ host: '127.0.0.1', port: port.https, path, servername: 'guide.example.org', headers: { host: 'guide.example.org' }, rejectUnauthorized: false }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
		})
			.on('error', reject)
			.end();
	});
}

beforeAll(async () => {
	requireDist();
	if (!existsSync(NGINX)) throw new Error(`No nginx at ${NGINX}. Install Debian's package (apt-get install nginx) or set NGINX_PATH.`);
	dir = mkdtempSync(join(tmpdir(), 'playbook-nginx-'));
	mkdirSync(join(dir, 'logs'));
	port.http = await freePort();
	port.https = await freePort();
	port.onion = await freePort();
	execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=guide.example.org', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });

	const sitePath = join(ROOT, 'deploy', 'nginx', 'playbook-site.conf');
	writeFileSync(join(dir, 'playbook-site.conf'), replace(readFileSync(sitePath, 'utf8'), '/var/www/playbook', DIST, sitePath));
	const mainPath = join(ROOT, 'deploy', 'nginx', 'playbook.conf');
	let main = readFileSync(mainPath, 'utf8');
	for (const [from, to] of [
		['/etc/nginx/snippets/playbook-site.conf', join(dir, 'playbook-site.conf')],
		['/etc/letsencrypt/live/guide.example.org/fullchain.pem', join(dir, 'cert.pem')],
		['/etc/letsencrypt/live/guide.example.org/privkey.pem', join(dir, 'key.pem')],
		['listen 80;', `listen 127.0.0.1:${port.http};`],
		['listen [::]:80;', ''],
		['listen 443 ssl http2;', `listen 127.0.0.1:${port.https} ssl http2;`],
		['listen [::]:443 ssl http2;', ''],
		['listen 127.0.0.1:8080;', `listen 127.0.0.1:${port.onion};`],
	])
		main = replace(main, from!, to!, mainPath);
	writeFileSync(join(dir, 'playbook.conf'), main);
	// What /etc/nginx/nginx.conf provides on a server, with everything kept in the temp folder.
	writeFileSync(
		join(dir, 'nginx.conf'),
		[
			'daemon off;',
			'worker_processes 1;',
			`user ${userInfo().username};`,
			`pid ${join(dir, 'nginx.pid')};`,
			`error_log ${join(dir, 'error.log')} warn;`,
			'events { worker_connections 64; }',
			'http {',
			'\tinclude /etc/nginx/mime.types;',
			'\tdefault_type application/octet-stream;',
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `\t${t}_temp_path ${join(dir, t)};`),
			`\tinclude ${join(dir, 'playbook.conf')};`,
			'}',
			'',
		].join('\n'),
	);
	execFileSync(NGINX, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
	nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
	await until(async () => (await fetch(onion('/'))).ok, 'start');
});

afterAll(async () => {
	nginx?.kill('SIGQUIT');
	await new Promise((r) => setTimeout(r, 200));
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the shipped nginx configuration', () => {
	const headersFile = () => readFileSync(join(DIST, '_server', 'headers.nginx'), 'utf8');

	test('sends the build’s Content-Security-Policy and security headers with every page', async () => {
		const csp = /add_header Content-Security-Policy "([^"]+)"/.exec(headersFile())![1];
		for (const path of ['/', ...languages.map((l) => `/${l.id}/tools/signal/`)]) {
			const response = await fetch(onion(path));
			expect(response.status, path).toBe(200);
			expect(response.headers.get('content-security-policy'), path).toBe(csp);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('no-referrer');
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.get('server')).toBe('nginx');
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
		for (const path of ['/no-such-page', '/zz/no-such-page/', '/_server/headers.nginx']) {
			const response = await fetch(onion(path));
			expect(response.status, path).toBe(404);
			const html = await response.text();
			for (const l of languages) expect(html, path).toContain(strings(l.id)['notFound.title']);
			expect(html).not.toContain('add_header');
		}
	});

	test('adds the slash to a folder address without naming its own host', async () => {
		const response = await fetch(onion('/es/tools'), { redirect: 'manual' });
		expect(response.status).toBe(301);
		expect(response.headers.get('location')).toBe('/es/tools/');
	});

	test('sends plain HTTP to HTTPS, and HTTPS keeps browsers on it', async () => {
		const plain = await fetch(`http://127.0.0.1:${port.http}/en/`, { redirect: 'manual' });
		expect(plain.status).toBe(301);
		expect(plain.headers.get('location')).toBe('https://guide.example.org/en/');
		const secure = await getHttps('/en/');
		expect(secure.status).toBe(200);
		expect(secure.headers['strict-transport-security']).toBe('max-age=63072000');
		expect(secure.headers['content-security-policy']).toContain("frame-ancestors 'none'");
	});

	test('keeps no record of readers: nothing is written to an access log', async () => {
		await fetch(onion('/fr/'));
		const log = join(dir, 'logs', 'access.log');
		expect(existsSync(log) ? statSync(log).size : 0).toBe(0);
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
			await page.locator('site-search button[data-open-modal]').click();
			await page.locator('#starlight__search input').fill('Signal');
			await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
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
});
