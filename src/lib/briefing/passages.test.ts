import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { mentionFinder } from './gazetteer';
import {
	countryIndex,
	formatDate,
	formatObserved,
	formatProvenance,
	isAfterArticle,
	MARKS_PER_PASSAGE,
	passagesFor,
	prepareCountryIndex,
	type IdleDeadline,
	type Passage
} from './passages';
import { parseServedBriefing, type ServedBriefing } from './schema';
import { servedRaw } from './test-briefing';
import { splitParagraphs } from './text.js';

// The finder is counted, to tell when an article is read: it is compiled once per reading.
vi.mock('./gazetteer', async (importOriginal) => {
	const actual = await importOriginal<typeof import('./gazetteer')>();
	return { ...actual, mentionFinder: vi.fn(actual.mentionFinder) };
});
const readings = () => vi.mocked(mentionFinder).mock.calls.length;

const read = (path: string) =>
	readFileSync(fileURLToPath(new URL(`../../content/feb-2022/${path}`, import.meta.url)), 'utf8');

function servedFrom(raw: unknown, paragraphs: string[]): ServedBriefing {
	const b = servedRaw(raw);
	const result = parseServedBriefing({ ...b, article: { ...b.article, paragraphs } });
	if (!result.ok) throw new Error(result.errors.join('\n'));
	return result.briefing;
}

const paragraphs = splitParagraphs(read('article.txt'));
const briefing = servedFrom(JSON.parse(read('briefing.json')), paragraphs);

const numbers = (ps: Passage[]) => ps.map((p) => p.paragraph);
const marked = (p: Passage | undefined) => p?.segments.filter((s) => s.mark).map((s) => s.text);

