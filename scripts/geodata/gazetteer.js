// The gazetteer: which words name which country, for every country of the basemap and the UN
// member states too small for it. Built from maintained data, not typed by hand:
//   - names: CLDR through Node's Intl.DisplayNames (long and short styles; "Myanmar (Burma)" gives
//     both), i18n-iso-countries (MIT), and world-countries' common and official names (ODbL);
//   - demonyms, their plurals (by rule) and capitals: world-countries;
//   - French: CLDR's French names, world-countries' French translations and demonyms;
// then the hand-kept exceptions of gazetteer-exceptions.js, each with its reason.
// The result, geodata/gazetteer.json (English) and geodata/gazetteer-fr.json (French), is read by
// src/lib/briefing/gazetteer.ts.

import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import {
	EXTRA,
	FR_CAPITALS,
	FR_EXTRA,
	FR_LEFT_OUT,
	LEFT_OUT,
	NO_DEMONYM,
	NOT_A_COUNTRY,
	FR_NOT_A_COUNTRY,
	PLURAL
} from './gazetteer-exceptions.js';

const require = createRequire(import.meta.url);
/** @type {any[]} */
const WORLD = require('world-countries/countries.json');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));

/** world-countries' code for Kosovo is not XKX. */
const WC_CODE = { XKX: 'UNK' };

/**
 * A name as a source writes it, or nothing when it is an inverted or annotated form
 * ("Korea, Republic of", "Congo - Kinshasa", "Congo (Rep. dém.)").
 * @param {string | undefined} name
 * @returns {string[]}
 */
function clean(name) {
	if (!name) return [];
	const paren = /^(.*?) \(([^)]*)\)$/.exec(name);
	// CLDR's "Myanmar (Burma)" holds two names; "Holy See (Vatican City State)" a note.
	if (paren) {
		const [, before = '', inside = ''] = paren;
		return before === 'Myanmar' ? [before, inside] : [before];
	}
	if (name.includes(',') || name.includes(' - ') || name.includes('(')) return [];
	return [name];
}

/**
 * Both apostrophes, since an article may use either: "Côte d’Ivoire" and "Côte d'Ivoire".
 * @param {string} name
 */
const apostrophes = (name) =>
	name.includes("'")
		? [name, name.replaceAll("'", '’')]
		: name.includes('’')
			? [name, name.replaceAll('’', "'")]
			: [name];

/**
 * English plural of a demonym.
 * @param {string} word
 */
export function englishPlural(word) {
	if (word in PLURAL) return PLURAL[word];
	if (/(ese|s|sh|ch|z|y)$/.test(word)) return null;
	if (/man$/.test(word)) return word.replace(/man$/, 'men');
	return `${word}s`;
}

/**
 * French plural (and lower-case adjective forms, since French writes "les forces russes").
 * @param {string} word
 */
function frenchForms(word) {
	const plural = /[sx]$/.test(word) ? word : `${word}s`;
	const lower = (/** @type {string} */ w) => w.charAt(0).toLowerCase() + w.slice(1);
	return [word, plural, lower(word), lower(plural)];
}

/**
 * @param {{ iso3: string, iso2: string | null }[]} basemap the basemap's countries
 * @returns {{ text: string, frText: string, en: Record<string, string[]>, fr: Record<string, string[]>, extras: string[], stats: { countries: number, en: number, fr: number } }}
 */
