// The benchmark's stand-in for importing a briefing: the app's own validator, built by the same
// Vite, timed in the browser from the file's text to its result (JSON.parse, then
// parseServedBriefing), the work an import does before it can show a briefing or its errors.
import { parseServedBriefing } from '../../src/lib/briefing/schema';
import { provideBuiltGazetteers } from '../../src/lib/briefing/built-gazetteer';

// The app fetches the gazetteer before it validates; here it is bundled, outside the timing.
provideBuiltGazetteers();

/** @param {string} url */
async function validate(url) {
	const text = await (await fetch(url)).text();
	const t0 = performance.now();
	const raw = JSON.parse(text);
	const t1 = performance.now();
	const result = parseServedBriefing(raw);
	const t2 = performance.now();
	return {
		bytes: text.length,
		parse: t1 - t0,
		validate: t2 - t1,
		total: t2 - t0,
		errors: result.ok ? [] : result.errors
	};
}

Object.assign(window, { __validate: validate });
