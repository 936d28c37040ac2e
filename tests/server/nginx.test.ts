/**
 * Self-hosting, for real: Debian's nginx runs the shipped configuration (deploy/nginx/) on
 * loopback ports, serving dist/ over HTTPS (a throwaway certificate), HTTP and the onion-service
 * port. It starts from a server as Debian's package leaves it, its default site enabled and its
 * access log on and no certificate, and follows the steps of deploy/README.md as written and in
 * their order: nginx starts wherever the guide reloads it, and a stand-in for certbot answers
 * Let's Encrypt's check over plain HTTP before it makes the certificate. Beyond the steps it
 * changes only what a deployer changes: paths, ports, and a certificate from openssl.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { tmpdir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, ROOT, requireDist } from '../helpers/project';
import { freePort, READER, readerRound, replaceIn, selfHostingChecks } from '../helpers/self-hosting';
import { locate, needPrograms } from '../helpers/system';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const ready = needPrograms([
	{ name: 'nginx', path: NGINX, install: 'apt-get install nginx', variable: 'NGINX_PATH' },
	{ name: 'openssl', path: 'openssl', install: 'apt-get install openssl' },
]);

/** The site's name in the shipped configuration and in the guide's certbot step. */
const NAME = 'guide.example.org';
/** The folders of the server that the test keeps in its temp folder, under the same names. */
const SERVER_FOLDERS = ['/etc/nginx', '/etc/letsencrypt', '/var/www/letsencrypt'];

let dir: string;
let nginx: ChildProcess | undefined;
/** What nginx writes to its standard error: where the shipped configuration sends its error log. */
let stderr = '';
const port = { http: 0, https: 0, onion: 0 };
const onion = (path: string) => `http://127.0.0.1:${port.onion}${path}`;

/** What the test saw each time the guide has nginx reload, just after nginx started. */
interface Start {
	/** The guide's step that reloads nginx. */
	step: string;
	/** Whether certbot's certificate for the site existed when nginx started. */
	certificate: boolean;
	/** The onion service's answer for /en/. */
	onion: number;
	/** Plain HTTP's answer for /en/. */
	http: Answer;
	/** HTTPS's status for /en/, 0 when nothing answers on its port. */
	https: number;
}
const starts: Start[] = [];
/** What the stand-in for certbot saw when Let's Encrypt fetched its check over plain HTTP. */
let challenge: { answer: Answer; expected: string; starts: number; certificate: boolean } | undefined;

/** A path of the server (/etc/nginx/…, /etc/letsencrypt/…, /var/www/letsencrypt) in the test's folder. */
function onServer(path: string): string | undefined {
	return SERVER_FOLDERS.some((f) => path === f || path.startsWith(`${f}/`)) ? join(dir, path) : undefined;
}

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

/** The shell lines of deploy/README.md's nginx steps, every ```sh block of the section in order, as a deployer runs them. */
function guideSteps(): string[] {
	const readme = readFileSync(join(ROOT, 'deploy', 'README.md'), 'utf8');
	const section = /^## nginx\b[^\n]*\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
	const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
	if (!blocks.length) throw new Error('deploy/README.md has no ```sh block under "## nginx"; update this test with the guide');
	return blocks.flatMap((b) => b.split('\n')).map((line) => line.trim()).filter(Boolean);
}

/**
 * What a deployer edits in each copy the guide installs, and what the test changes for loopback:
 * paths and ports. Each text must be in the copy, so that the test fails if a file changes shape.
 */
function deployerEdits(): Record<string, [string, string][]> {
	const site = join(dir, 'etc', 'nginx', 'snippets', 'playbook-site.conf');
	const live = `/etc/letsencrypt/live/${NAME}`;
	return {
		'playbook-site.conf': [['/var/www/playbook', DIST]],
		playbook: [
			['/etc/nginx/snippets/playbook-site.conf', site],
			['root /var/www/letsencrypt;', `root ${onServer('/var/www/letsencrypt')};`],
			['listen 80 default_server;', `listen 127.0.0.1:${port.http} default_server;`],
			['listen [::]:80 default_server;', ''],
			['listen 127.0.0.1:8080;', `listen 127.0.0.1:${port.onion};`],
		],
		'playbook-https': [
			['/etc/nginx/snippets/playbook-site.conf', site],
			[`${live}/fullchain.pem`, onServer(`${live}/fullchain.pem`)!],
			[`${live}/privkey.pem`, onServer(`${live}/privkey.pem`)!],
			['listen 443 ssl http2 default_server;', `listen 127.0.0.1:${port.https} ssl http2 default_server;`],
			['listen [::]:443 ssl http2 default_server;', ''],
		],
	};
}

