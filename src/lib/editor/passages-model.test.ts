import { describe, expect, it } from 'vitest';
import { parseDocument } from '$lib/briefing/schema';
import { countryIndex } from '$lib/briefing/passages';
import { LIMITS } from '$lib/briefing/limits';
import {
	applyFound,
	describeProblem,
	draftToDocument,
	setReason,
	newDraft,
	setArticle,
	setTitle,
	type Draft
} from './draft-model';
import { findCountries } from './find-countries';
import {
	addPassage,
	addTerm,
	namesOf,
	passagesOf,
	removePassage,
	removeTerm,
	setNameCounted,
	termEditsOf,
	termsAdded,
	type EditResult
} from './passages-model';

// A short article of our own: paragraph 2 concerns Pakistan without naming it (only its prime
// minister's surname), and paragraph 3 names Georgia, the American state, not the country.
const ARTICLE = [
	'Floods in Pakistan have displaced thousands of families this week, officials in Islamabad said.',
	'Sharif asked donors for help on Tuesday and promised that aid would reach the villages.',
	'A charity based in Georgia, in the United States, sent tents and water filters.',
	'By Friday Sharif had visited the worst-hit districts by helicopter.'
].join('\n\n');

const names: Record<string, string> = { PAK: 'Pakistan', GEO: 'Georgia', USA: 'United States' };
const nameOf = (iso3: string) => names[iso3] ?? iso3;

function found(): Draft {
	const d = setArticle(setTitle(newDraft('2024-09-01'), 'Floods'), ARTICLE);
	return applyFound(d, findCountries(d.document.article.paragraphs, { language: 'en' }));
}

const ok = (r: EditResult): Draft => {
	if (!r.ok) throw new Error(`expected a change, got: ${r.error}`);
	return r.draft;
};
const error = (r: EditResult): string => {
	if (r.ok) throw new Error('expected a refusal');
	return r.error;
};
const paras = (d: Draft, iso3: string) => passagesOf(d, iso3).map((p) => p.paragraph);
const entry = (d: Draft, iso3: string) => d.document.countries.find((c) => c.iso3 === iso3)!;

describe('the passages of a country in the draft', () => {
	it('are the paragraphs the gazetteer finds, as the panel shows them', () => {
		const d = found();
		expect(paras(d, 'PAK')).toEqual([1]);
		expect(paras(d, 'GEO')).toEqual([3]);
		const [p] = passagesOf(d, 'PAK');
		expect(p!.segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['Pakistan', 'Islamabad']);
		expect(p!.segments.map((s) => s.text).join('')).toBe(p!.text);
	});

	it('agree with the served briefing once exported (the same matcher)', () => {
		let d = found();
		d = ok(addTerm(d, 'PAK', 'Sharif', nameOf));
		d = ok(removePassage(d, 'GEO', 3, nameOf));
		d = ok(addPassage(d, 'USA', 2, nameOf));
		const doc = draftToDocument(d);
		for (const c of doc.countries) c.roles[0]!.reason = 'In the story.';
		const read = parseDocument(doc);
		if (!read.ok) throw new Error(read.errors.join('\n'));
		const index = countryIndex(read.briefing);
		for (const iso3 of ['PAK', 'GEO', 'USA']) {
			expect(index.get(iso3)!.passages.map((p) => p.paragraph)).toEqual(paras(d, iso3));
		}
	});
	it('follow each draft, an older one included (an undo), whatever was read before', () => {
		const d0 = found();
		const d1 = ok(addTerm(d0, 'PAK', 'Sharif', nameOf));
		const d2 = setReason(d1, 'PAK', 'Flooded.');
		const d3 = ok(removePassage(d2, 'PAK', 2, nameOf));
		expect(paras(d3, 'PAK')).toEqual([1, 4]);
		expect(paras(d2, 'PAK')).toEqual([1, 2, 4]);
		expect(paras(d0, 'PAK')).toEqual([1]);
		expect(paras(d1, 'PAK')).toEqual([1, 2, 4]);
		expect(paras(d3, 'PAK')).toEqual([1, 4]);
	});
});

describe('removing a paragraph', () => {
	it('records a paragraph the names find in passages.remove', () => {
		const d = ok(removePassage(found(), 'GEO', 3, nameOf));
		expect(entry(d, 'GEO').passages).toEqual({ add: [], remove: [3] });
		expect(paras(d, 'GEO')).toEqual([]);
		// Only Georgia's: the United States still has it.
		expect(paras(d, 'USA')).toEqual([3]);
	});

	it('takes a paragraph added by hand out of passages.add, recording nothing else', () => {
		let d = ok(addPassage(found(), 'GEO', 1, nameOf));
		d = ok(removePassage(d, 'GEO', 1, nameOf));
		expect(entry(d, 'GEO').passages).toEqual({ add: [], remove: [] });
	});

	it('refuses a paragraph that is not a passage, or not in the article, saying why', () => {
		expect(error(removePassage(found(), 'GEO', 2, nameOf))).toBe(
			'Paragraph 2 is not a passage of Georgia.'
		);
		expect(error(removePassage(found(), 'GEO', 9, nameOf))).toBe(
			'Choose a paragraph from 1 to 4: the article has 4 paragraphs.'
		);
		expect(error(removePassage(found(), 'FRA', 1, nameOf))).toMatch(/FRA is not in the briefing/);
	});
});

