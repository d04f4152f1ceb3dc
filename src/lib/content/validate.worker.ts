/**
 * Reads a briefing document off the page's thread: JSON.parse and the schema's validation of a
 * large file take hundreds of milliseconds, during which the page would not answer a click or
 * draw the map. The same validator as everywhere (parseServedBriefing): this file only moves it.
 * The page hands over the gazetteer tables it has fetched; a document in a language whose table
 * it has not sent is answered with `needs`, and sent again with that table.
 */
import { parseServedBriefing } from '$lib/briefing/schema';
import {
	gazetteerLanguage,
	hasGazetteer,
	provideGazetteer,
	type GazetteerLanguage,
	type GazetteerTables
} from '$lib/briefing/gazetteer';
import type { ParseResult, ServedBriefing } from '$lib/briefing/schema';

export interface ValidateRequest {
	/**
	 * The file's text, or its bytes (UTF-8), parsed here; or `raw`, an already parsed value (an
	 * imported briefing).
	 */
	text?: string;
	bytes?: ArrayBuffer;
	raw?: unknown;
	tables: [GazetteerLanguage, GazetteerTables][];
}

export type ValidateAnswer =
	{ result: ParseResult<ServedBriefing> } | { notJson: true } | { needs: GazetteerLanguage };

const post = (answer: ValidateAnswer) => (self as unknown as Worker).postMessage(answer);

self.onmessage = (event: MessageEvent<ValidateRequest>) => {
	const { text, bytes, raw, tables } = event.data;
	for (const [language, t] of tables) provideGazetteer(language, t);
	let value = raw;
	if (text !== undefined || bytes !== undefined) {
		try {
			value = JSON.parse(text ?? new TextDecoder().decode(bytes));
		} catch {
			post({ notJson: true });
			return;
		}
	}
	const language =
		typeof value === 'object' && value !== null
			? (value as { language?: unknown }).language
			: undefined;
	const tag = typeof language === 'string' ? language : undefined;
	if (!hasGazetteer(tag)) {
		post({ needs: gazetteerLanguage(tag) });
		return;
	}
	post({ result: parseServedBriefing(value) });
};
