import { describe, expect, it } from 'vitest';
import { embedded, servedRaw } from '$lib/briefing/test-briefing';
import { countryLists, styledCountries } from '$lib/state/view-models';
import {
	MAX_FILE_BYTES,
	conflictOf,
	exportFile,
	freshId,
	planImport,
	readBriefingText,
	sizeError,
	summaryOf,
	withId
} from './library';

describe('summaryOf', () => {
	it("lists the countries the map's sidebar lists under “Countries in the story”, in its order", () => {
		const b = embedded();
		const sidebar = countryLists(styledCountries(b), [], (iso3) => iso3).featured;
		expect(summaryOf(b).countries).toEqual(sidebar.map((c) => c.iso3));
		// Belarus is in the document only for a distance and a troop note: it has no role, so
		// neither the sidebar nor the card names it.
		expect(b.countries.some((c) => c.iso3 === 'BLR')).toBe(true);
		expect(summaryOf(b).countries).not.toContain('BLR');
		expect(summaryOf(b).countries.slice(0, 4)).toEqual(['FRA', 'RUS', 'UKR', 'MLI']);
	});
});

describe('conflictOf', () => {
	it('says what holds an id: an embedded briefing first, then an imported one', () => {
		expect(conflictOf('a', ['a'], ['a'])).toBe('embedded');
		expect(conflictOf('a', ['b'], ['a'])).toBe('imported');
		expect(conflictOf('c', ['a'], ['b'])).toBe('none');
	});
});

describe('freshId', () => {
	it('gives the first free <id>-n from 2', () => {
		expect(freshId('gerd', ['gerd'])).toBe('gerd-2');
		expect(freshId('gerd', ['gerd', 'gerd-2', 'gerd-3'])).toBe('gerd-4');
	});

	it('stays within the id length limit and stays a valid id', () => {
		const long = 'a'.repeat(99) + 'b';
		const id = freshId(long, [long]);
		expect(id).toHaveLength(100);
		expect(id.endsWith('-2')).toBe(true);
		// A stem cut on a hyphen would give "--2", which is not an id.
		const hyphen = 'a'.repeat(97) + '-bc';
		expect(freshId(hyphen, [hyphen])).toBe(`${'a'.repeat(97)}-2`);
	});
});

describe('planImport', () => {
	it('stores a new id at once', () => {
		expect(planImport('new', ['feb-2022'], ['old'])).toEqual({ conflict: 'none' });
	});

	it('asks for an id taken by an imported briefing, offering a copy id free everywhere', () => {
		expect(planImport('old', ['old-2'], ['old'])).toEqual({
			conflict: 'imported',
			copyId: 'old-3'
		});
	});

	it('asks for an id taken by an embedded briefing (which only "keep both" can resolve)', () => {
		expect(planImport('feb-2022', ['feb-2022'], [])).toEqual({
			conflict: 'embedded',
			copyId: 'feb-2022-2'
		});
	});
});

describe('reading a file', () => {
	/** The embedded briefing in its served form (the article's paragraphs inlined), as text. */
	const served = () => {
		return JSON.stringify(servedRaw());
	};

	it('refuses a file that is too large before reading it', () => {
		expect(sizeError(MAX_FILE_BYTES)).toBeUndefined();
		expect(sizeError(MAX_FILE_BYTES + 1)).toMatch(
			/^the file is 8\.0 MB; a briefing file is at most 8\.0 MB$/
		);
	});

	it('says when a file is not JSON', async () => {
		const r = await readBriefingText('{ not json');
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors[0]).toMatch(/^the file is not JSON: /);
	});

	it('reads a file’s bytes as its text (the page hands a file over undecoded)', async () => {
		const bytes = (text: string) => new TextEncoder().encode(text).buffer;
		const notJson = await readBriefingText(bytes('{ not json'));
		expect(notJson).toEqual(await readBriefingText('{ not json'));
		const good = await readBriefingText(bytes(served()));
		expect(good.ok).toBe(true);
		expect(good).toEqual(await readBriefingText(served()));
	});

	it('lists the problems of a briefing, naming the fields', async () => {
		const bad = JSON.parse(served());
		bad.asOf = 'yesterday';
		delete bad.title;
		const r = await readBriefingText(JSON.stringify(bad));
		expect(r.ok).toBe(false);
		const errors = r.ok ? [] : r.errors;
		expect(errors.some((e) => e.startsWith('asOf'))).toBe(true);
		expect(errors.some((e) => e.startsWith('title'))).toBe(true);
	});

	it('reads a valid briefing, which exports as <id>.briefing.json and reads back equal', async () => {
		const r = await readBriefingText(served());
		if (!r.ok) throw new Error(r.errors.join('\n'));
		const file = exportFile(r.briefing);
		expect(file.name).toBe(`${r.briefing.id}.briefing.json`);
		const again = await readBriefingText(file.text);
		expect(again).toEqual({ ok: true, briefing: r.briefing });
	});

	it('keeps a renamed copy valid, with its new id inside', async () => {
		const r = await readBriefingText(served());
		if (!r.ok) throw new Error(r.errors.join('\n'));
		const copy = withId(r.briefing, freshId(r.briefing.id, [r.briefing.id]));
		expect(summaryOf(copy).id).toBe(`${r.briefing.id}-2`);
		expect((await readBriefingText(exportFile(copy).text)).ok).toBe(true);
	});
});
