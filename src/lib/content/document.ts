/**
 * The one place where a briefing document is read: the JSON that the site serves
 * (/briefings/<id>.json), that Export writes and that Import takes are the same form. Every reader
 * (the map page, the speaker view, the library's import) goes through these functions, so a change
 * of the document format is a change here only.
 *
 * A large file (over OFF_THREAD_CHARS, up to the 5 MB limit) is parsed and checked in a worker
 * (./validate.worker.ts, the same validator), so that it never freezes the page for the second it
 * takes; a briefing of ordinary size is read on the spot, which is faster than starting a worker
 * (its script is another 35 KB to fetch and compile) and keeps that script out of a first load.
 * Node and the unit tests have no workers and read every document on the spot.
 */
import type { ParseResult, ServedBriefing } from '$lib/briefing/schema';
import { providedGazetteers } from '$lib/briefing/gazetteer';
import { languageOf, loadGazetteer } from './gazetteer';
import type { ValidateAnswer, ValidateRequest } from './validate.worker';

export type BriefingDocument = ServedBriefing;

/** A document's text was not JSON: the caller says which file. */
export class NotJson extends Error {}

const failure = (err: unknown): ParseResult<BriefingDocument> => ({
	ok: false,
	errors: [err instanceof Error ? err.message : String(err)]
});

function askWorker(request: ValidateRequest): Promise<ValidateAnswer> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./validate.worker.ts', import.meta.url), {
			type: 'module'
		});
		worker.onmessage = (event: MessageEvent<ValidateAnswer>) => {
			worker.terminate();
			resolve(event.data);
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || 'the document could not be read'));
		};
		worker.postMessage(request);
	});
}

/**
 * What a reader is given: a file's text, its bytes (UTF-8, decoded by the reader: a page that
 * fetched a large file hands it over undecoded, as decoding 5 MB is a 100 ms task of its own), or
 * an already parsed value.
 */
type Input = { text: string } | { bytes: ArrayBuffer } | { raw: unknown };

async function readInWorker(
	input: Input,
	fetcher: typeof fetch
): Promise<ParseResult<BriefingDocument>> {
	// English is the common case: its table goes with the first request.
	await loadGazetteer('en', fetcher);
	// At most one more round: the table of the document's own language, if not English.
	for (let round = 0; round < 2; round++) {
		const answer = await askWorker({ ...input, tables: providedGazetteers() });
		if ('result' in answer) return answer.result;
		if ('notJson' in answer) throw new NotJson('not valid JSON');
		await loadGazetteer(answer.needs, fetcher);
	}
	throw new Error('the document could not be read: its language’s names did not reach the reader');
}

async function readHere(
	input: Input,
	fetcher: typeof fetch
): Promise<ParseResult<BriefingDocument>> {
	let raw: unknown;
	if ('text' in input || 'bytes' in input) {
		try {
			raw = JSON.parse(
				// As Response.text() decodes: UTF-8, a byte-order mark dropped.
				'text' in input ? input.text : new TextDecoder().decode(input.bytes)
			);
		} catch {
			throw new NotJson('not valid JSON');
		}
	} else raw = input.raw;
	// The validator is loaded when a document is first read here: the map page's own briefing,
	// as built, needs none (load.ts).
	const [{ parseServedBriefing }] = await Promise.all([
		import('$lib/briefing/schema'),
		loadGazetteer(languageOf(raw), fetcher)
	]);
	return parseServedBriefing(raw);
}

/**
 * Past this many characters (or bytes, for a file handed over undecoded) a document is read in the
 * worker (the embedded one: 57,000).
 */
export const OFF_THREAD_CHARS = 1_000_000;

async function read(input: Input, fetcher: typeof fetch): Promise<ParseResult<BriefingDocument>> {
	try {
		// A text's characters, or a file's bytes (in UTF-8, one or more a character).
		const size =
			'text' in input ? input.text.length : 'bytes' in input ? input.bytes.byteLength : 0;
		const large = size > OFF_THREAD_CHARS;
		return large && typeof Worker !== 'undefined'
			? await readInWorker(input, fetcher)
			: await readHere(input, fetcher);
	} catch (err) {
		if (err instanceof NotJson) throw err;
		return failure(err);
	}
}

/**
 * Validates a document, once the gazetteer of its language is here (its terms are checked
 * against the built-in names, and its passages found with them). A table that cannot be fetched
 * is an error to show, like any other.
 */
export function readBriefingDocument(
	raw: unknown,
	fetcher: typeof fetch = fetch
): Promise<ParseResult<BriefingDocument>> {
	return read({ raw }, fetcher);
}

/** The same from a file's text or its bytes (UTF-8); throws NotJson when it is not JSON. */
export function readBriefingJson(
	file: string | ArrayBuffer,
	fetcher: typeof fetch = fetch
): Promise<ParseResult<BriefingDocument>> {
	return read(typeof file === 'string' ? { text: file } : { bytes: file }, fetcher);
}
