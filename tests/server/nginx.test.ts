/**
 * Self-hosting, for real: Debian's nginx runs the shipped configuration (deploy/nginx/) on
 * loopback ports, serving dist/ over HTTPS (a throwaway certificate), HTTP and the onion-service
 * port. It starts from a server as Debian's package leaves it, its default site enabled and its
 * access log on, and follows the steps of deploy/README.md as written; then it changes only what
 * a deployer changes: paths, ports and the certificate.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, ROOT, requireDist } from '../helpers/project';
import { freePort, READER, readerRound, replaceIn, selfHostingChecks } from '../helpers/self-hosting';
import { locate, needPrograms } from '../helpers/system';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const ready = needPrograms([
	{ name: 'nginx', path: NGINX, install: 'apt-get install nginx', variable: 'NGINX_PATH' },
	{ name: 'openssl', path: 'openssl', install: 'apt-get install openssl' },
]);

let dir: string;
let nginx: ChildProcess;
/** What nginx writes to its standard error: where the shipped configuration sends its error log. */
let stderr = '';
const port = { http: 0, https: 0, onion: 0 };
const onion = (path: string) => `http://127.0.0.1:${port.onion}${path}`;


/**
 * Debian's default site (/etc/nginx/sites-available/default as its nginx package installs it,
 * comments left out, on the test's HTTP port), enabled on a fresh install: the default server on
 * port 80, logging to the access log of nginx.conf.
 */
function debianDefaultSite(httpPort: number, root: string): string {
	return [
		'server {',
		`\tlisten 127.0.0.1:${httpPort} default_server;`,
		`\troot ${root};`,
		'\tindex index.html index.htm index.nginx-debian.html;',
		'\tserver_name _;',
		'\tlocation / {',
		'\t\ttry_files $uri $uri/ =404;',
		'\t}',
		'}',
		'',
	].join('\n');
}

/** The shell lines of deploy/README.md's nginx steps, as a deployer runs them. */
function guideSteps(): string[] {
	const readme = readFileSync(join(ROOT, 'deploy', 'README.md'), 'utf8');
	const block = /^## nginx\b[^\n]*\n[\s\S]*?```sh\n([\s\S]*?)```/m.exec(readme)?.[1];
	if (!block) throw new Error('deploy/README.md has no ```sh block under "## nginx"; update this test with the guide');
	return block.split('\n').map((line) => line.trim()).filter(Boolean);
}

/**
 * Runs one of the guide's steps in the test's folder: /etc/nginx/ is `etc`, deploy/ is the
 * project's. Installing nginx and copying dist/ are left out (the test serves dist/ where it is);
 * a step the test does not know fails it, so that the guide and the test cannot part ways.
 */
