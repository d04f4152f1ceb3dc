// Content with limits (issue 9): a briefing file has limits that a real briefing never reaches and
// a hostile one cannot pass, each error naming the field and the limit; codes the basemap does not
// know are errors; and every problem the schema can find is reported in one pass.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_ERRORS, parseServedBriefing } from './schema';
import { errorsOf, fresh, paragraphs, servedRaw } from './test-briefing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const served = (): any => servedRaw();

function servedErrorsOf(mutate: (b: ReturnType<typeof served>) => void): string[] {
	const b = served();
	mutate(b);
	const result = parseServedBriefing(b);
	if (result.ok) throw new Error('expected the broken briefing to be rejected');
	return result.errors;
}

const n = (x: number) => x.toLocaleString('en-GB');

describe('limits', () => {
	it('are one constant, with room to spare over the embedded briefing', () => {
		const b = fresh();
		const longest = (xs: string[]) => Math.max(...xs.map((s) => s.length));
		// Each real size is at most a quarter of its limit.
		const real: [keyof typeof LIMITS, number][] = [
			['paragraphs', paragraphs.length],
			['paragraphChars', longest(paragraphs)],
			['articleChars', paragraphs.join('').length],
			['roles', b.roles.length],
			['countries', b.countries.length],
			['troopNotes', b.troopNotes.length],
			['scenes', b.scenes.length],
			['relatedPerCountry', Math.max(...b.countries.map((c: { related: [] }) => c.related.length))],
			['termChars', longest(b.countries.flatMap((c: { terms: { add: [] } }) => c.terms.add))],
			['textChars', longest(b.troopNotes.map((t: { text: string }) => t.text))],
			['notesChars', longest(b.scenes.map((s: { notes: string }) => s.notes))],
			['nameChars', longest(b.troopNotes.map((t: { forces: string }) => t.forces))]
		];
		for (const [key, size] of real) {
			expect(size, key).toBeLessThanOrEqual(LIMITS[key] / 4);
		}
	});

	it('are listed in the README with their values', () => {
		const readme = readFileSync(
			fileURLToPath(new URL('../../../README.md', import.meta.url)),
			'utf8'
		);
		for (const [key, value] of Object.entries(LIMITS)) {
			expect(readme, key).toMatch(new RegExp(`\\| \`${key}\`\\s+\\| ${n(value)}\\s+\\|`));
		}
		expect(readme).toContain(`at most ${MAX_ERRORS} errors are listed`);
	});

	it('a 10 MB paragraph is refused, naming the paragraph and the limit', () => {
		const errors = servedErrorsOf((b) => (b.article.paragraphs[3] = 'Russia '.repeat(1_500_000)));
		expect(errors).toContain(
			`article.paragraphs[3]: too long: ${n(10_500_000)} characters, the limit is ${n(LIMITS.paragraphChars)} (paragraphChars)`
		);
	});

	it('too many paragraphs, or an article too long in all', () => {
		expect(
			servedErrorsOf((b) => {
				b.article.paragraphs = Array.from({ length: 201 }, (_, i) => `Paragraph ${i + 1}.`);
			})
		).toEqual([
			`article.paragraphs: too many: 201 paragraphs, the limit is ${LIMITS.paragraphs} (paragraphs)`
		]);
		const paragraph = 'Russia. '.repeat(LIMITS.paragraphChars / 8);
		const count = Math.ceil(LIMITS.articleChars / paragraph.length) + 1;
		expect(
			servedErrorsOf((b) => {
				b.article.paragraphs = Array.from({ length: count }, () => paragraph);
			})
		).toEqual([
			`article.paragraphs: too long in all: ${n(count * paragraph.length)} characters, the limit is ${n(LIMITS.articleChars)} (articleChars)`
		]);
	});

	it('too many countries, roles, troop notes, scenes', () => {
		const many = errorsOf((b) => {
			b.countries = Array.from({ length: LIMITS.countries + 1 }, () => b.countries[0]);
			b.troopNotes = Array.from({ length: LIMITS.troopNotes + 1 }, () => b.troopNotes[0]);
			b.scenes = Array.from({ length: LIMITS.scenes + 1 }, () => b.scenes[0]);
			b.roles = Array.from({ length: LIMITS.roles + 1 }, () => b.roles[0]);
		});
		expect(many.slice(0, 4)).toEqual([
			`roles: too many: ${LIMITS.roles + 1} roles, the limit is ${LIMITS.roles} (roles)`,
			`countries: too many: ${n(LIMITS.countries + 1)} countries, the limit is ${n(LIMITS.countries)} (countries)`,
			`troopNotes: too many: ${n(LIMITS.troopNotes + 1)} troop notes, the limit is ${n(LIMITS.troopNotes)} (troopNotes)`,
			`scenes: too many: ${LIMITS.scenes + 1} scenes, the limit is ${LIMITS.scenes} (scenes)`
		]);
	});

	it('strings and lists inside an entry', () => {
		const long = (k: number) => 'x'.repeat(k);
		expect(errorsOf((b) => (b.roles[0].description = long(LIMITS.textChars + 1)))).toEqual([
			`roles[0].description: too long: ${n(LIMITS.textChars + 1)} characters, the limit is ${n(LIMITS.textChars)} (textChars)`
		]);
		expect(errorsOf((b) => (b.troopNotes[0].forces = long(LIMITS.nameChars + 1)))).toEqual([
			`troopNotes[0].forces: too long: ${n(LIMITS.nameChars + 1)} characters, the limit is ${n(LIMITS.nameChars)} (nameChars)`
		]);
		expect(errorsOf((b) => (b.scenes[0].notes = long(LIMITS.notesChars + 1)))).toEqual([
			`scenes[0].notes: too long: ${n(LIMITS.notesChars + 1)} characters, the limit is ${n(LIMITS.notesChars)} (notesChars)`
		]);
		expect(errorsOf((b) => (b.countries[0].terms.add[0] = long(LIMITS.termChars + 1)))).toEqual([
			`countries[0].terms.add[0]: too long: ${LIMITS.termChars + 1} characters, the limit is ${LIMITS.termChars} (termChars)`
		]);
		expect(errorsOf((b) => (b.troopNotes[0].id = long(LIMITS.idChars + 1)))).toEqual([
			`troopNotes[0].id: too long: ${LIMITS.idChars + 1} characters, the limit is ${LIMITS.idChars} (idChars)`
		]);
		expect(
			errorsOf(
				(b) => (b.troopNotes[1].provenance.url = `https://example.com/${long(LIMITS.urlChars)}`)
			)
		).toEqual([
			`troopNotes[1].provenance.url: too long: ${n(LIMITS.urlChars + 20)} characters, the limit is ${n(LIMITS.urlChars)} (urlChars)`
		]);
		expect(
			errorsOf((b) => {
				b.countries[0].terms.add = Array.from({ length: LIMITS.termsPerCountry + 1 }, (_, i) =>
					`Term${i}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)
				);
			})
		).toEqual([
			`countries[0].terms.add: too many: ${LIMITS.termsPerCountry + 1} terms, the limit is ${LIMITS.termsPerCountry} (termsPerCountry)`
		]);
	});

	it('a field name of a megabyte is quoted short', () => {
		const errors = errorsOf((b) => (b.countries[0]['k'.repeat(1_000_000)] = 1));
		expect(errors).toEqual([
			`countries[0].${'k'.repeat(60)}… (1,000,000 characters): unknown field`
		]);
	});

	it('a name shorter than nameChars where it is shown says so, once', () => {
		expect(errorsOf((b) => (b.scenes[0].title = 'x'.repeat(LIMITS.nameChars + 1)))).toEqual([
			'scenes[0].title: keep it under 100 characters: it is shown large'
		]);
	});

	it('values nested deeper than the format ever goes', () => {
		let deep: unknown = 'x';
		for (let i = 0; i < 50_000; i++) deep = [deep];
		const errors = errorsOf((b) => (b.title = deep));
		expect(errors).toEqual([
			`title${'[0]'.repeat(LIMITS.depth - 1)}: nested too deep: the limit is ${LIMITS.depth} levels (depth)`
		]);
	});

	it('a file of millions of values is refused before it is read field by field', () => {
		const values = Array.from({ length: 3_000_000 }, () => 0);
		const started = performance.now();
		const errors = errorsOf((b) => (b.troopNotes[0].concerns = values));
		expect(errors).toEqual([
			`troopNotes[0].concerns: too many values in the file: more than ${n(LIMITS.values)}, the limit is ${n(LIMITS.values)} (values)`
		]);
		// Not a benchmark: a bound far above the few milliseconds it takes, to catch a full parse.
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe('country codes the basemap does not know', () => {
	it('are errors that name the code, wherever a country is named', () => {
		expect(errorsOf((b) => (b.countries[1].iso3 = 'XYZ'))).toEqual([
			'countries[1].iso3: "XYZ" is not a country of the basemap (its codes are in geodata/names.json)'
		]);
		expect(errorsOf((b) => b.countries[0].related.push('QQQ'))).toEqual([
			'countries[0].related[7]: "QQQ" is not a country of the basemap (its codes are in geodata/names.json)'
		]);
		expect(errorsOf((b) => b.troopNotes[0].concerns.push('ZZZ'))).toEqual([
			'troopNotes[0].concerns[2]: "ZZZ" is not a country of the basemap (its codes are in geodata/names.json)'
		]);
	});

	it('a scene camera that fits an unknown country', () => {
		expect(errorsOf((b) => (b.scenes[0].camera = { fit: ['QQQ'] }))).toEqual([
			'scenes[0].camera.fit[0]: "QQQ" is not a country of the basemap (its codes are in geodata/names.json)'
		]);
	});

	it('500 made-up codes are too many countries; as many as the limit allows are an error each, listed up to a cap', () => {
		const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
		// Q, X and Z begin no ISO 3166-1 code but Qatar's, and QA* is skipped below.
		const made = (k: number) =>
			Array.from(
				{ length: k },
				(_, i) => `${'XZQ'[i % 3]}${letters[(i >> 4) % 26]}${letters[i % 26]}`
			)
				.filter((code) => !code.startsWith('QA') && code !== 'ZAF')
				.slice(0, k);
		expect(
			errorsOf((b) => {
				for (const code of made(500)) b.countries.push({ iso3: code, roles: [] });
			})
		).toEqual([
			`countries: too many: ${n(9 + made(500).length)} countries, the limit is ${n(LIMITS.countries)} (countries)`
		]);

		const codes = made(LIMITS.countries - 9);
		const errors = errorsOf((b) => {
			for (const code of codes) b.countries.push({ iso3: code, roles: [] });
		});
		expect(errors).toHaveLength(MAX_ERRORS + 1);
		expect(errors.slice(0, MAX_ERRORS)).toEqual(
			codes
				.slice(0, MAX_ERRORS)
				.map(
					(code, i) =>
						`countries[${9 + i}].iso3: "${code}" is not a country of the basemap (its codes are in geodata/names.json)`
				)
		);
		expect(errors.at(-1)).toBe(`… and ${codes.length - MAX_ERRORS} more problems`);
	});

	it('the gazetteer’s countries the basemap cannot draw (micro-states) cannot be listed', () => {
		expect(errorsOf((b) => b.countries.push({ iso3: 'VAT', roles: [] }))).toEqual([
			'countries[9].iso3: "VAT" is not a country of the basemap (its codes are in geodata/names.json)'
		]);
	});
});

describe('every problem in one pass', () => {
	it('a shape error does not hide the cross-field errors of other entries', () => {
		const errors = errorsOf((b) => {
			b.scenes[2].title = 5; // shape
			b.countries[2].roles[0].role = 'mediater'; // an unknown role
			b.troopNotes[0].provenance.paragraphs = [40]; // outside the article
			b.countries[0].related.push('DEU'); // not listed
		});
		expect(errors).toEqual([
			'scenes[2].title: Invalid input: expected string, received number',
			'countries[0].related[7]: "DEU" is not listed in countries',
			'countries[2].roles[0].role: unknown role "mediater" (roles: mediator, buildup, threatened, sphere, election, context)',
			'troopNotes[0].provenance.paragraphs[0]: paragraph 40 is outside 1..12 (the article has 12)'
		]);
	});

	it('shape errors in several entries, and cross-field errors beside them', () => {
		const errors = errorsOf((b) => {
			b.countries[1].roles[0].reason = 7;
			b.troopNotes[0].provenance.paragraphs = 'four';
			b.troopNotes[1].provenance.url = 'javascript:alert(1)';
			b.scenes[0].camera = { fit: ['QQQ'] };
			b.scenes[1].countries.push('DEU');
			b.countries.push({ iso3: 'FRA', roles: [] });
		});
		expect(errors).toEqual([
			'countries[1].roles[0].reason: Invalid input: expected string, received number',
			'troopNotes[0].provenance.paragraphs: Invalid input: expected array, received string',
			'troopNotes[1].provenance.url: must be an http(s) URL',
			'scenes[0].camera.fit[0]: "QQQ" is not a country of the basemap (its codes are in geodata/names.json)',
			'countries[9].iso3: country "FRA" is listed twice',
			`scenes[1].countries[${fresh().scenes[1].countries.length}]: "DEU" is not listed in countries`
		]);
	});

	it('a malformed country code is one error, not one for every place that names the country', () => {
		expect(errorsOf((b) => (b.countries[1].iso3 = 'russia'))).toEqual([
			'countries[1].iso3: must be an ISO 3166-1 alpha-3 code, e.g. "FRA"'
		]);
		expect(errorsOf((b) => (b.roles[1].id = 'Build up'))).toEqual([
			'roles[1].id: must be lower-case words joined by hyphens, e.g. "ru-buildup"'
		]);
	});

	it('a malformed role still counts as defined, so the countries using it are not blamed', () => {
		const errors = errorsOf((b) => delete b.roles[1].description);
		expect(errors).toEqual(['roles[1].description: required (string)']);
	});

	it('a malformed country still counts as listed', () => {
		const errors = errorsOf((b) => (b.countries[1].roles[0].reason = ''));
		expect(errors).toEqual(['countries[1].roles[0].reason: must not be empty']);
	});

	it('in the served file too, with paragraphs checked against the inlined article', () => {
		const errors = servedErrorsOf((b) => {
			b.article.paragraphs[2] = '   ';
			b.countries[2].roles[0].role = 'mediater';
			b.troopNotes[0].provenance.paragraphs = [13];
		});
		expect(errors).toEqual([
			'article.paragraphs[2]: must not be blank',
			'countries[2].roles[0].role: unknown role "mediater" (roles: mediator, buildup, threatened, sphere, election, context)',
			'troopNotes[0].provenance.paragraphs[0]: paragraph 13 is outside 1..12 (the article has 12)'
		]);
	});

	it('garbage at the top still gives a clean list, never a crash', () => {
		for (const mutate of [
			(b: ReturnType<typeof fresh>) => (b.roles = 'none'),
			(b: ReturnType<typeof fresh>) => (b.countries = { FRA: {} }),
			(b: ReturnType<typeof fresh>) => (b.countries = [null, 3, 'FRA', { iso3: 7 }]),
			(b: ReturnType<typeof fresh>) => (b.scenes = [{ camera: { fit: 'FRA' } }]),
			(b: ReturnType<typeof fresh>) => (b.troopNotes = [{ concerns: ['XYZ'], geometry: 5 }])
		]) {
			const errors = errorsOf(mutate);
			expect(errors.length).toBeGreaterThan(0);
			for (const e of errors) expect(e).toMatch(/^[\w[\].()]+: /);
		}
	});
});
