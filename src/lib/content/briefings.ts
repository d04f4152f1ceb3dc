/**
 * The briefings shipped with the app, read from src/content/<id>/ at build time. Each one is
 * validated here, so a broken content file fails the build with errors naming the field.
 */
import { validateBriefing } from '$lib/briefing/schema';
import { splitParagraphs } from '$lib/briefing/text.js';

const jsonFiles = import.meta.glob('/src/content/*/briefing.json', {
	eager: true,
	import: 'default'
});
const articleFiles = import.meta.glob('/src/content/*/*.txt', {
	eager: true,
	query: '?raw',
	import: 'default'
}) as Record<string, string>;

export function briefingIds(): string[] {
	return Object.keys(jsonFiles).map((p) => p.split('/')[3]!);
}

/** The served form of a briefing: the briefing file plus its article's numbered paragraphs. */
export function servedBriefing(id: string) {
	const raw = jsonFiles[`/src/content/${id}/briefing.json`] as Record<string, unknown> | undefined;
	if (!raw) throw new Error(`No briefing "${id}" in src/content`);
	const article = (raw.article ?? {}) as { file?: string };
	const text = articleFiles[`/src/content/${id}/${article.file ?? 'article.txt'}`];
	if (text === undefined)
		throw new Error(`src/content/${id}: article.file "${article.file}" not found`);
	const paragraphs = splitParagraphs(text);
	const result = validateBriefing(raw, paragraphs);
	if (!result.ok) {
		throw new Error(`src/content/${id}/briefing.json is invalid:\n  ${result.errors.join('\n  ')}`);
	}
	return { ...result.briefing, article: { ...result.briefing.article, paragraphs } };
}
