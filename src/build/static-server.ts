import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.pdf': 'application/pdf',
	'.zip': 'application/zip',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
};

/** Types a server compresses, as deploy/nginx/playbook-site.conf does with gzip_types. */
const COMPRESSED = /\.(html|css|m?js|json|svg|txt|xml|wasm)$/;

/**
 * Serves a folder on 127.0.0.1 the way a plain static host does: folder/ → folder/index.html, else
 * 404.html. With `gzip`, text files go gzipped to a browser that accepts it, as the deploy configs serve them.
 */
export async function serveStatic(root: string, { gzip = false } = {}): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
	const packed = new Map<string, Buffer>();
	const server = createServer(async (req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = normalize(join(root, path));
		if (!file.startsWith(root)) return void res.writeHead(403).end();
		try {
			if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
			const body = await readFile(file);
			const type = TYPES[extname(file)] ?? 'application/octet-stream';
			if (gzip && COMPRESSED.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
				if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 6 }));
				return void res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'Accept-Encoding' }).end(packed.get(file));
			}
			res.writeHead(200, { 'content-type': type }).end(body);
		} catch {
			const body = await readFile(join(root, '404.html')).catch(() => Buffer.from('not found'));
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(body);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}
