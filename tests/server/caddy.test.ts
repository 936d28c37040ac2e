/**
 * Self-hosting with Caddy, for real: Debian's caddy runs the shipped Caddyfile (deploy/caddy/)
 * on loopback ports, serving dist/ over HTTPS (Caddy's own local certificate), HTTP and the
 * onion-service port. The test changes only what a deployer changes (paths and ports) and adds
 * global options that keep Caddy inside a temp folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, ROOT, requireDist } from '../helpers/project';
import { freePort, READER, readerRound, replaceIn, selfHostingChecks } from '../helpers/self-hosting';
import { needPrograms } from '../helpers/system';

const CADDY = process.env.CADDY_PATH ?? '/usr/bin/caddy';
const ready = needPrograms([{ name: 'caddy', path: CADDY, install: 'apt-get install caddy', variable: 'CADDY_PATH' }]);

let dir: string;
let caddy: ChildProcess;
let log = '';
const port = { http: 0, https: 0, onion: 0 };


type Answer = { status: number; headers: Record<string, string | string[] | undefined> };
/** A GET to the site's own name on a loopback port, as a browser resolving it would send. */
function get(secure: boolean, path: string): Promise<Answer> {
	const options = { host: '127.0.0.1', port: secure ? port.https : port.http, path, headers: { host: 'guide.example.org' } };
	return new Promise((resolve, reject) => {
		const done = (res: import('node:http').IncomingMessage) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
		};
		const req = secure ? httpsRequest({ ...options, servername: 'guide.example.org', rejectUnauthorized: false }, done) : httpRequest(options, done);
		req.on('error', reject).end();
	});
}

beforeAll(async () => {
	if (!ready) return;
	requireDist();
	dir = mkdtempSync(join(tmpdir(), 'playbook-caddy-'));
	port.http = await freePort();
	port.https = await freePort();
	port.onion = await freePort();
	const path = join(ROOT, 'deploy', 'caddy', 'Caddyfile');
	let caddyfile = replaceIn(readFileSync(path, 'utf8'), '/var/www/playbook', DIST, path);
	caddyfile = replaceIn(caddyfile, 'http://:8080 {', `http://:${port.onion} {`, path);
	// Global options for the test only: no admin endpoint, certificates from Caddy's own local
	// authority instead of the Internet, trusted by nobody, on loopback ports.
	// Caddy's log at its most detailed level, so that the test sees whatever it could write.
	caddyfile = replaceIn(caddyfile, '{\n\tlog default {', `{\n\tadmin off\n\tlocal_certs\n\tskip_install_trust\n\thttp_port ${port.http}\n\thttps_port ${port.https}\n\tdefault_bind 127.0.0.1\n\tdebug\n\tlog default {`, path);
	writeFileSync(join(dir, 'Caddyfile'), caddyfile);
	caddy = spawn(CADDY, ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
		env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	caddy.stdout!.on('data', (d) => (log += d));
	caddy.stderr!.on('data', (d) => (log += d));
	for (let i = 0; i < 100; i++) {
		if (await fetch(`http://127.0.0.1:${port.onion}/`).then((r) => r.ok, () => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`caddy did not start:\n${log}`);
});

afterAll(async () => {
	caddy?.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 200));
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the shipped Caddyfile', () => {
	selfHostingChecks(() => `http://127.0.0.1:${port.onion}`);

	test('sends plain HTTP to HTTPS, and HTTPS keeps browsers on it', async () => {
		const plain = await get(false, '/en/');
		expect(plain.status).toBe(308);
		// Caddy leaves out the port of its redirect target: on a server it is 443.
		expect(plain.headers.location).toMatch(/^https:\/\/guide\.example\.org(:\d+)?\/en\/$/);
		const secure = await get(true, '/en/');
		expect(secure.status).toBe(200);
		expect(secure.headers['strict-transport-security']).toBe('max-age=63072000');
		expect(secure.headers['content-security-policy']).toContain("frame-ancestors 'none'");
	});

	test('keeps no reader’s address in its log, at any level, after ordinary, bad and missing requests', async () => {
		const statuses = await readerRound(port);
		expect(statuses).toMatchObject({ '/en/': 200, '/downloads/SHA256SUMS': 200, '/no-such-page': 404, '/downloads/': 404, '/pagefind/': 404, '/_server/headers.nginx': 404, '/es/tools': 308, 'http /en/': 308 });
		// Caddy has no default site: plain HTTP for another host name or the bare IP address is sent to
		// HTTPS, where it has no certificate for them and refuses the handshake; none of it is logged.
		expect(statuses).toMatchObject({ 'http other host': 308, 'http bare IP': 308, 'https other host': 0, 'https bare IP': 0 });
		await new Promise((r) => setTimeout(r, 300));
		// The log is there and detailed: Caddy wrote debug lines about the requests.
		expect(log).toContain('"level":"debug"');
		expect(log).toContain('"logger":"tls.handshake"');
		const lines = log.split('\n').filter((l) => l.includes(READER));
		expect(lines.slice(0, 5)).toEqual([]);
		expect(log).not.toMatch(/"(remote_ip|client_ip|remote)":/);
	});

	test('keeps no record of readers: no access log is written', async () => {
		await fetch(`http://127.0.0.1:${port.onion}/fr/`);
		await new Promise((r) => setTimeout(r, 200));
		// Caddy writes its own start-up messages; an access log line would name the request path.
		expect(log).not.toContain('/fr/');
		expect(log).not.toContain('"logger":"http.log.access');
	});
});
