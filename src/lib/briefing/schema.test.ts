import { describe, expect, it } from 'vitest';
import { SWATCHES } from './palette';
import { briefingSchema, formatPath, parseServedBriefing, validateBriefing } from './schema';
import { splitParagraphs } from './text.js';

import { errorsOf, fresh, paragraphs, servedRaw } from './test-briefing';

describe('splitParagraphs', () => {
	it('finds the article’s 12 paragraphs', () => {
		expect(paragraphs).toHaveLength(12);
		expect(paragraphs[0]).toBe('After that, the French President will visit Kyiv.');
		expect(paragraphs[11]).toMatch(/^“For the president,/);
	});

	it('splits on blank lines (even with spaces or CRLF), trims, drops empties', () => {
		expect(splitParagraphs('\n\n  One\nstill one \r\n\r\nTwo\n \t\n\n\nThree  \n\n')).toEqual([
			'One\nstill one',
			'Two',
			'Three'
		]);
		expect(splitParagraphs('   \n\n ')).toEqual([]);
	});
});

describe('the embedded briefing', () => {
	it('validates against the real article', () => {
		const result = validateBriefing(fresh(), paragraphs);
		expect(result.ok ? [] : result.errors).toEqual([]);
	});

	it('validates as served, with the paragraphs inlined', () => {
		const result = parseServedBriefing(servedRaw());
		expect(result.ok ? [] : result.errors).toEqual([]);
	});

	it('gives each role a swatch from the palette and a look of its own', () => {
		const b = fresh();
		const looks = b.roles.map(
			(r: { swatch: string; pattern: string }) => `${r.swatch}/${r.pattern}`
		);
		expect(new Set(looks).size).toBe(looks.length);
		for (const r of b.roles) expect(Object.keys(SWATCHES)).toContain(r.swatch);
	});
});

