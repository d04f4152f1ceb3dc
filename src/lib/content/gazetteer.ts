/**
 * The gazetteer's tables are data, fetched from the site like the basemap (hashed assets: only
 * their addresses are in the app's code), not compiled into it: a briefing is read only once the
 * table of its language is here. English is fetched as soon as a briefing is asked for, beside it;
 * another language's table when the document says it needs it.
 */
import en from '../../../geodata/gazetteer.json?url';
import fr from '../../../geodata/gazetteer-fr.json?url';
import {
	gazetteerLanguage,
	hasGazetteer,
	provideGazetteer,
	tablesFromFile,
	type GazetteerLanguage
} from '$lib/briefing/gazetteer';

const FILES: Record<GazetteerLanguage, string> = { en, fr };
const pending = new Map<GazetteerLanguage, Promise<void>>();

/**
 * Fetches the table of a language tag, once: later calls share the same answer. A failure is not
 * kept, so the next briefing read tries again (the network may be back).
 */
export function loadGazetteer(
	tag: string | undefined,
	fetcher: typeof fetch = fetch
): Promise<void> {
	const language = gazetteerLanguage(tag);
	if (hasGazetteer(language)) return Promise.resolve();
	let loading = pending.get(language);
	if (!loading) {
		loading = (async () => {
			const res = await fetcher(FILES[language]);
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			provideGazetteer(language, tablesFromFile(language, await res.json()));
		})().catch((err: unknown) => {
			pending.delete(language);
			const why = err instanceof Error ? err.message : String(err);
			throw new Error(`The list of country names (${language}) could not be loaded: ${why}`);
		});
		pending.set(language, loading);
	}
	return loading;
}

/** A document's language, as far as it can be read before the document is validated. */
export function languageOf(raw: unknown): string | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const language = (raw as { language?: unknown }).language;
	return typeof language === 'string' ? language : undefined;
}
