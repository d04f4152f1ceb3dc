/**
 * How a briefing's text is split and worded: its paragraphs, its dates (full or partial) and the
 * provenance of what it shows. Plain JavaScript with no imports, shared by the app and by the
 * geodata build (Node, `scripts/geodata`), so the map's baked labels and the panels say the same
 * thing in the same words.
 */

/**
 * The article's paragraphs, numbered from 1: blocks of text between blank lines, trimmed, empty
 * ones dropped.
 * @param {string} text
 * @returns {string[]}
 */
export function splitParagraphs(text) {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
}

/**
 * A number as the briefing's English prose writes it: "2,487", "0.5", "1,234.568" (thousands
 * grouped with commas, at most three decimals), as `toLocaleString('en-GB')` would. Written out by
 * hand: the first use of Intl's number formatting loads its locale data, a 20 ms task that a page
 * showing its first marks' distances paid at load.
 * @param {number} n
 * @returns {string}
 */
export function formatNumber(n) {
	if (!Number.isFinite(n)) return n !== n ? 'NaN' : n > 0 ? '∞' : '-∞';
	const [whole = '', decimals = ''] = (Math.round(Math.abs(n) * 1000) / 1000).toFixed(3).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
	const fraction = decimals.replace(/0+$/, '');
	const sign = n < 0 && (grouped !== '0' || fraction !== '') ? '-' : '';
	return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * "2022-02-02" -> "2 February 2022", "2021-12" -> "December 2021", "2021" -> "2021"; with
 * `short`, "2 Feb 2022" (for a label drawn on the map, where room is short). Written out by hand
 * rather than with Intl so that a slide reads the same on every machine, whatever its locale.
 * @param {string} date an ISO date, full or partial
 * @param {'long' | 'short'} [width]
 * @returns {string}
 */
export function formatDate(date, width = 'long') {
	const [year, month, day] = date.split('-');
	const full = month === undefined ? undefined : MONTHS[Number(month) - 1];
	if (full === undefined) return year ?? date;
	const name = width === 'short' ? full.slice(0, 3) : full;
	return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/**
 * A date, full or partial: YYYY, YYYY-MM or YYYY-MM-DD (a source often dates a report to the month
 * only). The shape only: whether the day exists in its month is for the schema to say.
 */
export const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The days a partial date stands for: a year or a month is its whole span, so "2021-12" comes
 * before "2022-01-06", and a month counts as after a day only if its first day is after it.
 * @param {string} date YYYY, YYYY-MM or YYYY-MM-DD
 * @returns {[first: string, last: string]}
 */
export function dayRange(date) {
	if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
	if (date.length === 7) return [`${date}-01`, `${date}-31`];
	return [date, date];
}

/**
 * Whether something first seen on `date` (YYYY, YYYY-MM or YYYY-MM-DD) came after `asOf`
 * (YYYY-MM-DD): a month or a year counts as after only if its first day is after `asOf`.
 * @param {string | undefined} date
 * @param {string} asOf
 * @returns {boolean}
 */
export function isAfter(date, asOf) {
	if (date === undefined || date === '') return false;
	if (!PARTIAL_DATE.test(date)) throw new Error(`not an ISO date: ${date}`);
	return dayRange(date)[0] > asOf;
}

/**
 * "Article, para. 7" or "Article, paras. 2, 5".
 * @param {readonly number[]} paragraphs
 * @returns {string}
 */
export function articleProvenance(paragraphs) {
	const n = [...new Set(paragraphs)].sort((a, b) => a - b);
	if (n.length === 0) throw new Error('an article provenance needs paragraphs');
	return `Article, ${n.length === 1 ? 'para.' : 'paras.'} ${n.join(', ')}`;
}

/**
 * @typedef {{ kind: 'article', paragraphs: readonly number[] }
 *   | { kind: 'source', publisher?: string, title?: string, url?: string, date?: string }} ProvenanceLike
 */

/**
 * "Article, para. 4", "Article, paras. 1, 3", or "Source: Reuters, “Title”, 6 January 2022"
 * ("… (date of publication not recorded)" when the source has no date: a reader must not take
 * silence for "undated"). A source without a publisher is named by its address.
 * @param {ProvenanceLike} p
 * @returns {string}
 */
export function formatProvenance(p) {
	if (p.kind === 'article') return articleProvenance(p.paragraphs);
	const who = p.publisher ?? p.url?.replace(/^https?:\/\//, '');
	const what = p.title === undefined ? undefined : `“${p.title}”`;
	const date =
		p.date === undefined ? ' (date of publication not recorded)' : `, ${formatDate(p.date)}`;
	return `Source: ${[who, what].filter((x) => x !== undefined).join(', ')}${date}`;
}
