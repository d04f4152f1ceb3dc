// A small static file server for the built site (build/): no dependency, no network beyond the
// loopback address it listens on. Used by `npm start`, the end-to-end tests and the benchmark.
//
// It serves files and nothing else: GET and HEAD only (405 otherwise), paths that cannot be decoded
// get 400, nothing outside the root (by path or by symlink), a file it cannot read gets 404 or 500,
// and no request can stop it. Every answer carries `X-Content-Type-Options: nosniff` and
// `Referrer-Policy: no-referrer`; an HTML page's Content-Security-Policy is the one in its own
// `<meta http-equiv="content-security-policy">` tag (SvelteKit's `kit.csp`), sent as a header with
// `frame-ancestors 'none'` added, which a meta tag cannot carry. The README's "Security" says why
// this stays hand-written.
import { open, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @type {Record<string, string>} */
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

/** Sent with every answer. */
const COMMON = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
/** What a meta tag cannot say: no other site may frame the pages. */
const NO_FRAMING = "frame-ancestors 'none'";
/** For a page with no policy of its own: nothing that could break its scripts, styles or data. */
const DEFAULT_PAGE_POLICY = `object-src 'none'; base-uri 'self'; ${NO_FRAMING}`;
/** For the server's own short plain-text answers (errors). */
const ERROR_POLICY = `default-src 'none'; ${NO_FRAMING}`;

/**
 * A page's `<meta http-equiv="content-security-policy" content="...">` policies, in order.
 * @param {string} html
 */
export function metaPolicies(html) {
	const policies = [];
	for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
		/** @type {Record<string, string | undefined>} */
		const attrs = {};
		for (const m of tag.matchAll(/([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
			attrs[String(m[1]).toLowerCase()] = m[2] ?? m[3] ?? m[4];
		}
		if (attrs['http-equiv']?.toLowerCase() !== 'content-security-policy') continue;
		const policy = decodeEntities(attrs.content ?? '')
			.replace(/\s+/g, ' ')
			.trim()
			.replace(/;\s*$/, '');
		// A header value is printable ASCII; a meta policy never needs more.
		if (policy && /^[\x20-\x7e]+$/.test(policy)) policies.push(policy);
	}
	return policies;
}

/** @type {Record<string, string>} */
const ENTITIES = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** @param {string} s */
function decodeEntities(s) {
	return s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (all, /** @type {string} */ e) => {
		const named = ENTITIES[e.toLowerCase()];
		if (named) return named;
		const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
		return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
	});
}

/**
 * The header for a page: its meta policies (one policy each, comma-separated) plus no framing.
 * @param {string} html
 */
export function pagePolicy(html) {
	const policies = metaPolicies(html);
	if (policies.length === 0) return DEFAULT_PAGE_POLICY;
	const framed = policies.some((p) => /(^|;)\s*frame-ancestors\b/i.test(p));
	return framed ? policies.join(', ') : `${policies.join(', ')}; ${NO_FRAMING}`;
}

/**
 * The decoded path of a request target, or null when it is malformed: origin-form (`/a/b?q`) or
 * absolute-form (`http://host/a/b`), percent-decoding that succeeds, and no NUL byte.
 * @param {string | undefined} target
 */
export function requestPath(target = '') {
	let path = target;
	if (/^https?:\/\//i.test(path)) {
		try {
			path = new URL(path).pathname;
		} catch {
			return null;
		}
	}
	if (!path.startsWith('/')) return null;
	const end = path.search(/[?#]/);
	if (end >= 0) path = path.slice(0, end);
	try {
		path = decodeURIComponent(path);
	} catch {
		return null;
	}
	return path.includes('\0') ? null : path;
}

/**
 * `file` is `dir` or lies under it (not merely beside it with a name that starts the same).
 * @param {string} dir
 * @param {string} file
 */
const within = (dir, file) => file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** @param {string} file */
async function statOrNull(file) {
	try {
		return await stat(file);
	} catch {
		return null;
	}
}

/**
 * The regular file a path names: itself, its folder's index.html, or `<path>.html`; else null.
 * @param {string} file
 */
async function locate(file) {
	const s = await statOrNull(file);
	if (s?.isDirectory()) {
		const index = join(file, 'index.html');
		return (await statOrNull(index))?.isFile() ? index : null;
	}
	if (s) return s.isFile() ? file : null;
	if (file.endsWith(sep)) return null;
	return (await statOrNull(`${file}.html`))?.isFile() ? `${file}.html` : null;
}

/** @param {unknown} err */
const errorCode = (err) =>
	(err && typeof err === 'object' && 'code' in err && String(err.code)) || String(err);

/**
 * Serves `root` on `host:port` (port 0 picks a free one). Resolves with the server and its URL.
 * @param {{ root?: string, port?: number, host?: string }} [opts]
 * @returns {Promise<{ server: import('node:http').Server, url: string }>}
 */
export function serve({ root = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const base = resolve(root);

	/**
	 * The server's own short answer (an error).
	 * @param {import('node:http').ServerResponse} res
	 * @param {number} status
	 * @param {string} text
	 * @param {Record<string, string>} [extra]
	 */
	function plain(res, status, text, extra = {}) {
		res.writeHead(status, {
			...COMMON,
			'content-security-policy': ERROR_POLICY,
			'content-type': 'text/plain; charset=utf-8',
			'content-length': Buffer.byteLength(text),
			'cache-control': 'no-store',
			...extra
		});
		res.end(res.req.method === 'HEAD' ? undefined : text);
	}

	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	async function handle(req, res) {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			plain(res, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
			return;
		}
		const path = requestPath(req.url);
		if (path === null) {
			plain(res, 400, 'Bad request\n');
			return;
		}
		const wanted = normalize(join(base, path));
		if (!within(base, wanted)) {
			plain(res, 403, 'Forbidden\n');
			return;
		}
		const found = await locate(wanted);
		// Symlinks are followed only while they stay inside the root.
		const real = found && (await realpath(found).catch(() => null));
		const realBase = await realpath(base).catch(() => base);
		if (!found || !real || !within(realBase, real)) {
			plain(res, 404, 'Not found\n');
			return;
		}

		let file;
		try {
			file = await open(real, 'r');
		} catch (err) {
			console.error(`serve: cannot open ${real}: ${errorCode(err)}`);
			plain(res, 500, 'The file could not be read\n');
			return;
		}
		let size;
		let body;
		const type = TYPES[extname(real)] ?? 'application/octet-stream';
		/** @type {Record<string, string | number>} */
		const headers = {
			...COMMON,
			'content-type': type,
			'cache-control': wanted.includes(`${sep}_app${sep}immutable${sep}`)
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		};
		try {
			size = (await file.stat()).size;
			if (extname(real) === '.html') {
				// Pages are small: read one whole to find its policy, and send what was read.
				body = await file.readFile();
				size = body.length;
				headers['content-security-policy'] = pagePolicy(body.toString('utf8'));
			}
		} catch (err) {
			await file.close().catch(() => {});
			console.error(`serve: cannot read ${real}: ${errorCode(err)}`);
			plain(res, 500, 'The file could not be read\n');
			return;
		}
		headers['content-length'] = size;
		res.writeHead(200, headers);
		if (req.method === 'HEAD' || body) {
			await file.close().catch(() => {});
			res.end(req.method === 'HEAD' ? undefined : body);
			return;
		}
		if (size === 0) {
			await file.close().catch(() => {});
			res.end();
			return;
		}
		// Never more than the Content-Length already sent, even if the file grows meanwhile; the
		// stream closes the file.
		const stream = file.createReadStream({ start: 0, end: size - 1 });
		stream.on('error', (err) => {
			// The headers are gone: cut the answer short so the client sees it incomplete.
			console.error(`serve: read failed for ${real}: ${errorCode(err)}`);
			res.destroy();
		});
		res.on('close', () => stream.destroy());
		stream.pipe(res);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((err) => {
			console.error(`serve: ${req.method} ${req.url}: ${err?.stack ?? err}`);
			try {
				if (!res.headersSent) plain(res, 500, 'Internal error\n');
				else res.destroy();
			} catch {
				res.destroy();
			}
		});
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
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
	const root = process.argv[3] ?? 'build';
	const { url } = await serve({ root, port });
	console.log(`Serving ${root} at ${url}`);
}