describe('validation errors name the field path', () => {
	it('an unknown role id', () => {
		expect(
			errorsOf((b) => {
				b.countries[2].roles[0].role = 'mediater';
			})
		).toEqual([
			'countries[2].roles[0].role: unknown role "mediater" (roles: mediator, buildup, threatened, sphere, election, context)'
		]);
	});

	it('an iso3 that is not three capitals', () => {
		for (const bad of ['fra', 'FR', 'FRAN', 'F1A']) {
			expect(
				errorsOf((b) => {
					b.countries[1].iso3 = bad;
				})
			).toEqual(['countries[1].iso3: must be an ISO 3166-1 alpha-3 code, e.g. "FRA"']);
		}
	});

	it('a typo in a field name, at any depth', () => {
		expect(
			errorsOf((b) => {
				b.countries[0].roles[0].reasn = b.countries[0].roles[0].reason;
				delete b.countries[0].roles[0].reason;
			})
		).toEqual([
			'countries[0].roles[0].reason: required (string)',
			'countries[0].roles[0].reasn: unknown field'
		]);
		expect(errorsOf((b) => (b.troopNote = []))).toEqual(['troopNote: unknown field']);
		expect(errorsOf((b) => (b.troopNotes[0].geometry.widhtKm = 1))).toEqual([
			'troopNotes[0].geometry.widhtKm: unknown field'
		]);
	});

	it('a paragraph number outside the article', () => {
		expect(errorsOf((b) => (b.troopNotes[0].provenance.paragraphs = [4, 13]))).toEqual([
			'troopNotes[0].provenance.paragraphs[1]: paragraph 13 is outside 1..12 (the article has 12)'
		]);
		expect(errorsOf((b) => (b.countries[3].passages.remove = [12, 40]))).toEqual([
			'countries[3].passages.remove[1]: paragraph 40 is outside 1..12 (the article has 12)'
		]);
		expect(errorsOf((b) => (b.countries[3].passages.add = [0]))).toEqual([
			'countries[3].passages.add[0]: paragraphs are numbered from 1'
		]);
		expect(errorsOf((b) => (b.countries[3].passages.add = [2.5]))).toEqual([
			'countries[3].passages.add[0]: paragraph numbers are whole numbers'
		]);
	});

	it('checks paragraph numbers only once the article is known', () => {
		const b = fresh();
		b.troopNotes[0].provenance.paragraphs = [13];
		expect(briefingSchema.safeParse(b).success).toBe(true);
		expect(validateBriefing(b, paragraphs).ok).toBe(false);
	});

	it('bounds out of range or inverted', () => {
		expect(errorsOf((b) => (b.frame.bounds = [-13, 9, 190, 61]))).toEqual([
			'frame.bounds[2]: longitude must be within -180..180'
		]);
		expect(errorsOf((b) => (b.frame.bounds = [-13, 9, 58, 89]))).toEqual([
			'frame.bounds[3]: latitude must be within ±85.051129 (Web Mercator)'
		]);
		expect(errorsOf((b) => (b.frame.bounds = [58, 61, -13, 9]))).toEqual([
			'frame.bounds: west must be less than east',
			'frame.bounds: south must be less than north'
		]);
		expect(errorsOf((b) => (b.frame.bounds = [-13, 9, 58]))[0]).toMatch(/^frame\.bounds/);
	});

	it('a URL that is not http(s)', () => {
		for (const url of [
			'javascript:alert(1)',
			'ftp://example.com/a',
			'data:text/html,x',
			'www.csis.org'
		]) {
			expect(errorsOf((b) => (b.troopNotes[1].provenance.url = url))).toEqual([
				'troopNotes[1].provenance.url: must be an http(s) URL'
			]);
		}
	});

	it('a widthKm outside (0, 1000]', () => {
		expect(errorsOf((b) => (b.troopNotes[0].geometry.widthKm = 0))).toEqual([
			'troopNotes[0].geometry.widthKm: widthKm must be more than 0'
		]);
		expect(errorsOf((b) => (b.troopNotes[0].geometry.widthKm = 1001))).toEqual([
			'troopNotes[0].geometry.widthKm: widthKm must be at most 1000'
		]);
		const b = fresh();
		b.troopNotes[0].geometry.widthKm = 1000;
		expect(validateBriefing(b, paragraphs).ok).toBe(true);
	});

	// The rules the border zone's derivation needs (src/lib/geo/derive.js), which the schema alone
	// would let through and the derivation would then fail on.
	it('a zone region with no shape on the map', () => {
		expect(errorsOf((b) => (b.troopNotes[0].geometry.inside = ['RUS', 'DONBAS']))).toEqual([
			'troopNotes[0].geometry.inside[1]: "DONBAS" is neither a country of the basemap nor a region (regions: CRIMEA)'
		]);
	});

	it('a zone region off the border it runs along', () => {
		expect(errorsOf((b) => (b.troopNotes[0].geometry.inside = ['RUS', 'BLR']))).toEqual([
			'troopNotes[0].geometry.inside[1]: "BLR" is not on the border: name a country of along (RUS, UKR) or a region of one'
		]);
		// A region of a country of along is on it: Crimea is Ukraine's.
		const b = fresh();
		b.troopNotes[0].geometry.inside = ['CRIMEA'];
		expect(validateBriefing(b, paragraphs).ok).toBe(true);
	});

	it('a zone on both sides of its border', () => {
		expect(errorsOf((b) => (b.troopNotes[0].geometry.inside = ['RUS', 'UKR']))).toEqual([
			'troopNotes[0].geometry.inside: covers both sides of the border: leave the country across it out of inside'
		]);
	});

	it('a zone region listed twice', () => {
		expect(errorsOf((b) => (b.troopNotes[0].geometry.inside = ['RUS', 'CRIMEA', 'RUS']))).toEqual([
			'troopNotes[0].geometry.inside[2]: region "RUS" is listed twice'
		]);
	});

	// The geodata build once checked troop notes with rules of its own (checkTroopNotes, deleted):
	// each of its rules is the schema's, with the field's path.
	it.each<[string, (b: ReturnType<typeof fresh>) => void, RegExp]>([
		['notes not a list', (b) => (b.troopNotes = {}), /^troopNotes: /],
		['an empty id', (b) => (b.troopNotes[1].id = ''), /^troopNotes\[1\]\.id: /],
		['a repeated id', (b) => (b.troopNotes[2].id = b.troopNotes[1].id), /^troopNotes\[2\]\.id: /],
		['forces not a string', (b) => (b.troopNotes[1].forces = 3), /^troopNotes\[1\]\.forces: /],
		[
			'concerns not codes',
			(b) => (b.troopNotes[1].concerns = [1]),
			/^troopNotes\[1\]\.concerns\[0\]: /
		],
		[
			'approximate not a boolean',
			(b) => (b.troopNotes[1].approximate = 'yes'),
			/^troopNotes\[1\]\.approximate: /
		],
		[
			'an unknown provenance',
			(b) => (b.troopNotes[1].provenance.kind = 'rumour'),
			/^troopNotes\[1\]\.provenance\.kind: /
		],
		[
			'an article provenance without paragraphs',
			(b) => (b.troopNotes[0].provenance.paragraphs = []),
			/^troopNotes\[0\]\.provenance\.paragraphs: /
		],
		[
			'a source without publisher or title',
			(b) => delete b.troopNotes[1].provenance.title,
			/^troopNotes\[1\]\.provenance\.title: /
		],
		[
			'an unknown derivation',
			(b) => (b.troopNotes[0].geometry.derive = 'buffer'),
			/^troopNotes\[0\]\.geometry/
		],
		[
			'a border of one country',
			(b) => (b.troopNotes[0].geometry.along = ['RUS']),
			/^troopNotes\[0\]\.geometry\.along/
		],
		[
			'a zone inside nothing',
			(b) => (b.troopNotes[0].geometry.inside = []),
			/^troopNotes\[0\]\.geometry\.inside: /
		],
		[
			'a width of none',
			(b) => (b.troopNotes[0].geometry.widthKm = -5),
			/^troopNotes\[0\]\.geometry\.widthKm: /
		],
		[
			'a position off the globe',
			(b) => (b.troopNotes[1].geometry.coordinates[0] = [200, 0]),
			/^troopNotes\[1\]\.geometry\.coordinates\[0\]\[0\]: /
		],
		[
			'names not one per point',
			(b) => b.troopNotes[1].geometry.names.pop(),
			/^troopNotes\[1\]\.geometry\.names: /
		]
	])('what the build’s own check refused: %s', (_, mutate, path) => {
		const errors = errorsOf(mutate);
		expect(
			errors.some((e) => path.test(e)),
			errors.join('\n')
		).toBe(true);
	});

	it('a point off the globe, reported from the geometry that fits best', () => {
		const at = fresh().troopNotes.findIndex((n: { id: string }) => n.id === 'mli-timbuktu');
		expect(errorsOf((b) => (b.troopNotes[at].geometry.coordinates = [-3, 96]))).toEqual([
			`troopNotes[${at}].geometry.coordinates[1]: latitude must be within -90..90`
		]);
	});

	it('a point with no precision, or a precision that does not say where it is marked', () => {
		const b0 = fresh();
		const at = b0.troopNotes.findIndex((n: { id: string }) => n.id === 'mli-timbuktu');
		const multi = b0.troopNotes.findIndex((n: { id: string }) => n.id === 'ru-maxar-february');
		expect(errorsOf((b) => delete b.troopNotes[at].geometry.precision)).toEqual([
			`troopNotes[${at}].geometry.precision: required (object)`
		]);
		expect(errorsOf((b) => (b.troopNotes[at].geometry.precision = { level: 'exact' }))).toEqual([
			`troopNotes[${at}].geometry.precision.level: must be "site" (a named site), "town" (marked at a town near it) or "region" (only the region is known)`
		]);
		expect(errorsOf((b) => (b.troopNotes[at].geometry.precision = { level: 'town' }))).toEqual([
			`troopNotes[${at}].geometry.precision.at: required when the level is "town" or "region": the town or region where the point is marked`
		]);
		expect(
			errorsOf((b) => (b.troopNotes[at].geometry.precision = { level: 'site', at: 'x'.repeat(81) }))
		).toEqual([`troopNotes[${at}].geometry.precision.at: keep it under 80 characters`]);
		expect(errorsOf((b) => b.troopNotes[multi].geometry.precision.pop())).toEqual([
			`troopNotes[${multi}].geometry.precision: 2 precisions for 3 positions`
		]);
		expect(
			errorsOf((b) => (b.troopNotes[multi].geometry.precision[1] = { level: 'region' }))
		).toEqual([
			`troopNotes[${multi}].geometry.precision[1].at: required when the level is "town" or "region": the town or region where the point is marked`
		]);
	});

	it('duplicate countries, unlisted related countries and notes about unlisted countries', () => {
		expect(errorsOf((b) => b.countries.push({ iso3: 'FRA', roles: [] }))).toEqual([
			'countries[9].iso3: country "FRA" is listed twice'
		]);
		expect(errorsOf((b) => b.countries[0].related.push('DEU'))).toEqual([
			'countries[0].related[7]: "DEU" is not listed in countries'
		]);
		expect(errorsOf((b) => b.countries[0].related.push('FRA'))).toEqual([
			'countries[0].related[7]: a country cannot be related to itself'
		]);
		expect(errorsOf((b) => b.troopNotes[0].concerns.push('POL'))).toEqual([
			'troopNotes[0].concerns[2]: "POL" is not listed in countries'
		]);
	});

	it('roles that look alike, or swatches and patterns outside the palette', () => {
		expect(
			errorsOf((b) => {
				b.roles[1].swatch = 'blue';
				b.roles[1].pattern = 'dots';
			})
		).toEqual(['roles[1]: role "buildup" looks the same as role "mediator" (blue, dots)']);
		expect(errorsOf((b) => (b.roles[0].swatch = 'red'))[0]).toMatch(/^roles\[0\]\.swatch: /);
		expect(errorsOf((b) => (b.roles[0].pattern = 'zigzag'))[0]).toMatch(/^roles\[0\]\.pattern: /);
	});

	it('terms that would make a mention ambiguous, or remove nothing', () => {
		expect(errorsOf((b) => b.countries[0].terms.add.push('Moscow'))).toEqual([
			'countries[0].terms.add[4]: "Moscow" already names RUS'
		]);
		expect(errorsOf((b) => b.countries[6].terms.add.push('Putin'))).toEqual([
			'countries[6].terms.add[2]: "Putin" already names RUS'
		]);
		expect(errorsOf((b) => b.countries[0].terms.remove.push('Gaul'))).toEqual([
			'countries[0].terms.remove[0]: "Gaul" is not a built-in name of FRA, so there is nothing to remove'
		]);
	});

	it('bad dates', () => {
		expect(errorsOf((b) => (b.asOf = '2022-02-30'))).toEqual([
			'asOf: must be a date written YYYY-MM-DD'
		]);
		expect(
			errorsOf((b) => (b.troopNotes[1].observed = { from: '2022-01', to: '2021-12-31' }))
		).toEqual(['troopNotes[1].observed.to: ends (2021-12-31) before it starts (2022-01)']);
	});

	it('a provenance of an unknown kind', () => {
		expect(errorsOf((b) => (b.troopNotes[0].provenance.kind = 'rumour'))[0]).toMatch(
			/^troopNotes\[0\]\.provenance\.kind: /
		);
	});

	it('something that is not a briefing at all', () => {
		const result = validateBriefing(null, paragraphs);
		expect(result).toEqual({
			ok: false,
			errors: ['(root): Invalid input: expected object, received null']
		});
		expect(validateBriefing(fresh(), [])).toEqual({
			ok: false,
			errors: ['article: the article has no paragraphs']
		});
	});
});

