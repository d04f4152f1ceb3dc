// The server of `npm start` (scripts/serve.js), run as the real process (`node scripts/serve.js 0
// <root>`) on a fixture folder: malformed requests, traversal into a sibling folder, methods, the
// headers it sends, and files it cannot read. Each test starts its own server, so one that kills
// the server cannot hide the others, and each checks the server still answers afterwards.
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pagePolicy, requestPath } from '../../scripts/serve.js';

const SERVE = join(import.meta.dirname, '..', '..', 'scripts', 'serve.js');
const ROOT_USER = typeof process.getuid === 'function' && process.getuid() === 0;

// The policy SvelteKit's `kit.csp` writes into a prerendered page (a hash of its inline script).
const PAGE_POLICY =
	"default-src 'self'; script-src 'self' 'sha256-AbCdEf0123456789+/AbCdEf0123456789+/AbCdEf0='; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; object-src 'none'";
const INDEX = `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta http-equiv="content-security-policy" content="${PAGE_POLICY}">
		<title>Briefing</title>
	</head>
	<body><script>/* start-up */</script></body>
</html>
`;
const SPEAKER = INDEX.replace('<title>Briefing</title>', '<title>Speaker view</title>');
const PLAIN =
	'<!doctype html><html><head><title>No policy</title></head><body>plain</body></html>\n';
const SECRET = 'secret beside the root\n';
const BIG = JSON.stringify({ type: 'FeatureCollection', features: [], pad: 'x'.repeat(3_000_000) });

let tmp = '';
let root = '';

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'serve-test-'));
	// The root is build/; build-old/ beside it starts with the root's name.
	root = join(tmp, 'build');
	mkdirSync(join(root, '_app', 'immutable'), { recursive: true });
	mkdirSync(join(root, 'briefings'));
	mkdirSync(join(tmp, 'build-old'));
	writeFileSync(join(tmp, 'build-old', 'secret.txt'), SECRET);
	writeFileSync(join(tmp, 'outside.txt'), SECRET);
	writeFileSync(join(root, 'index.html'), INDEX);
	writeFileSync(join(root, 'speaker.html'), SPEAKER);
	writeFileSync(join(root, 'plain.html'), PLAIN);
	writeFileSync(join(root, '_app', 'immutable', 'start.js'), 'export const x = 1;\n');
	writeFileSync(join(root, 'style.css'), 'body { margin: 0; }\n');
	writeFileSync(join(root, 'briefings', 'demo.json'), '{"title":"demo"}\n');
	writeFileSync(join(root, 'world.geojson'), '{"type":"FeatureCollection","features":[]}\n');
	writeFileSync(join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
	writeFileSync(join(root, 'notes.txt'), 'notes\n');
	writeFileSync(join(root, 'blob.bin'), 'bytes');
	writeFileSync(join(root, 'empty.txt'), '');
	writeFileSync(join(root, 'big.geojson'), BIG);
	// Files that cannot be read: a folder named index.html where the file is expected, a symlink to
	// nothing, a symlink that leads out of the root, and (when not root) a file with no permissions.
	mkdirSync(join(root, 'broken', 'index.html'), { recursive: true });
	symlinkSync(join(root, 'nowhere.js'), join(root, 'dangling.js'));
	symlinkSync(join(tmp, 'outside.txt'), join(root, 'escape.txt'));
	writeFileSync(join(root, 'locked.txt'), 'locked\n');
	chmodSync(join(root, 'locked.txt'), 0o000);
});

afterAll(() => {
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

let child: ChildProcess;
let port = 0;
let stderr = '';

/** Starts `node scripts/serve.js 0 <root>` and waits for the address it prints. */
function start(): Promise<void> {
	stderr = '';
	child = spawn(process.execPath, [SERVE, '0', root], { stdio: ['ignore', 'pipe', 'pipe'] });
	child.stderr!.on('data', (d) => (stderr += d));
	return new Promise((ok, fail) => {
		let out = '';
		child.stdout!.on('data', (d) => {
			out += d;
			const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
			if (m) {
				port = Number(m[1]);
				ok();
			}
		});
		child.once('exit', (code) =>
			fail(new Error(`server exited (${code}) before listening: ${stderr}`))
		);
	});
}

beforeEach(start);

afterEach(async () => {
	if (child.exitCode === null && child.signalCode === null) {
		const gone = new Promise((ok) => child.once('exit', ok));
		child.kill();
		await gone;
	}
});

type Reply = {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
};

/** An ordinary request with Node's client; the path is sent exactly as given. */
function get(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
	return new Promise((ok, fail) => {
		const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body += d));
			res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
		});
		req.on('error', fail);
		req.end();
	});
}