describe('adding a paragraph', () => {
	it('puts one the gazetteer missed in passages.add, in article order', () => {
		let d = ok(addPassage(found(), 'PAK', 4, nameOf));
		d = ok(addPassage(d, 'PAK', 2, nameOf));
		expect(entry(d, 'PAK').passages).toEqual({ add: [2, 4], remove: [] });
		expect(paras(d, 'PAK')).toEqual([1, 2, 4]);
		// An added paragraph has no words marked: nothing in it names the country.
		expect(passagesOf(d, 'PAK')[1]!.segments.every((s) => !s.mark)).toBe(true);
	});

	it('brings back a removed one by taking it out of passages.remove', () => {
		let d = ok(removePassage(found(), 'GEO', 3, nameOf));
		d = ok(addPassage(d, 'GEO', 3, nameOf));
		expect(entry(d, 'GEO').passages).toEqual({ add: [], remove: [] });
		expect(paras(d, 'GEO')).toEqual([3]);
	});

	it('refuses a paragraph already shown, out of range, or not a whole number', () => {
		expect(error(addPassage(found(), 'PAK', 1, nameOf))).toBe(
			'Paragraph 1 is already a passage of Pakistan.'
		);
		expect(error(addPassage(found(), 'PAK', 0, nameOf))).toMatch(/from 1 to 4/);
		expect(error(addPassage(found(), 'PAK', 2.5, nameOf))).toMatch(/from 1 to 4/);
		expect(error(addPassage(found(), 'PAK', Number.NaN, nameOf))).toMatch(/from 1 to 4/);
	});
});

describe('story terms', () => {
	it('count in every paragraph, for that country only, and in Find countries', () => {
		const d = ok(addTerm(found(), 'PAK', '  Sharif ', nameOf));
		expect(termsAdded(d, 'PAK')).toEqual(['Sharif']);
		expect(paras(d, 'PAK')).toEqual([1, 2, 4]);
		expect(passagesOf(d, 'PAK')[1]!.segments.filter((s) => s.mark)).toEqual([
			{ text: 'Sharif', mark: true }
		]);
		expect(paras(d, 'GEO')).toEqual([3]);
		// The list's count follows at once; "Find countries" run again reads the same terms.
		expect(d.editor.found!.find((f) => f.iso3 === 'PAK')!.passages).toEqual([1, 2, 4]);
		const again = findCountries(d.document.article.paragraphs, { edits: termEditsOf(d) });
		expect(again.find((f) => f.iso3 === 'PAK')!.passages).toEqual([1, 2, 4]);
	});

	it('stop counting once removed', () => {
		let d = ok(addTerm(found(), 'PAK', 'Sharif', nameOf));
		d = ok(removeTerm(d, 'PAK', 'Sharif', nameOf));
		expect(termsAdded(d, 'PAK')).toEqual([]);
		expect(paras(d, 'PAK')).toEqual([1]);
		expect(d.editor.found!.find((f) => f.iso3 === 'PAK')!.passages).toEqual([1]);
		expect(error(removeTerm(d, 'PAK', 'Sharif', nameOf))).toBe(
			'“Sharif” is not a story term of Pakistan.'
		);
	});

	it('are refused when empty, too long or already there, each saying why', () => {
		const d = found();
		expect(error(addTerm(d, 'PAK', '   ', nameOf))).toBe(
			'Story term for Pakistan: type a word or a phrase first.'
		);
		expect(error(addTerm(d, 'PAK', 'x'.repeat(LIMITS.termChars + 1), nameOf))).toMatch(
			new RegExp(`is ${LIMITS.termChars + 1} characters long; the limit is ${LIMITS.termChars}`)
		);
		expect(error(addTerm(d, 'PAK', 'Islamabad', nameOf))).toBe(
			'“Islamabad” already names Pakistan: it counts without being added.'
		);
		expect(error(addTerm(d, 'PAK', 'Georgia', nameOf))).toBe(
			'“Georgia” already names Georgia: a term names one country.'
		);
		const withSharif = ok(addTerm(d, 'PAK', 'Sharif', nameOf));
		expect(error(addTerm(withSharif, 'PAK', 'Sharif', nameOf))).toBe(
			'“Sharif” is already a story term of Pakistan.'
		);
		expect(error(addTerm(withSharif, 'GEO', 'Sharif', nameOf))).toBe(
			'“Sharif” is already a story term of Pakistan: a term names one country.'
		);
	});

	it('stop at the limit of terms per country', () => {
		let d = found();
		for (let i = 0; i < LIMITS.termsPerCountry; i++) d = ok(addTerm(d, 'PAK', `Term ${i}`));
		expect(error(addTerm(d, 'PAK', 'One more', nameOf))).toBe(
			`Pakistan already has ${LIMITS.termsPerCountry} story terms, the most a country can.`
		);
	});

	it('leave the list as it was when the article changed since Find countries', () => {
		const d = setArticle(found(), ARTICLE + '\n\nSharif spoke again.');
		const after = ok(addTerm(d, 'PAK', 'Sharif', nameOf));
		expect(after.editor.found).toBe(d.editor.found);
		expect(paras(after, 'PAK')).toEqual([1, 2, 4, 5]);
	});
});