export function buildGazetteer(basemap) {
	const byCode = new Map(WORLD.map((c) => [c.cca3, c]));
	const onMap = new Set(basemap.map((c) => c.iso3));
	// UN member states the 1:110m basemap cannot draw, and the Vatican: an article may name them.
	const extras = WORLD.filter((c) => (c.unMember || c.cca3 === 'VAT') && !onMap.has(c.cca3)).map(
		(c) => ({ iso3: c.cca3, iso2: c.cca2 })
	);
	const all = [...basemap, ...extras].sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));

	const en = new Intl.DisplayNames(['en'], { type: 'region' });
	const enShort = new Intl.DisplayNames(['en'], { type: 'region', style: 'short' });
	const fr = new Intl.DisplayNames(['fr'], { type: 'region' });
	/** @type {Record<string, string[]>} */
	const frExtra = FR_EXTRA;
	const usedExtra = new Set();

	/** @type {Record<string, string[]>} */
	const enTable = {};
	/** @type {Record<string, string[]>} */
	const frTable = {};
	for (const { iso3, iso2 } of all) {
		const wc = byCode.get(/** @type {Record<string,string>} */ (WC_CODE)[iso3] ?? iso3);
		/** @type {string[]} */
		const names = [];
		/** @type {string[]} */
		let frNames = [];
		if (wc) {
			const code = iso2 ?? wc.cca2;
			names.push(
				...clean(en.of(code)),
				...clean(wc.name.common),
				...clean(wc.name.official),
				...clean(enShort.of(code)),
				...(countries.getNames('en', { select: 'all' })[code] ?? []).flatMap(clean)
			);
			const first = names[0] ?? '';
			if (first.includes('&')) names.push(first.replaceAll('&', 'and'));
			// A code in NO_DEMONYM gets none, in either language (its reason says why).
			const people = iso3 in NO_DEMONYM ? undefined : wc.demonyms;
			const demonyms = [people?.eng?.m, people?.eng?.f]
				.filter(Boolean)
				.flatMap((/** @type {string} */ d) => d.split(/, | or /));
			for (const d of demonyms) {
				// world-countries gives Djibouti's name as its demonym: not a demonym.
				if (d === wc.name.common) continue;
				if (d in LEFT_OUT) continue;
				names.push(d);
				const p = englishPlural(d);
				if (p) names.push(p);
			}
			names.push(...wc.capital);

			frNames.push(
				...clean(fr.of(code)),
				...clean(wc.translations.fra?.common),
				...clean(wc.translations.fra?.official),
				...(countries.getNames('fr', { select: 'all' })[code] ?? []).flatMap(clean)
			);
			for (const d of [people?.fra?.m, people?.fra?.f].filter(Boolean)) {
				frNames.push(...frenchForms(d));
			}
			const frCapitals = /** @type {Record<string, string[]>} */ (FR_CAPITALS)[iso3];
			frNames.push(...(frCapitals ?? wc.capital));
		}
		const extra = EXTRA[iso3];
		if (extra) usedExtra.add(iso3);
		const finish = (/** @type {string[]} */ list, /** @type {Record<string,string>} */ leftOut) =>
			[...new Set(list.flatMap(apostrophes))].filter((n) => !(n in leftOut) && n.length > 1);
		// The hand-kept additions come last and are never left out.
		enTable[iso3] = [
			...new Set([...finish(names, LEFT_OUT), ...(extra?.terms ?? []).flatMap(apostrophes)])
		];
		frTable[iso3] = [
			...new Set([
				// world-countries writes some French official names oddly ("Les états-unis
				// d'Amérique", "Côte d' Ivoire"): those are dropped.
				...finish(frNames, FR_LEFT_OUT).filter((n) => !/^Les |['’] /.test(n)),
				...(frExtra[iso3] ?? []).flatMap(apostrophes)
			])
		];
		if (enTable[iso3].length === 0) throw new Error(`gazetteer: no name for ${iso3}`);
	}
	for (const code of Object.keys(EXTRA)) {
		if (!usedExtra.has(code))
			throw new Error(`gazetteer-exceptions: EXTRA names ${code}, not a country here`);
	}
	for (const [
		lang,
		table,
		notACountry
	] of /** @type {[string, Record<string, string[]>, string[]][]} */ ([
		['en', enTable, NOT_A_COUNTRY],
		['fr', frTable, FR_NOT_A_COUNTRY]
	])) {
		/** @type {Map<string, string>} */
		const owner = new Map();
		for (const [iso3, names] of Object.entries(table)) {
			for (const n of names) {
				const other = owner.get(n);
				if (other)
					throw new Error(
						`gazetteer (${lang}): "${n}" names ${other} and ${iso3}; settle it in gazetteer-exceptions.js`
					);
				owner.set(n, iso3);
			}
		}
		for (const phrase of notACountry) {
			if (owner.has(phrase))
				throw new Error(
					`gazetteer (${lang}): "${phrase}" is both a name and a phrase naming no country`
				);
		}
	}
	const line = (/** @type {Record<string,string[]>} */ t) =>
		Object.entries(t)
			.map(([iso3, names]) => `${JSON.stringify(iso3)}:${JSON.stringify(names)}`)
			.join(',\n');
	// English, which every briefing uses today, and French apart, so the app loads French only for
	// a French briefing.
	const text = `{"notACountry":${JSON.stringify(NOT_A_COUNTRY)},\n"en":{\n${line(enTable)}\n}}\n`;
	const frText = `{"notACountry":${JSON.stringify(FR_NOT_A_COUNTRY)},\n"fr":{\n${line(frTable)}\n}}\n`;
	const count = (/** @type {Record<string,string[]>} */ t) =>
		Object.values(t).reduce((n, names) => n + names.length, 0);
	return {
		text,
		frText,
		en: enTable,
		fr: frTable,
		extras: extras.map((e) => e.iso3).sort(),
		stats: { countries: all.length, en: count(enTable), fr: count(frTable) }
	};
}
