import { expect, test } from './fixtures';
import { mapIdle } from './helpers';

/** A page's policy from its `<meta http-equiv="content-security-policy">`, by directive. */
async function policyOf(html: string): Promise<Map<string, string[]>> {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	expect(meta, 'the page has a CSP meta tag').not.toBeNull();
	return new Map(
		meta![1]!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...sources]) => [name!, sources])
	);
}

for (const path of ['./', './speaker', './library', './editor']) {
	test(`${path} carries a strict policy: scripts from its own origin only, nothing remote`, async ({
		request
	}) => {
		const response = await request.get(path);
		const policy = await policyOf(await response.text());
		// The server sends the same policy as a header, and forbids framing (a header-only rule).
		const header = response.headers()['content-security-policy'] ?? '';
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(
			await response.text()
		)![1]!;
		expect(header).toContain(meta.trim().replace(/;\s*$/, ''));
		expect(header).toMatch(/frame-ancestors 'none'/);
		expect(policy.get('default-src')).toEqual(["'none'"]);
		// SvelteKit's start-up script is allowed by its hash, never by 'unsafe-inline'.
		const scripts = policy.get('script-src') ?? [];
		expect(scripts).toContain("'self'");
		expect(scripts.filter((s) => !/^'sha256-[\w+/=]+'$/.test(s))).toEqual(["'self'"]);
		expect(policy.get('connect-src')).toEqual(["'self'"]);
		expect(policy.get('worker-src')).toEqual(["'self'"]);
		expect(policy.get('img-src')).toEqual(["'self'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'none'"]);
		expect(policy.get('form-action')).toEqual(["'none'"]);
		for (const [directive, sources] of policy) {
			for (const source of sources) {
				expect(source, directive).not.toMatch(
					/^(https?:|wss?:|\*|'unsafe-eval'|'unsafe-inline'|'strict-dynamic')/
				);
				expect(source, directive).not.toMatch(/\.\w+(:\d+)?$/); // no host names
			}
		}
	});
}

test('the policy is enforced: an injected inline script and eval are refused', async ({
	browser,
	baseURL
}) => {
	// A context of its own: the violations provoked here are the point, not a failure of the suite.
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await page.addInitScript(() => {
		const w = window as unknown as { violations: string[] };
		w.violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.violations.push(e.effectiveDirective)
		);
	});
	await page.goto('./');
	await mapIdle(page);
	const ran = await page.evaluate(async () => {
		const w = window as unknown as { injected?: boolean };
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.head.append(script);
		// In a task of the page's own: code evaluated by the test itself may use eval whatever the policy.
		const evaluated = await new Promise<string>((done) =>
			setTimeout(() => {
				try {
					eval('1 + 1');
					done('ran');
				} catch (e) {
					done((e as Error).name);
				}
			})
		);
		return { inline: w.injected === true, evaluated };
	});
	expect(ran).toEqual({ inline: false, evaluated: 'EvalError' });
	// Each is reported once per policy that refuses it: the page's meta tag and the server's header.
	await expect
		.poll(async () => {
			const seen = await page.evaluate(
				() => (window as unknown as { violations: string[] }).violations
			);
			return [...new Set(seen)].sort();
		})
		.toEqual(['script-src', 'script-src-elem']);
	await context.close();
});

test('the 1:50m shapes (Hungary and Slovenia are small files) load under the policy, as files', async ({
	page,
	baseURL
}) => {
	const geodata: string[] = [];
	page.on('request', (r) => {
		if (r.url().startsWith('data:') || r.url().endsWith('.geojson')) geodata.push(r.url());
	});
	await page.goto('./#map=6.5/46.6/16.5');
	await mapIdle(page);
	const loaded = await page.evaluate(() => {
		const map = (document.querySelector('.map') as unknown as { maplibreMap: MapLike }).maplibreMap;
		type MapLike = {
			getSource(id: string): unknown;
			isSourceLoaded(id: string): boolean;
			querySourceFeatures(id: string): unknown[];
		};
		return ['HUN', 'SVN'].map((c) => {
			const id = `country-${c}`;
			return (
				!!map.getSource(id) && map.isSourceLoaded(id) && map.querySourceFeatures(id).length > 0
			);
		});
	});
	expect(loaded).toEqual([true, true]);
	expect(geodata.filter((u) => !u.startsWith(new URL(baseURL!).origin))).toEqual([]);
	expect(geodata.some((u) => /\/HUN\.[\w-]+\.geojson$/.test(u))).toBe(true);
	expect(geodata.some((u) => /\/SVN\.[\w-]+\.geojson$/.test(u))).toBe(true);
});