describe('a built-in name that does not name the country in this article', () => {
	it('stops counting for that briefing (terms.remove), and counts again when put back', () => {
		const d = found();
		expect(namesOf(d, 'GEO')).toContainEqual({ name: 'Georgia', counted: true });
		expect(namesOf(d, 'GEO')).toContainEqual({ name: 'Tbilisi', counted: true });
		expect(paras(d, 'GEO')).toEqual([3]);
		// Paragraph 3's Georgia is the American state.
		const without = ok(setNameCounted(d, 'GEO', 'Georgia', false, nameOf));
		expect(entry(without, 'GEO').terms?.remove).toEqual(['Georgia']);
		expect(namesOf(without, 'GEO')).toContainEqual({ name: 'Georgia', counted: false });
		expect(paras(without, 'GEO')).toEqual([]);
		expect(without.editor.found!.find((f) => f.iso3 === 'GEO')?.passages ?? []).toEqual([]);
		// The other countries' names are not touched.
		expect(paras(without, 'PAK')).toEqual([1]);
		const back = ok(setNameCounted(without, 'GEO', 'Georgia', true, nameOf));
		expect(entry(back, 'GEO').terms?.remove).toEqual([]);
		expect(paras(back, 'GEO')).toEqual([3]);
	});

	it('is refused for a word that is not one of the country’s built-in names', () => {
		expect(error(setNameCounted(found(), 'GEO', 'Sharif', false, nameOf))).toBe(
			'“Sharif” is not one of the names that find Georgia.'
		);
		expect(error(setNameCounted(found(), 'PAK', 'Georgia', false, nameOf))).toBe(
			'“Georgia” is not one of the names that find Pakistan.'
		);
	});
});

describe('a problem with a story term or a passage', () => {
	it('names the term and leads to the box of the country that adds one', () => {
		const d = ok(addTerm(found(), 'PAK', 'Sharif', nameOf));
		const i = d.document.countries.findIndex((c) => c.iso3 === 'PAK');
		expect(
			describeProblem(d, `countries[${i}].terms.add[0]: "Sharif" already names IND`, nameOf)
		).toEqual({
			text: 'Story term “Sharif” of Pakistan: "Sharif" already names IND',
			field: 'Story term for Pakistan'
		});
		expect(describeProblem(d, `countries[${i}].terms.add: too many terms`, nameOf)).toEqual({
			text: 'Story terms of Pakistan: too many terms',
			field: 'Story term for Pakistan'
		});
		expect(
			describeProblem(d, `countries[${i}].passages.remove[0]: paragraph 9 does not exist`, nameOf)
		).toEqual({
			text: 'Passages of Pakistan: paragraph 9 does not exist',
			field: 'Paragraph to add to Pakistan'
		});
	});

	it('is what the schema reports for a draft edited past its rules', () => {
		let d = found();
		const i = d.document.countries.findIndex((c) => c.iso3 === 'PAK');
		d = {
			...d,
			document: {
				...d.document,
				countries: d.document.countries.map((c, j) =>
					j === i
						? { ...c, terms: { add: ['Georgia'], remove: [] }, passages: { add: [9], remove: [] } }
						: c
				)
			}
		};
		const doc = draftToDocument(d);
		for (const c of doc.countries) c.roles[0]!.reason = 'In the story.';
		const read = parseDocument(doc);
		expect(read.ok).toBe(false);
		const described = read.ok ? [] : read.errors.map((e) => describeProblem(d, e, nameOf));
		expect(described.map((p) => p.field)).toEqual([
			'Story term for Pakistan',
			'Paragraph to add to Pakistan'
		]);
		expect(described[0]!.text).toMatch(/^Story term “Georgia” of Pakistan: /);
	});
});
