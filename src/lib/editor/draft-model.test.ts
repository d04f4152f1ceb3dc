import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '$lib/briefing/schema';
import { PATTERNS, SWATCH_NAMES } from '$lib/briefing/palette';
import { MAINLAND_BOUNDS } from '$lib/map/geodata';
import {
	addCountry,
	addRole,
	applyFound,
	draftToDocument,
	draftToMapContent,
	excerptOf,
	frameOf,
	isFoundStale,
	listedCountries,
	newDraft,
	paragraphMoves,
	parseDraft,
	describeProblem,
	removeRole,
	setArticle,
	setAsOf,
	setIncluded,
	setReason,
	setRole,
	setTitle,
	slugOf,
	STARTING_ROLES,
	updateRole,
	WORLD_FRAME,
	type Draft
} from './draft-model';
import { findCountries } from './find-countries';

const ARTICLE = readFileSync('tests/fixtures/articles/west-africa.txt', 'utf8');
const nameOf = (iso3: string) => iso3;
const bounds = (iso3: string) => MAINLAND_BOUNDS[iso3];

/** A draft with the west-africa article read and its countries found. */
function found(): Draft {
	const d = setArticle(
		setAsOf(setTitle(newDraft('2024-11-20'), 'Piracy off West Africa'), '2024-11-20'),
		ARTICLE
	);
	return applyFound(d, findCountries(d.document.article.paragraphs, { language: 'en' }));
}

describe('a new draft', () => {
	it('is an empty briefing document of the current format, with the starting roles', () => {
		const d = newDraft('2024-01-02');
		expect(d.document.version).toBe(1);
		expect(d.document.asOf).toBe('2024-01-02');
		expect(d.document.title).toBe('');
		expect(d.document.article.paragraphs).toEqual([]);
		expect(d.document.countries).toEqual([]);
		expect(d.document.roles.map((r) => r.id)).toEqual(STARTING_ROLES.map((r) => r.id));
		expect(d.editor.found).toBeNull();
	});

	it('starts with roles told apart by colour and by pattern alike', () => {
		const swatches = STARTING_ROLES.map((r) => r.swatch);
		const patterns = STARTING_ROLES.map((r) => r.pattern);
		expect(new Set(swatches).size).toBe(swatches.length);
		expect(new Set(patterns).size).toBe(patterns.length);
	});
});

describe('title, date and article', () => {
	it('the title names the briefing, its id and its article', () => {
		const d = setTitle(newDraft(), '  Piracy: the Gulf of Guinea, 2024 ');
		expect(d.document.title).toBe('  Piracy: the Gulf of Guinea, 2024 ');
		expect(d.document.id).toBe('piracy-the-gulf-of-guinea-2024');
		expect(d.document.article.title).toBe(d.document.title);
	});

	it('ids are slugs, whatever the title', () => {
		expect(slugOf('Côte d’Ivoire élections')).toBe('cote-d-ivoire-elections');
		expect(slugOf('!!!')).toBe('new-briefing');
		expect(slugOf('')).toBe('new-briefing');
		expect(slugOf('a'.repeat(200)).length).toBeLessThanOrEqual(60);
	});

	it('the as-of date dates the article too', () => {
		const d = setAsOf(newDraft(), '2023-05-06');
		expect(d.document.asOf).toBe('2023-05-06');
		expect(d.document.article.published).toBe('2023-05-06');
	});

	it('the article is split into paragraphs between blank lines, the text kept as typed', () => {
		const d = setArticle(newDraft(), 'One.\n\nTwo\nstill two.\r\n\r\nThree.\n\n\n');
		expect(d.document.article.paragraphs).toEqual(['One.', 'Two\nstill two.', 'Three.']);
		expect(d.editor.articleText).toBe('One.\n\nTwo\nstill two.\r\n\r\nThree.\n\n\n');
	});
});

describe('paragraph numbers stay with their paragraphs', () => {
	it('match unchanged paragraphs by text and edited ones by their place', () => {
		const moves = paragraphMoves(['a', 'b', 'c', 'd'], ['new', 'a', 'b2', 'c', 'd']);
		expect([...moves]).toEqual([
			[1, 2],
			[2, 3],
			[3, 4],
			[4, 5]
		]);
	});

	it('a deleted paragraph has no number any more', () => {
		const moves = paragraphMoves(['a', 'b', 'c'], ['a', 'c']);
		expect(moves.get(1)).toBe(1);
		expect(moves.has(2)).toBe(false);
		expect(moves.get(3)).toBe(2);
	});

	it('passage edits follow their paragraphs when the article is edited', () => {
		let d = setArticle(newDraft(), 'A names Chad.\n\nB.\n\nC.');
		d = addCountry(d, 'TCD');
		d = {
			...d,
			document: {
				...d.document,
				countries: d.document.countries.map((c) => ({
					...c,
					passages: { add: [2, 3], remove: [1] }
				}))
			}
		};
		d = setArticle(d, 'A new first paragraph.\n\nA names Chad.\n\nC.');
		expect(d.document.countries[0]!.passages).toEqual({ add: [3], remove: [2] });
	});

	it('what was found goes stale when the article changes', () => {
		const d = found();
		expect(isFoundStale(d)).toBe(false);
		expect(isFoundStale(setArticle(d, ARTICLE + '\n\nOne more paragraph.'))).toBe(true);
		expect(isFoundStale(setArticle(d, ARTICLE + '\n'))).toBe(false);
	});
});

