// A small static file server for the built site (build/): no dependency, no network beyond the
// loopback address it listens on. Used by `npm start`, the end-to-end tests and the benchmark.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * Serves `root` on `host:port` (port 0 picks a free one). Resolves with the server and its URL.
 * @param {{ root?: string, port?: number, host?: string }} [opts]
 * @returns {Promise<{ server: import('node:http').Server, url: string }>}
 */
export function serve({ root = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const base = resolve(root);
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = normalize(join(base, path));
		if (!file.startsWith(base)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
		if (!existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		const immutable = file.includes(`${join('_app', 'immutable')}`);
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			const addr = server.address();
			const actual = typeof addr === 'object' && addr ? addr.port : port;
			ok({ server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/` });
		});
	});
}

// Run directly: `node scripts/serve.js [port] [root]` (root defaults to build/; port 0 picks a free
// one, and the line printed gives the address actually used).
if (import.meta.url === `file://${process.argv[1]}`) {
	const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
	const root = process.argv[3] ?? 'build';
	const { url } = await serve({ root, port });
	console.log(`Serving ${root} at ${url}`);
}