/** Copies one of deploy/'s files to the server, as the guide's `cp`, then edits the copy as a deployer does. */
function install(from: string, to: string) {
	copyFileSync(from, to);
	const edits = deployerEdits()[basename(to)];
	if (!edits) throw new Error(`deploy/README.md installs ${to}, which this test does not know how to edit; teach deployerEdits`);
	let text = readFileSync(to, 'utf8');
	for (const [a, b] of edits) text = replaceIn(text, a, b, to);
	writeFileSync(to, text);
}

/** Starts nginx with the server's nginx.conf and waits until the onion service answers. */
async function startNginx() {
	const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
	child.stderr!.on('data', (d) => (stderr += d));
	nginx = child;
	await until(async () => (await fetch(onion('/'))).ok, 'start');
}

/** Stops nginx, if it runs, as `systemctl stop nginx` does, and waits until it has exited. */
async function stopNginx() {
	const running = nginx;
	if (!running || running.exitCode !== null || running.signalCode !== null) return;
	const exited = new Promise((r) => running.once('exit', r));
	running.kill('SIGQUIT');
	await exited;
	nginx = undefined;
}

/**
 * The guide's `nginx -t && systemctl reload nginx`: the configuration must pass `nginx -t`, then
 * the test starts nginx afresh, which is stricter than a reload (the server's next boot does the
 * same), and notes what each server answers.
 */