/** Writes `text` on a bare socket and returns everything the server sends until it closes. */
function raw(text: string): Promise<string> {
	return new Promise((ok, fail) => {
		const socket = connect(port, '127.0.0.1', () => socket.write(text));
		let data = '';
		socket.setEncoding('latin1');
		socket.on('data', (d) => (data += d));
		socket.on('end', () => ok(data));
		socket.on('close', () => ok(data));
		socket.on('error', (e) => (data ? ok(data) : fail(e)));
		socket.setTimeout(5000, () => {
			socket.destroy();
			fail(new Error(`no answer to ${JSON.stringify(text)}; got ${JSON.stringify(data)}`));
		});
	});
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

/** The server process is alive and still serves the home page. */
async function stillServing() {
	const home = await get('/');
	expect(home.status).toBe(200);
	expect(home.body).toBe(INDEX);
	expect(child.exitCode).toBeNull();
}

describe('serve.js: malformed requests get 400 and the server keeps serving', () => {
	it.each(['/%', '/100%', '/%E0%A4%A', '/speaker%'])('GET %s', async (path) => {
		const response = await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
		expect(statusOf(response)).toBe(400);
		expect(response.toLowerCase()).toContain('x-content-type-options: nosniff');
		await stillServing();
	});

	it('GET http://[/ (an absolute URL that does not parse)', async () => {
		const response = await raw('GET http://[/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
		expect(statusOf(response)).toBe(400);
		await stillServing();
	});

	it('a NUL byte in the path', async () => {
		const response = await raw(
			'GET /index.html%00.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
		);
		expect(statusOf(response)).toBe(400);
		await stillServing();
	});

	it('an absolute URL that parses is served by its path', async () => {
		const response = await raw(
			`GET http://127.0.0.1:${port}/plain.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`
		);
		expect(statusOf(response)).toBe(200);
		expect(response).toContain('No policy');
	});

	it('a target that is not a path (GET *) gets 400', async () => {
		const response = await raw('GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
		expect(statusOf(response)).toBe(400);
		await stillServing();
	});
});

describe('serve.js: nothing outside the root is served', () => {
	it.each([
		'/..%2fbuild-old%2fsecret.txt',
		'/../build-old/secret.txt',
		'/%2e%2e/build-old/secret.txt',
		'/..%2F..%2Fbuild-old%2Fsecret.txt',
		'/..%2foutside.txt'
	])('GET %s (a sibling folder whose name starts with the root’s)', async (path) => {
		const response = await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
		expect([400, 403, 404]).toContain(statusOf(response));
		expect(response).not.toContain(SECRET.trim());
		await stillServing();
	});

	it('a symlink inside the root that leads out of it is not followed', async () => {
		const res = await get('/escape.txt');
		expect(res.status).toBe(404);
		expect(res.body).not.toContain(SECRET.trim());
	});
});

describe('serve.js: methods', () => {
	it.each(['OPTIONS', 'POST', 'PUT', 'DELETE', 'TRACE', 'PATCH'])(
		'%s gets 405 with Allow: GET, HEAD and not the file',
		async (method) => {
			const res = await get('/index.html', method);
			expect(res.status).toBe(405);
			expect(res.headers.allow).toBe('GET, HEAD');
			expect(res.body).not.toContain('<title>Briefing</title>');
			expect(res.headers['x-content-type-options']).toBe('nosniff');
			await stillServing();
		}
	);

	it('HEAD answers with the headers of GET and no body', async () => {
		const full = await get('/index.html');
		const response = await raw('HEAD /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
		expect(statusOf(response)).toBe(200);
		const [head = '', body] = response.split('\r\n\r\n');
		expect(body).toBe('');
		expect(head.toLowerCase()).toContain('content-type: text/html; charset=utf-8');
		expect(head.toLowerCase()).toContain(`content-length: ${Buffer.byteLength(full.body)}`);
		expect(head.toLowerCase()).toContain('content-security-policy: ');
		await stillServing();
	});
});

describe('serve.js: files and their headers', () => {
	it("serves / from index.html with the page's own Content-Security-Policy as a header", async () => {
		const res = await get('/');
		expect(res.status).toBe(200);
		expect(res.body).toBe(INDEX);
		expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(res.headers['x-content-type-options']).toBe('nosniff');
		expect(res.headers['referrer-policy']).toBe('no-referrer');
		// The meta tag's policy, plus what a meta tag cannot say.
		expect(res.headers['content-security-policy']).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
		expect(res.headers['cache-control']).toBe('no-cache');
	});

	it('serves /speaker from speaker.html and a query string does not change the file', async () => {
		const res = await get('/speaker?x=1');
		expect(res.status).toBe(200);
		expect(res.body).toBe(SPEAKER);
		expect(res.headers['content-security-policy']).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
		expect((await get('/?scene=2')).body).toBe(INDEX);
	});

	it('a page with no policy of its own gets a default one that does not restrict its scripts', async () => {
		const res = await get('/plain.html');
		expect(res.status).toBe(200);
		const policy = String(res.headers['content-security-policy']);
		expect(policy).toContain("frame-ancestors 'none'");
		expect(policy).toContain("object-src 'none'");
		expect(policy).not.toMatch(/default-src|script-src|connect-src|style-src/);
		expect(res.headers['x-content-type-options']).toBe('nosniff');
		expect(res.headers['referrer-policy']).toBe('no-referrer');
	});

	it.each([
		['/_app/immutable/start.js', 'text/javascript; charset=utf-8'],
		['/style.css', 'text/css; charset=utf-8'],
		['/briefings/demo.json', 'application/json; charset=utf-8'],
		['/world.geojson', 'application/geo+json; charset=utf-8'],
		['/icon.svg', 'image/svg+xml'],
		['/notes.txt', 'text/plain; charset=utf-8'],
		['/blob.bin', 'application/octet-stream']
	])('%s is served as %s, with nosniff and no-referrer', async (path, type) => {
		const res = await get(path);
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe(type);
		expect(res.headers['x-content-type-options']).toBe('nosniff');
		expect(res.headers['referrer-policy']).toBe('no-referrer');
	});

	it('a large file arrives whole with its length, an empty one empty', async () => {
		const big = await get('/big.geojson');
		expect(big.status).toBe(200);
		expect(big.headers['content-length']).toBe(String(BIG.length));
		expect(big.body).toBe(BIG);
		const empty = await get('/empty.txt');
		expect(empty.status).toBe(200);
		expect(empty.headers['content-length']).toBe('0');
		expect(empty.body).toBe('');
	});

	it('files under _app/immutable are cached for a year, others revalidated', async () => {
		expect((await get('/_app/immutable/start.js')).headers['cache-control']).toBe(
			'public, max-age=31536000, immutable'
		);
		expect((await get('/briefings/demo.json')).headers['cache-control']).toBe('no-cache');
	});

	it('an unknown path gets 404 with the same headers', async () => {
		const res = await get('/no/such/page');
		expect(res.status).toBe(404);
		expect(res.headers['x-content-type-options']).toBe('nosniff');
		expect(res.headers['referrer-policy']).toBe('no-referrer');
		await stillServing();
	});
});

describe('serve.js: files that cannot be read get 404 or 500 and the server keeps serving', () => {
	it('a folder named index.html where the page is expected', async () => {
		const res = await get('/broken/');
		expect([404, 500]).toContain(res.status);
		await stillServing();
	});

	it('a symlink to nothing', async () => {
		const res = await get('/dangling.js');
		expect([404, 500]).toContain(res.status);
		await stillServing();
	});

	// As root (as in CI) a file with no permissions is still readable, so this case only runs for
	// other users; the folder named index.html above fails the read as root too.
	it.skipIf(ROOT_USER)('a file with no read permission', async () => {
		const res = await get('/locked.txt');
		expect([404, 500]).toContain(res.status);
		expect(res.body).not.toContain('locked');
		await stillServing();
	});
});

describe('serve.js: reading a page policy and a request path (in process)', () => {
	it('takes the policy from the meta tag, whatever its quoting and entities', () => {
		expect(pagePolicy(INDEX)).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
		expect(
			pagePolicy(
				`<META CONTENT='script-src &#39;self&#39;;\n  img-src &apos;self&apos; data:;' HTTP-EQUIV=Content-Security-Policy>`
			)
		).toBe("script-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
	});

	it('sends every meta policy (all are enforced) and keeps a frame-ancestors the page set', () => {
		const two =
			`<meta http-equiv="content-security-policy" content="script-src 'self'">` +
			`<meta http-equiv="content-security-policy" content="img-src 'self'; frame-ancestors 'self'">`;
		expect(pagePolicy(two)).toBe("script-src 'self', img-src 'self'; frame-ancestors 'self'");
	});

	it('ignores other meta tags and a policy that cannot be a header', () => {
		const page =
			'<meta name="content-security-policy" content="script-src *">' +
			'<meta http-equiv="refresh" content="5">' +
			'<meta http-equiv="content-security-policy" content="script-src \u00e9">';
		expect(pagePolicy(page)).toBe("object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
	});

	it('decodes a path or says it is malformed', () => {
		expect(requestPath('/a%20b/c.js?x=%')).toBe('/a b/c.js');
		expect(requestPath('http://host:1/speaker#x')).toBe('/speaker');
		expect(requestPath('/%')).toBeNull();
		expect(requestPath('http://[/')).toBeNull();
		expect(requestPath('*')).toBeNull();
		expect(requestPath('/a%00b')).toBeNull();
		expect(requestPath(undefined)).toBe(null);
	});
});