function runStep(step: string, etc: string) {
	const path = (p: string) => (p.startsWith('/etc/nginx/') ? join(etc, p.slice('/etc/nginx/'.length)) : p.startsWith('deploy/') ? join(ROOT, p) : undefined);
	const words = step.split(/\s+/);
	const args = words.slice(words[0] === 'ln' ? 2 : 1).map((w) => path(w) ?? w);
	if (/^(apt-get install|rsync -a --delete dist\/)/.test(step)) return;
	if (words[0] === 'cp' && args.length === 2 && path(words[1]!) && path(words[2]!)) return copyFileSync(args[0]!, args[1]!);
	if (words[0] === 'ln' && words[1] === '-s' && args.length === 2 && path(words[2]!) && path(words[3]!)) return symlinkSync(args[0]!, args[1]!);
	if (words[0] === 'rm' && args.length === 1 && path(words[1]!)) return rmSync(args[0]!);
	throw new Error(`deploy/README.md has a step this test does not know how to run: "${step}"; teach runStep`);
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
	if (!ready) return;
	requireDist();
	dir = mkdtempSync(join(tmpdir(), 'playbook-nginx-'));
	mkdirSync(join(dir, 'logs'));
	port.http = await freePort();
	port.https = await freePort();
	port.onion = await freePort();
	execFileSync(locate('openssl')!, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=guide.example.org', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });

	// A server as Debian's package leaves it: its nginx.conf (below) and its default site, enabled.
	const etc = join(dir, 'etc', 'nginx');
	for (const sub of ['sites-available', 'sites-enabled', 'snippets', 'conf.d']) mkdirSync(join(etc, sub), { recursive: true });
	mkdirSync(join(dir, 'html'));
	writeFileSync(join(dir, 'html', 'index.nginx-debian.html'), '<h1>Welcome to nginx!</h1>\n');
	writeFileSync(join(etc, 'sites-available', 'default'), debianDefaultSite(port.http, join(dir, 'html')));
	symlinkSync(join(etc, 'sites-available', 'default'), join(etc, 'sites-enabled', 'default'));
	// Then the guide's steps (deploy/README.md), as written there, in this folder.
	for (const step of guideSteps()) runStep(step, etc);
	// And what a deployer edits in the copies: paths, ports and the certificate.
	const site = join(etc, 'snippets', 'playbook-site.conf');
	writeFileSync(site, replaceIn(readFileSync(site, 'utf8'), '/var/www/playbook', DIST, site));
	const main = join(etc, 'sites-available', 'playbook');
	let text = readFileSync(main, 'utf8');
	for (const [from, to] of [
		['/etc/nginx/snippets/playbook-site.conf', site],
		['/etc/letsencrypt/live/guide.example.org/fullchain.pem', join(dir, 'cert.pem')],
		['/etc/letsencrypt/live/guide.example.org/privkey.pem', join(dir, 'key.pem')],
		['listen 80 default_server;', `listen 127.0.0.1:${port.http} default_server;`],
		['listen [::]:80 default_server;', ''],
		['listen 443 ssl http2 default_server;', `listen 127.0.0.1:${port.https} ssl http2 default_server;`],
		['listen [::]:443 ssl http2 default_server;', ''],
		['listen 127.0.0.1:8080;', `listen 127.0.0.1:${port.onion};`],
	])
		text = replaceIn(text, from!, to!, main);
	writeFileSync(main, text);
	// What Debian's /etc/nginx/nginx.conf provides, with everything kept in the temp folder: its
	// access log for every site that does not turn it off, and its sites-enabled folder.
	writeFileSync(
		join(dir, 'nginx.conf'),
		[
			'daemon off;',
			'worker_processes 1;',
			`user ${userInfo().username};`,
			`pid ${join(dir, 'nginx.pid')};`,
			// Every level nginx has (Debian's is built with debug), so that the test sees whatever it could write.
			`error_log ${join(dir, 'error.log')} debug;`,
			'events { worker_connections 64; }',
			'http {',
			'\tinclude /etc/nginx/mime.types;',
			'\tdefault_type application/octet-stream;',
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `\t${t}_temp_path ${join(dir, t)};`),
			`\taccess_log ${join(dir, 'logs', 'access.log')};`,
			'\tgzip on;',
			`\tinclude ${join(etc, 'conf.d')}/*.conf;`,
			`\tinclude ${join(etc, 'sites-enabled')}/*;`,
			'}',
			'',
		].join('\n'),
	);
	execFileSync(NGINX, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
	nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
	nginx.stderr!.on('data', (d) => (stderr += d));
	await until(async () => (await fetch(onion('/'))).ok, 'start');
});

afterAll(async () => {
	nginx?.kill('SIGQUIT');
	await new Promise((r) => setTimeout(r, 200));
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the shipped nginx configuration', () => {
	selfHostingChecks(() => `http://127.0.0.1:${port.onion}`);

	test('sends plain HTTP to HTTPS, and HTTPS keeps browsers on it', async () => {
		const plain = await fetch(`http://127.0.0.1:${port.http}/en/`, { redirect: 'manual' });
		expect(plain.status).toBe(301);
		expect(plain.headers.get('location')).toBe('https://guide.example.org/en/');
		const secure = await getHttps('/en/');
		expect(secure.status).toBe(200);
		expect(secure.headers['strict-transport-security']).toBe('max-age=63072000');
		expect(secure.headers['content-security-policy']).toContain("frame-ancestors 'none'");
	});

	test('keeps no reader’s address in any log, at any level, after ordinary, bad and missing requests', async () => {
		const statuses = await readerRound(port);
		expect(statuses).toMatchObject({ '/en/': 200, '/downloads/SHA256SUMS': 200, '/no-such-page': 404, '/downloads/': 404, '/pagefind/': 404, '/_server/headers.nginx': 404, '/es/tools': 301, 'http /en/': 301 });
		// Another host name and the bare IP address reach the guide's servers, not Debian's default site.
		expect(statuses).toMatchObject({ 'http other host': 301, 'http bare IP': 301, 'https other host': 200, 'https bare IP': 200 });
		await new Promise((r) => setTimeout(r, 300));
		const logs = [join(dir, 'error.log'), ...readdirSync(join(dir, 'logs')).map((f) => join(dir, 'logs', f))].map((f) => [f, readFileSync(f, 'utf8')] as const);
		// The log is there and in use: nginx wrote its own start-up lines to it.
		expect(logs[0]![1]).toContain('start worker process');
		for (const [file, text] of [...logs, ['stderr', stderr] as const]) {
			expect(text.includes(READER), `${file}:\n${text.split('\n').filter((l) => l.includes(READER)).slice(0, 5).join('\n')}`).toBe(false);
			expect(text, file).not.toMatch(/client: /);
		}
	});

	test('keeps no record of readers: nothing is written to an access log', async () => {
		await fetch(onion('/fr/'));
		const log = join(dir, 'logs', 'access.log');
		expect(existsSync(log) ? statSync(log).size : 0).toBe(0);
	});

});
