/**
 * The one place where a briefing document is read: the JSON that the site serves
 * (/briefings/<id>.json), that Export writes and that Import takes are the same form. Every reader
 * (the map page, the speaker view, the library's import) goes through these functions, so a change
 * of the document format is a change here only.
 *
 * Documents are read in a worker (./validate.worker.ts) where the browser has workers, so that a
 * large file (up to 5 MB) never freezes the page while it is parsed and checked; elsewhere (the
 * unit tests, Node) on the spot, with the same validator.
 */
import type { ParseResult, ServedBriefing } from '$lib/briefing/schema';
import { gazetteerLanguage, providedGazetteers } from '$lib/briefing/gazetteer';
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

async function readInWorker(
	input: { text: string } | { raw: unknown },
	fetcher: typeof fetch
): Promise<ParseResult<BriefingDocument>> {
	// English is the common case: its table goes with the first request.
	await loadGazetteer('en', fetcher);
	for (;;) {
		const answer = await askWorker({ ...input, tables: providedGazetteers() });
		if ('result' in answer) return answer.result;
		if ('notJson' in answer) throw new NotJson('not valid JSON');
		await loadGazetteer(answer.needs, fetcher);
	}
}

async function readHere(
	input: { text: string } | { raw: unknown },
	fetcher: typeof fetch
): Promise<ParseResult<BriefingDocument>> {
	let raw: unknown;
	if ('text' in input) {
		try {
			raw = JSON.parse(input.text);
		} catch {
			throw new NotJson('not valid JSON');
		}
	} else raw = input.raw;
	await loadGazetteer(gazetteerLanguage(languageOf(raw)), fetcher);
	// Loaded only here: where workers run (every browser the app supports), the validator is the
	// worker's, and the page's own code does not carry it.
	const { parseServedBriefing } = await import('$lib/briefing/schema');
	return parseServedBriefing(raw);
}

async function read(
	input: { text: string } | { raw: unknown },
	fetcher: typeof fetch
): Promise<ParseResult<BriefingDocument>> {
	try {
		return typeof Worker === 'undefined'
			? await readHere(input, fetcher)
			: await readInWorker(input, fetcher);
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

/** The same from a file's text; throws NotJson when the text is not JSON. */
export function readBriefingJson(
	text: string,
	fetcher: typeof fetch = fetch
): Promise<ParseResult<BriefingDocument>> {
	return read({ text }, fetcher);
}
