import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { gazetteerFor } from '$lib/briefing/gazetteer';
import { readBriefingDocument } from './document';
import { languageOf } from './gazetteer';
import { servedRaw } from '$lib/briefing/test-briefing';

// The tables' addresses are hashed assets; here they are files under geodata/, answered from disk.
const fromDisk = vi.fn(async (url: string | URL | Request) => {
	const path = String(url).replace(/^\//, '').replace(/\?.*$/, '');
	try {
		return new Response(readFileSync(path, 'utf8'));
	} catch {
		return new Response('', { status: 404 });
	}
}) as unknown as typeof fetch;

describe('the gazetteer as data', () => {
	it('reads a document’s language before the document is validated', () => {
		expect(languageOf({ language: 'fr-FR' })).toBe('fr-FR');
		expect(languageOf({ language: 7 })).toBeUndefined();
		expect(languageOf(null)).toBeUndefined();
	});

	// First: the tests below start module graphs of their own (vi.resetModules).
	it('lets a document be read once its language’s table is here', async () => {
		const result = await readBriefingDocument({ ...servedRaw(), language: 'fr' }, fromDisk);
		expect(result.ok).toBe(true);
	});

	it('is fetched as a file of the site, then read as the tables the build reads', async () => {
		// The setup of the unit tests provides both tables; a fresh module graph starts with none.
		vi.resetModules();
		const fresh = await import('./gazetteer');
		const tables = await import('$lib/briefing/gazetteer');
		expect(tables.hasGazetteer('fr')).toBe(false);
		await fresh.loadGazetteer('fr-CA', fromDisk);
		expect(tables.gazetteerFor('fr').names.RUS).toContain('Moscou');
		expect(tables.gazetteerFor('fr').names).toEqual(gazetteerFor('fr').names);
		// Asked again, it is not fetched again.
		const calls = vi.mocked(fromDisk).mock.calls.length;
		await fresh.loadGazetteer('fr', fromDisk);
		expect(vi.mocked(fromDisk).mock.calls.length).toBe(calls);
	});

	it('says so when it cannot be fetched, and tries again the next time', async () => {
		vi.resetModules();
		const fresh = await import('./gazetteer');
		const down = vi.fn(async () => new Response('', { status: 503 })) as unknown as typeof fetch;
		await expect(fresh.loadGazetteer('en', down)).rejects.toThrow(
			'The list of country names (en) could not be loaded: HTTP 503'
		);
		await expect(fresh.loadGazetteer('en', fromDisk)).resolves.toBeUndefined();
	});

	it('refuses a table that is not one (a stale or damaged file)', async () => {
		vi.resetModules();
		const fresh = await import('./gazetteer');
		const damaged = vi.fn(
			async () => new Response('{"en": {"RUS": "Russia"}}')
		) as unknown as typeof fetch;
		await expect(fresh.loadGazetteer('en', damaged)).rejects.toThrow(
			'The en gazetteer file is not a table of names by country code'
		);
	});
});