describe('the countries found', () => {
	it('all join the briefing in the default role, with no reason yet', () => {
		const d = found();
		const isos = d.document.countries.map((c) => c.iso3);
		expect(isos).toEqual(expect.arrayContaining(['NGA', 'GHA', 'CIV', 'TGO', 'BEN', 'SEN']));
		expect(d.document.countries.every((c) => c.roles[0]!.role === 'named')).toBe(true);
		expect(d.document.countries.every((c) => c.roles[0]!.reason === '')).toBe(true);
	});

	it('a country too small for the basemap is listed, but cannot join', () => {
		const d = found();
		const stp = listedCountries(d, nameOf).find((r) => r.iso3 === 'STP')!;
		expect(stp).toMatchObject({ included: false, drawable: false, passages: 1 });
		expect(setIncluded(d, 'STP', true)).toBe(d);
	});

	it('are listed with their passage counts and first passage, most named first', () => {
		const rows = listedCountries(found(), nameOf);
		expect(rows[0]!.iso3).toBe('NGA');
		for (let i = 1; i < rows.length; i++)
			expect(rows[i]!.passages).toBeLessThanOrEqual(rows[i - 1]!.passages);
		const nga = rows[0]!;
		expect(nga.passages).toBeGreaterThan(1);
		expect(nga.first!.paragraph).toBe(1);
		expect(nga.first!.text.slice(nga.first!.start, nga.first!.end)).toBe('Nigeria');
	});

	it('an unchecked country leaves the briefing and comes back as it was', () => {
		let d = found();
		d = setRole(d, 'GHA', 'involved');
		d = setReason(d, 'GHA', 'Stepped up its patrols.');
		d = setIncluded(d, 'GHA', false);
		expect(d.document.countries.some((c) => c.iso3 === 'GHA')).toBe(false);
		expect(listedCountries(d, nameOf).find((r) => r.iso3 === 'GHA')!.included).toBe(false);
		// Finding again does not bring it back.
		d = applyFound(d, d.editor.found!);
		expect(d.document.countries.some((c) => c.iso3 === 'GHA')).toBe(false);
		d = setIncluded(d, 'GHA', true);
		expect(d.document.countries.find((c) => c.iso3 === 'GHA')!.roles).toEqual([
			{ role: 'involved', reason: 'Stepped up its patrols.' }
		]);
	});

	it('a country the article does not name can be added, and is listed after those found', () => {
		const d = addCountry(found(), 'TCD');
		const rows = listedCountries(d, nameOf);
		expect(rows.at(-1)).toMatchObject({ iso3: 'TCD', passages: 0, first: null, included: true });
		expect(addCountry(d, 'TCD')).toBe(d);
	});

	it('sets a role only among the roles defined', () => {
		const d = setRole(found(), 'NGA', 'central');
		expect(d.document.countries.find((c) => c.iso3 === 'NGA')!.roles[0]!.role).toBe('central');
		expect(setRole(d, 'NGA', 'no-such-role')).toBe(d);
	});
});

describe('roles', () => {
	it('a new role gets a fresh id and a look that differs from the others', () => {
		let d = newDraft();
		d = addRole(d);
		const added = d.document.roles.at(-1)!;
		expect(added.id).toBe('role-5');
		expect(added.label).toBe('New role');
		expect(SWATCH_NAMES).toContain(added.swatch);
		expect(PATTERNS).toContain(added.pattern);
		const others = d.document.roles.slice(0, -1);
		expect(others.some((r) => r.swatch === added.swatch)).toBe(false);
		expect(others.some((r) => r.pattern === added.pattern)).toBe(false);
	});

	it('a role is edited by label, description, colour and pattern, its id kept', () => {
		const d = updateRole(newDraft(), 'central', {
			label: 'Host',
			swatch: 'green',
			pattern: 'crosshatch'
		});
		expect(d.document.roles[0]).toMatchObject({
			id: 'central',
			label: 'Host',
			swatch: 'green',
			pattern: 'crosshatch'
		});
	});

	it('removing a role moves its countries to the default role; the last role stays', () => {
		let d = setRole(found(), 'NGA', 'central');
		d = removeRole(d, 'central');
		expect(d.document.roles.some((r) => r.id === 'central')).toBe(false);
		expect(d.document.countries.find((c) => c.iso3 === 'NGA')!.roles[0]!.role).toBe('named');
		d = removeRole(d, 'named');
		expect(d.editor.defaultRole).toBe('affected');
		expect(d.document.countries.every((c) => c.roles[0]!.role === 'affected')).toBe(true);
		d = removeRole(removeRole(d, 'involved'), 'affected');
		expect(d.document.roles.map((r) => r.id)).toEqual(['affected']);
	});
});