describe('passages of the embedded article (pinned after reading it)', () => {
	// Paragraph 4 is the only one without France: no Macron, no French, no Paris.
	it('France: every paragraph but 4', () => {
		expect(numbers(passagesFor(briefing, 'FRA'))).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
	});

	// Paragraph 1 names only Kyiv, and 12 only the French government.
	it('Russia: paragraphs 2 to 11', () => {
		expect(numbers(passagesFor(briefing, 'RUS'))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
	});

	it('Ukraine: paragraphs 1, 2, 3, 4 and 11 (Kyiv, Ukraine, Ukrainian)', () => {
		expect(numbers(passagesFor(briefing, 'UKR'))).toEqual([1, 2, 3, 4, 11]);
	});

	it('Mali: paragraph 8 only', () => {
		expect(numbers(passagesFor(briefing, 'MLI'))).toEqual([8]);
	});

	it('Hungary and Slovenia: paragraph 5 only', () => {
		expect(numbers(passagesFor(briefing, 'HUN'))).toEqual([5]);
		expect(numbers(passagesFor(briefing, 'SVN'))).toEqual([5]);
	});

	it('United Kingdom: 10; United States: 4 and 10; Belarus: none', () => {
		expect(numbers(passagesFor(briefing, 'GBR'))).toEqual([10]);
		expect(numbers(passagesFor(briefing, 'USA'))).toEqual([4, 10]);
		expect(passagesFor(briefing, 'BLR')).toEqual([]);
		expect(passagesFor(briefing, 'DEU')).toEqual([]);
	});

	it('marks only the words naming the selected country', () => {
		const para2 = (iso3: string) => passagesFor(briefing, iso3).find((p) => p.paragraph === 2);
		expect(marked(para2('FRA'))).toEqual(['French', 'Emmanuel Macron']);
		expect(marked(para2('RUS'))).toEqual(['Moscow', 'Russian', 'Vladimir Putin']);
		expect(marked(para2('UKR'))).toEqual(['Ukraine']);

		const para7 = passagesFor(briefing, 'RUS').find((p) => p.paragraph === 7);
		expect(marked(para7)).toEqual(['Putin', 'Russia', 'Putin']);
		const para8 = passagesFor(briefing, 'FRA').find((p) => p.paragraph === 8);
		expect(marked(para8)).toEqual(['Macron', 'France', 'French']);
		const para10 = (iso3: string) => passagesFor(briefing, iso3).find((p) => p.paragraph === 10);
		expect(marked(para10('GBR'))).toEqual(['British', 'Boris Johnson']);
		expect(marked(para10('USA'))).toEqual(['U.S.', 'Joe Biden']);
	});

	it('builds segments that concatenate back to the paragraph exactly', () => {
		for (const iso3 of ['FRA', 'RUS', 'UKR', 'MLI', 'HUN', 'SVN', 'GBR', 'USA']) {
			for (const p of passagesFor(briefing, iso3)) {
				expect(p.text).toBe(paragraphs[p.paragraph - 1]);
				expect(p.segments.map((s) => s.text).join('')).toBe(p.text);
				expect(p.segments.every((s) => s.text.length > 0)).toBe(true);
				expect(p.segments.some((s) => s.mark)).toBe(true);
			}
		}
	});
});

describe('a pathological paragraph', () => {
	// 700 mentions of Russia in one paragraph: within the schema's limits, but no reader needs
	// them all highlighted, and each one is an element the panel has to build.
	const text = Array.from({ length: 700 }, () => 'Russia').join(' ') + '.';
	const heavy = servedFrom(JSON.parse(read('briefing.json')), [...paragraphs, text]);

	it('has at most MARKS_PER_PASSAGE marks; the rest stays plain text, and is counted', () => {
		const p = passagesFor(heavy, 'RUS').find((x) => x.paragraph === 13)!;
		expect(p.segments.filter((s) => s.mark)).toHaveLength(MARKS_PER_PASSAGE);
		expect(p.unmarked).toBe(700 - MARKS_PER_PASSAGE);
		expect(p.segments.map((s) => s.text).join('')).toBe(text);
		// The unmarked rest is one segment, not one per mention.
		expect(p.segments.length).toBeLessThanOrEqual(2 * MARKS_PER_PASSAGE + 1);
	});

	it('leaves the embedded article’s passages whole', () => {
		for (const p of passagesFor(briefing, 'RUS')) expect(p.unmarked).toBe(0);
	});
});

describe('passages.add and passages.remove', () => {
	const edited = (passages: { add: number[]; remove: number[] }) => {
		const raw = JSON.parse(read('briefing.json'));
		const bel = raw.countries.find((c: { iso3: string }) => c.iso3 === 'BLR');
		bel.passages = passages;
		const mli = raw.countries.find((c: { iso3: string }) => c.iso3 === 'MLI');
		mli.passages = { add: [9], remove: [8] };
		return servedFrom(raw, paragraphs);
	};

	it('adds a paragraph by hand, with nothing marked, and removes one the gazetteer found', () => {
		const b = edited({ add: [9, 2], remove: [] });
		const bel = passagesFor(b, 'BLR');
		expect(numbers(bel)).toEqual([2, 9]);
		expect(bel[0]!.segments).toEqual([{ text: paragraphs[1], mark: false }]);
		expect(numbers(passagesFor(b, 'MLI'))).toEqual([9]);
	});
});

describe('countryIndex', () => {
	const index = countryIndex(briefing);

	it('lists the briefing’s countries in its order', () => {
		expect([...index.keys()]).toEqual([
			'FRA',
			'RUS',
			'UKR',
			'MLI',
			'HUN',
			'SVN',
			'GBR',
			'USA',
			'BLR'
		]);
	});

	it('resolves the primary role and the others', () => {
		const fra = index.get('FRA')!;
		expect(fra.primaryRole?.role.id).toBe('mediator');
		expect(fra.otherRoles.map((r) => r.role.id)).toEqual(['election']);
		expect(index.get('RUS')!.primaryRole?.role.label).toBe('Military build-up and pressure');
		expect(index.get('MLI')!.primaryRole?.role.id).toBe('sphere');
		expect(index.get('HUN')!.primaryRole?.role.id).toBe('election');
		expect(index.get('SVN')!.primaryRole?.role.id).toBe('election');
		expect(index.get('GBR')!.primaryRole?.role.id).toBe('context');
		expect(index.get('USA')!.primaryRole?.role.id).toBe('context');
	});

	it('gives Belarus no role and no passage, but its troop notes', () => {
		const blr = index.get('BLR')!;
		expect(blr.primaryRole).toBeUndefined();
		expect(blr.passages).toEqual([]);
		expect(blr.troopNotes.map((n) => n.id)).toEqual(['blr-union-resolve', 'blr-maxar-february']);
	});

	it('attaches the notes whose concerns include the country', () => {
		expect(index.get('MLI')!.troopNotes.map((n) => n.id)).toEqual([
			'mli-mercenaries',
			'mli-wagner-bamako',
			'mli-timbuktu'
		]);
		expect(index.get('UKR')!.troopNotes.map((n) => n.id)).toContain('ru-buildup');
		expect(index.get('HUN')!.troopNotes).toEqual([]);
	});

	it('also lists a country the article names but the briefing does not', () => {
		const raw = JSON.parse(read('briefing.json'));
		const b = servedFrom(raw, [...paragraphs, 'Poland watched.']);
		const idx = countryIndex(b);
		expect(idx.get('POL')).toMatchObject({ entry: undefined, primaryRole: undefined });
		expect(numbers(idx.get('POL')!.passages)).toEqual([13]);
	});

	it('leaves no country the article names out of the embedded briefing', () => {
		for (const dossier of index.values()) expect(dossier.entry, dossier.iso3).toBeDefined();
	});
});

describe('the country index, built once per briefing', () => {
	// A fresh parse of the embedded briefing: a briefing no test has read yet.
	const fresh = () => servedFrom(JSON.parse(read('briefing.json')), paragraphs);
	/** Everything a panel shows of each country, to compare two indexes by. */
	const contents = (index: ReturnType<typeof countryIndex>) =>
		[...index.values()].map((d) => ({
			iso3: d.iso3,
			entry: d.entry,
			passages: d.passages,
			notes: d.troopNotes.map((n) => n.id),
			roles: [d.primaryRole, ...d.otherRoles].map((r) => r?.role.id)
		}));

	/** A stand-in for requestIdleCallback: steps run when the test says, `slice` items each. */
	function idleQueue(slice: number) {
		const queue: ((deadline: IdleDeadline) => void)[] = [];
		const schedule = (step: (deadline: IdleDeadline) => void) => {
			queue.push(step);
			return () => queue.splice(queue.indexOf(step), 1);
		};
		const runOne = () => {
			let left = slice;
			queue.shift()?.({ timeRemaining: () => (left-- > 0 ? 5 : 0) });
		};
		return { queue, schedule, runOne };
	}

	it('reads the article once, however many panels open', () => {
		const b = fresh();
		const before = readings();
		const index = countryIndex(b);
		expect(countryIndex(b)).toBe(index);
		for (const iso3 of index.keys()) passagesFor(b, iso3);
		expect(readings() - before).toBe(1);
	});

	it('reads another briefing afresh', () => {
		const b = fresh();
		const other = fresh();
		other.countries[0]!.terms.add = [];
		const before = readings();
		const index = countryIndex(b);
		const otherIndex = countryIndex(other);
		expect(otherIndex).not.toBe(index);
		expect(readings() - before).toBe(2);
		// Macron is France's term in the first only.
		const marks = (i: typeof index) => i.get('FRA')!.passages.flatMap((p) => marked(p) ?? []);
		expect(marks(index)).toContain('Macron');
		expect(marks(otherIndex)).not.toContain('Macron');
	});

	it('is built in idle time a slice at a time, to the same index', () => {
		const b = fresh();
		const idle = idleQueue(3);
		const before = readings();
		prepareCountryIndex(b, idle.schedule);
		let steps = 0;
		while (idle.queue.length > 0) {
			idle.runOne();
			steps++;
		}
		// 12 paragraphs, three at a time (the pattern with the first three).
		expect(steps).toBeGreaterThanOrEqual(4);
		expect(readings() - before).toBe(1);
		const index = countryIndex(b);
		expect(readings() - before).toBe(1);
		expect(contents(index)).toEqual(contents(countryIndex(fresh())));
	});

	it('a panel opened before it is done finishes the rest, and the idle steps then stop', () => {
		const b = fresh();
		const idle = idleQueue(2);
		const before = readings();
		prepareCountryIndex(b, idle.schedule);
		idle.runOne();
		idle.runOne();
		const index = countryIndex(b);
		expect(contents(index)).toEqual(contents(countryIndex(fresh())));
		while (idle.queue.length > 0) idle.runOne();
		expect(countryIndex(b)).toBe(index);
		// This briefing's reading and the fresh one's.
		expect(readings() - before).toBe(2);
	});

	it('is built on a page that is never idle too, a paragraph per timed-out callback', () => {
		const b = fresh();
		const idle = idleQueue(0);
		prepareCountryIndex(b, idle.schedule);
		let steps = 0;
		while (idle.queue.length > 0 && steps < 100) {
			idle.runOne();
			steps++;
		}
		expect(idle.queue).toHaveLength(0);
		const before = readings();
		expect(contents(countryIndex(b))).toEqual(contents(countryIndex(fresh())));
		// Only the fresh briefing was read here: this one's index was ready.
		expect(readings() - before).toBe(1);
	});

	it('stops when cancelled', () => {
		const b = fresh();
		const idle = idleQueue(1);
		const stop = prepareCountryIndex(b, idle.schedule);
		idle.runOne();
		expect(idle.queue).toHaveLength(1);
		stop();
		expect(idle.queue).toHaveLength(0);
	});
});

describe('formatting provenance and dates', () => {
	it('cites the article by paragraph', () => {
		expect(formatProvenance({ kind: 'article', paragraphs: [4] })).toBe('Article, para. 4');
		expect(formatProvenance({ kind: 'article', paragraphs: [3, 1] })).toBe('Article, paras. 1, 3');
	});

	it('cites a source by publisher, title and date', () => {
		expect(
			formatProvenance({
				kind: 'source',
				publisher: 'CSIS',
				title: 'Tracking the Arrival of Russia’s Wagner Group in Mali',
				url: 'https://www.csis.org/analysis/tracking-arrival-russias-wagner-group-mali',
				date: '2022-02-02'
			})
		).toBe(
			'Source: CSIS, “Tracking the Arrival of Russia’s Wagner Group in Mali”, 2 February 2022'
		);
		expect(formatProvenance({ kind: 'source', publisher: 'X', title: 'Y' })).toBe(
			'Source: X, “Y” (date of publication not recorded)'
		);
	});

	it('writes dates the same way on every machine', () => {
		expect(formatDate('2022-01-06')).toBe('6 January 2022');
		expect(formatDate('2021-12')).toBe('December 2021');
		expect(formatDate('2022')).toBe('2022');
		expect(formatObserved({ from: '2022-02-10', to: '2022-02-20' })).toBe(
			'10 February 2022 to 20 February 2022'
		);
		expect(formatObserved({ from: '2022-02-10' })).toBe('10 February 2022');
	});

	it('tells which reports came after the article', () => {
		const after = briefing.troopNotes
			.filter((n) => isAfterArticle(n, briefing.asOf))
			.map((n) => n.id);
		expect(after).toEqual([
			'ru-maxar-february',
			'ru-maxar-belgorod',
			'blr-union-resolve',
			'blr-maxar-february'
		]);
	});
});

describe('a briefing in French', () => {
	// The same briefing, its language French and its article in French (two paragraphs that name
	// Russia, ten that name nothing): the French table finds "Russie", "Moscou" and "russes",
	// which the English one does not know.
	const french = (language: string) =>
		servedFrom({ ...JSON.parse(read('briefing.json')), language }, [
			'Emmanuel Macron se rend à Moscou, puis à Kiev.',
			'La Russie a massé des troupes ; les forces russes restent à la frontière.',
			...Array.from({ length: 10 }, () => 'Rien de plus.')
		]);

	it('finds its passages with the French names', () => {
		const fr = french('fr');
		expect(numbers(passagesFor(fr, 'RUS'))).toEqual([1, 2]);
		expect(marked(passagesFor(fr, 'RUS')[0])).toEqual(['Moscou']);
		expect(marked(passagesFor(fr, 'RUS')[1])).toEqual(['Russie', 'russes']);
	});

	it('is read with the English names when it says it is English', () => {
		expect(numbers(passagesFor(french('en'), 'RUS'))).toEqual([]);
	});
});
