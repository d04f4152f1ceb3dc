/**
 * The briefings shipped with the app, read from src/content/<id>/ at build time: briefing.json,
 * its article and the GeoJSON files it names, made one document. Each one is validated here, so a
 * broken content file fails the build with errors naming the field.
 */
import { createHash } from 'node:crypto';
import { assembleDocument, type BriefingDocument } from '$lib/briefing/schema';
import { splitParagraphs } from '$lib/briefing/text.js';
import { provideBuiltGazetteers } from '$lib/briefing/built-gazetteer';

const jsonFiles = import.meta.glob('/src/content/*/briefing.json', {
	eager: true,
	import: 'default'
});
const textFiles = import.meta.glob(['/src/content/*/*.txt', '/src/content/*/**/*.geojson'], {
	eager: true,
	query: '?raw',
	import: 'default'
}) as Record<string, string>;

import site from '../../content/site.json';

// The embedded briefings are validated here, at build time, with the tables the app will fetch.
provideBuiltGazetteers();

export function briefingIds(): string[] {
	return Object.keys(jsonFiles).map((p) => p.split('/')[3]!);
}

/** The served form of a briefing: one self-contained document. */
export function servedBriefing(id: string): BriefingDocument {
	const raw = jsonFiles[`/src/content/${id}/briefing.json`];
	if (!raw) throw new Error(`No briefing "${id}" in src/content`);
	const result = assembleDocument(
		raw,
		{ read: (name) => textFiles[`/src/content/${id}/${name}`] },
		splitParagraphs
	);
	if (!result.ok) {
		throw new Error(`src/content/${id}/briefing.json is invalid:\n  ${result.errors.join('\n  ')}`);
	}
	return result.briefing;
}

/** The served file's text, as the site serves it (build/briefings/<id>.json). */
export function servedText(id: string): string {
	return JSON.stringify(servedBriefing(id));
}

/**
 * The served file's digest, as Subresource Integrity writes it (`sha256-<base64>`): the pages name
 * it, so that a page can tell the file it fetched is the one validated here, byte for byte.
 */
export function servedIntegrity(id: string): string {
	return `sha256-${createHash('sha256').update(servedText(id)).digest('base64')}`;
}

/**
 * The briefing that `/` opens: src/content/site.json's `defaultBriefing`, which must be one of
 * src/content's briefings (the build fails otherwise).
 */
export function defaultBriefing(): string {
	const id: unknown = (site as { defaultBriefing?: unknown }).defaultBriefing;
	if (typeof id !== 'string' || !briefingIds().includes(id)) {
		throw new Error(
			`src/content/site.json: defaultBriefing must be one of src/content's briefings (${briefingIds().join(', ')}), not ${JSON.stringify(id)}`
		);
	}
	return id;
}