describe('what the map draws of a draft', () => {
	it('every country in the briefing by its primary role, each role with its look', () => {
		const d = setRole(setIncluded(found(), 'GHA', false), 'NGA', 'central');
		const content = draftToMapContent(d);
		expect(content.countries.find((c) => c.iso3 === 'NGA')).toMatchObject({ role: 'central' });
		expect(content.countries.some((c) => c.iso3 === 'GHA')).toBe(false);
		expect(content.looks.find((l) => l.id === 'central')).toMatchObject({
			color: '#D55E00',
			pattern: 'solid'
		});
		expect(content.overlays).toEqual([]);
	});
});

describe('the document of a draft', () => {
	it('is a valid briefing once every country has a reason', () => {
		let d = found();
		for (const c of d.document.countries) d = setReason(d, c.iso3, 'Named in the article.');
		const doc = draftToDocument(d, bounds);
		const result = parseDocument(JSON.parse(JSON.stringify(doc)));
		expect(result.ok ? [] : result.errors).toEqual([]);
	});

	it('an unfinished one is reported by the schema, field by field', () => {
		const result = parseDocument(draftToDocument(newDraft('2024-01-01')));
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.errors.join('\n')).toMatch(/^title:/m);
			expect(result.errors.join('\n')).toMatch(/article\.paragraphs/);
			expect(result.errors.join('\n')).toMatch(/^countries:/m);
		}
	});

	it('is framed on its countries, or the world', () => {
		expect(frameOf([], bounds)).toEqual(WORLD_FRAME);
		const [w, s, e, n] = frameOf(['NGA', 'GHA'], bounds);
		expect(w).toBeLessThan(MAINLAND_BOUNDS.GHA![0]);
		expect(e).toBeGreaterThan(MAINLAND_BOUNDS.NGA![2]);
		expect(s).toBeLessThan(n);
	});
});

describe('the first passage', () => {
	it('is shown around its mention, cut at words', () => {
		const text = 'word '.repeat(40) + 'Nigeria' + ' word'.repeat(60);
		const start = text.indexOf('Nigeria');
		const e = excerptOf({ text, start, end: start + 7 });
		expect(e.words).toBe('Nigeria');
		expect(e.before.startsWith('…word')).toBe(true);
		expect(e.after.endsWith('word…')).toBe(true);
		expect(excerptOf({ text: 'Nigeria.', start: 0, end: 7 })).toEqual({
			before: '',
			words: 'Nigeria',
			after: '.'
		});
	});
});

describe('a draft read back from storage', () => {
	it('opens every draft the editor makes, as stored (JSON text)', () => {
		const worked = setIncluded(
			setReason(setRole(addCountry(found(), 'KAZ'), 'KAZ', 'central'), 'KAZ', 'x'.repeat(3000)),
			'NGA',
			false
		);
		for (const d of [newDraft('2024-01-01'), found(), worked]) {
			const read = parseDraft(JSON.parse(JSON.stringify(d)));
			expect(read.ok).toBe(true);
			if (read.ok) expect(read.draft).toEqual(d);
		}
	});

	it('refuses one of another shape, naming each field', () => {
		const d = JSON.parse(JSON.stringify(found()));
		d.document.countries[0].roles = 'central';
		delete d.editor.articleText;
		d.document.title = 42;
		const read = parseDraft(d);
		expect(read.ok).toBe(false);
		if (!read.ok) {
			expect(read.errors).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/^document\.title: /),
					expect.stringMatching(/^document\.countries\[0\]\.roles: /),
					expect.stringMatching(/^editor\.articleText: required/)
				])
			);
		}
		for (const bad of [null, 'draft', [], { document: {} }]) expect(parseDraft(bad).ok).toBe(false);
	});
});

describe('validation problems, as the author reads them', () => {
	const names: Record<string, string> = { GHA: 'Ghana' };
	const d = { ...found() };
	d.document = {
		...d.document,
		countries: [{ iso3: 'GHA', roles: [{ role: 'named', reason: '' }] }]
	};
	const nameOf = (iso3: string) => names[iso3] ?? iso3;

	it('names the field by its label in the editor, to go to it', () => {
		expect(describeProblem(d, 'countries[0].roles[0].reason: must not be empty', nameOf)).toEqual({
			text: 'Reason for Ghana: must not be empty',
			field: 'Reason for Ghana'
		});
		expect(describeProblem(d, 'title: must not be empty', nameOf)).toEqual({
			text: 'Title: must not be empty',
			field: 'Title'
		});
		expect(describeProblem(d, 'countries[0].terms[2]: too long', nameOf)).toEqual({
			text: 'Ghana: too long'
		});
	});

	it('keeps the path of a field the editor does not show', () => {
		expect(describeProblem(d, 'scenes[0].title: required', nameOf)).toEqual({
			text: 'scenes[0].title: required'
		});
		expect(describeProblem(d, 'countries[9].roles[0].reason: x', nameOf)).toEqual({
			text: 'countries[9].roles[0].reason: x'
		});
	});
});