describe('parseServedBriefing', () => {
	const served = () => servedRaw();

	it('returns the briefing with its paragraphs, and defaults filled in', () => {
		const raw = served();
		delete raw.countries[8].terms;
		const result = parseServedBriefing(raw);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.briefing.article.paragraphs).toEqual(paragraphs);
		expect(result.briefing.countries[8]!.terms).toEqual({ add: [], remove: [] });
	});

	it('checks paragraph numbers against the inlined paragraphs', () => {
		const raw = served();
		raw.article.paragraphs = raw.article.paragraphs.slice(0, 5);
		const result = parseServedBriefing(raw);
		expect(result.ok).toBe(false);
		expect(result.ok ? [] : result.errors).toContain(
			'troopNotes[6].provenance.paragraphs[0]: paragraph 8 is outside 1..5 (the article has 5)'
		);
	});

	it('the inputs of a derived feature: a great-circle arc’s ends, a place’s terms', () => {
		const raw = served();
		const overlay = (id: string) =>
			raw.overlays.findIndex((o: { id: string }) => o.id === id) as number;
		const [r, p] = [overlay('route'), overlay('places')];
		const leg = raw.overlays[r].features.features[0].properties;
		leg.greatCircle.npoints = 1;
		leg.greatCircle.to = [37.618];
		raw.overlays[p].features.features[0].properties.terms = [];
		const result = parseServedBriefing(raw);
		expect(result.ok ? [] : result.errors).toEqual([
			`overlays[${r}].features.features[0].properties.greatCircle.to: Too small: expected array to have >=2 items`,
			`overlays[${r}].features.features[0].properties.greatCircle.npoints: needs at least 2 points`,
			`overlays[${p}].features.features[0].properties.terms: give at least one term`
		]);
	});

	it('needs 1..200 non-blank paragraphs', () => {
		const none = served();
		none.article.paragraphs = [];
		expect(parseServedBriefing(none)).toEqual({
			ok: false,
			errors: ['article.paragraphs: the article needs at least one paragraph']
		});
		const blank = served();
		blank.article.paragraphs[3] = '  ';
		expect(parseServedBriefing(blank)).toEqual({
			ok: false,
			errors: ['article.paragraphs[3]: must not be blank']
		});
		const many = served();
		many.article.paragraphs = Array.from({ length: 201 }, (_, i) => `Paragraph ${i + 1}.`);
		expect(parseServedBriefing(many)).toEqual({
			ok: false,
			errors: ['article.paragraphs: too many: 201 paragraphs, the limit is 200 (paragraphs)']
		});
	});

	it('never throws on garbage', () => {
		for (const raw of [undefined, 42, 'x', [], { id: 'x' }]) {
			const result = parseServedBriefing(raw);
			expect(result.ok).toBe(false);
		}
	});
});

describe('formatPath', () => {
	it('writes indices in brackets and keys with dots', () => {
		expect(formatPath(['countries', 2, 'roles', 0, 'role'])).toBe('countries[2].roles[0].role');
		expect(formatPath([])).toBe('(root)');
		expect(formatPath([3, 'a'])).toBe('[3].a');
	});
});