async function reload(step: string) {
	try {
		execFileSync(NGINX, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
	} catch (error) {
		throw new Error(`"nginx -t" fails at the step "${step}" of deploy/README.md, after ${starts.length} earlier start(s):\n${String((error as { stderr?: Buffer }).stderr ?? error)}`);
	}
	await stopNginx();
	await startNginx();
	starts.push({
		step,
		certificate: existsSync(onServer(`/etc/letsencrypt/live/${NAME}/fullchain.pem`)!),
		onion: (await fetch(onion('/en/'))).status,
		http: await getHttp('/en/'),
		https: await getHttps('/en/').then((r) => r.status, () => 0),
	});
}

/**
 * What `certbot certonly --webroot -w <folder> -d <name>` does, with openssl for Let's Encrypt:
 * certbot writes a file under <folder>/.well-known/acme-challenge/, Let's Encrypt fetches it from
 * http://<name>/.well-known/acme-challenge/ on port 80 and must find it there, certbot removes it
 * and writes the certificate to /etc/letsencrypt/live/<name>/. The deploy hook reloads nginx after
 * each renewal; at the first certificate it would reload the same configuration, so it is left out.
 */
async function certbot(step: string, webroot: string, name: string) {
	const folder = join(webroot, '.well-known', 'acme-challenge');
	mkdirSync(folder, { recursive: true });
	const token = randomBytes(16).toString('base64url');
	const expected = `${token}.${randomBytes(16).toString('base64url')}`;
	writeFileSync(join(folder, token), expected);
	const certificate = existsSync(onServer(`/etc/letsencrypt/live/${name}/fullchain.pem`)!);
	challenge = { answer: await getHttp(`/.well-known/acme-challenge/${token}`, name), expected, starts: starts.length, certificate };
	rmSync(join(folder, token));
	const { status, location, body } = challenge.answer;
	if (status !== 200 || body !== expected) throw new Error(`Let's Encrypt's check of "${step}" of deploy/README.md fails: http://${name}/.well-known/acme-challenge/${token} answers ${status}${location ? ` (to ${location})` : ''}, not the file certbot wrote; certbot makes no certificate`);
	const live = onServer(`/etc/letsencrypt/live/${name}`)!;
	mkdirSync(live, { recursive: true });
	execFileSync(locate('openssl')!, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', join(live, 'privkey.pem'), '-out', join(live, 'fullchain.pem')], { stdio: 'ignore' });
}

/**
 * Runs one of the guide's steps in the test's folder: /etc/nginx/, /etc/letsencrypt/ and
 * /var/www/letsencrypt are in it, deploy/ is the project's. Installing packages and copying dist/
 * are left out (the test serves dist/ where it is); a step the test does not know fails it, so
 * that the guide and the test cannot part ways.
 */
async function runStep(step: string) {
	const path = (p: string) => onServer(p) ?? (p.startsWith('deploy/') ? join(ROOT, p) : undefined);
	const words = step.split(/\s+/);
	const args = words.slice(['ln', 'mkdir'].includes(words[0]!) ? 2 : 1).map((w) => path(w) ?? w);
	if (/^(apt-get install|rsync -a --delete dist\/)/.test(step)) return;
	if (step === 'nginx -t && systemctl reload nginx') return reload(step);
	const certonly = new RegExp(`^certbot certonly --webroot -w (\\S+) -d ${NAME.replaceAll('.', '\\.')} --deploy-hook "systemctl reload nginx"$`).exec(step);
	if (certonly && onServer(certonly[1]!)) return certbot(step, onServer(certonly[1]!)!, NAME);
	if (words[0] === 'mkdir' && words[1] === '-p' && args.length === 1 && onServer(words[2]!)) return void mkdirSync(args[0]!, { recursive: true });
	if (words[0] === 'cp' && args.length === 2 && path(words[1]!) && onServer(words[2]!)) return install(args[0]!, args[1]!);
	if (words[0] === 'ln' && words[1] === '-s' && args.length === 2 && onServer(words[2]!) && onServer(words[3]!)) return symlinkSync(args[0]!, args[1]!);
	if (words[0] === 'rm' && args.length === 1 && onServer(words[1]!)) return rmSync(args[0]!);
	throw new Error(`deploy/README.md has a step this test does not know how to run: "${step}"; teach runStep`);
}

async function until(check: () => Promise<boolean>, what: string) {
	for (let i = 0; i < 100; i++) {
		if (await check().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`nginx did not ${what}; see ${join(dir, 'error.log')}:\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
}

type Answer = { status: number; location?: string; type?: string; body: string };
/** A GET over plain HTTP for the site's name (or `host`), from the reader's address. */
function getHttp(path: string, host = NAME): Promise<Answer> {
	return new Promise((resolve, reject) => {
		httpRequest({ host: '127.0.0.1', port: port.http, path, localAddress: READER, headers: { host } }, (res) => {
			let body = '';
			res.setEncoding('utf8').on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location, type: res.headers['content-type'], body }));
		})
			.on('error', reject)
			.end();
	});
}

/** A GET over HTTPS that accepts the throwaway certificate. */
function getHttps(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
	return new Promise((resolve, reject) => {
		request({ host: '127.0.0.1', port: port.https, path, servername: NAME, headers: { host: NAME }, rejectUnauthorized: false }, (res) => {
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

	// A server as Debian's package leaves it: its nginx.conf (below) and its default site, enabled.
	const etc = join(dir, 'etc', 'nginx');
	for (const sub of ['sites-available', 'sites-enabled', 'snippets', 'conf.d']) mkdirSync(join(etc, sub), { recursive: true });
	mkdirSync(join(dir, 'html'));
	writeFileSync(join(dir, 'html', 'index.nginx-debian.html'), '<h1>Welcome to nginx!</h1>\n');
	writeFileSync(join(etc, 'sites-available', 'default'), debianDefaultSite(port.http, join(dir, 'html')));
	symlinkSync(join(etc, 'sites-available', 'default'), join(etc, 'sites-enabled', 'default'));
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
	// Then the guide's steps (deploy/README.md), as written there and in their order, in this folder.
	for (const step of guideSteps()) await runStep(step);
	if (!nginx) throw new Error('deploy/README.md never has nginx reloaded ("nginx -t && systemctl reload nginx"); update this test with the guide');
});

afterAll(async () => {
	await stopNginx();
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

	test('on a fresh server, starts before the certificate exists and answers Let’s Encrypt’s check over plain HTTP', () => {
		// The guide has nginx started twice: before certbot runs, and once its certificate is there.
		expect(starts.map((s) => s.certificate)).toEqual([false, true]);
		const [first] = starts;
		expect(first).toMatchObject({ onion: 200, http: { status: 301, location: `https://${NAME}/en/` }, https: 0 });
		// certbot ran between the two, with nginx serving the first configuration and no certificate yet.
		expect(challenge).toMatchObject({ starts: 1, certificate: false });
		expect(challenge!.answer).toMatchObject({ status: 200, body: challenge!.expected });
	});

	test('with the certificate, serves HTTPS and still answers Let’s Encrypt’s check over plain HTTP, for renewals', async () => {
		expect(starts[1]).toMatchObject({ onion: 200, http: { status: 301, location: `https://${NAME}/en/` }, https: 200 });
		// What `certbot renew` does, through the folder certbot was given.
		const folder = join(onServer('/var/www/letsencrypt')!, '.well-known', 'acme-challenge');
		writeFileSync(join(folder, 'renewal-token'), 'renewal-token.key');
		const renewal = await getHttp('/.well-known/acme-challenge/renewal-token');
		expect(renewal).toMatchObject({ status: 200, body: 'renewal-token.key' });
		expect(renewal.type).toMatch(/^text\/plain/);
		// A file that is not there is missing, not sent to HTTPS; the rest of the site still is.
		expect(await getHttp('/.well-known/acme-challenge/no-such-token')).toMatchObject({ status: 404, location: undefined });
		expect(await getHttp('/.well-known/other')).toMatchObject({ status: 301, location: `https://${NAME}/.well-known/other` });
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
