/**
 * The JSON Schema of the briefing document, generated from the zod schema (zod 4's own
 * `z.toJSONSchema`), so that a person can edit a briefing in any editor with completion and
 * checks while typing: the document's `$schema` points at it. It describes the shape (fields,
 * types, enums, limits); the rules across fields (a role that must exist, a paragraph inside the
 * article) are the app's to check, on import and at build time.
 */
import { z } from './schema/zod';
import { documentObject, sourceObject } from './schema/document';
import { EXACT_SCHEMAS } from './schema/fields';

const OPTIONS = { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' } as const;

/** A schema checked by a faster path (fields.ts, fastPositions) is described by its exact one. */
function describeExact(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) {
	const exact = EXACT_SCHEMAS.get(ctx.zodSchema as z.ZodType);
	if (!exact) return;
	const described: Record<string, unknown> = z.toJSONSchema(exact, OPTIONS);
	delete described.$schema;
	Object.assign(ctx.jsonSchema, described);
}

/** The served and exported form (one file), or the repository's (`src/content/<id>/`). */
export function briefingJsonSchema(form: 'document' | 'source' = 'document') {
	return {
		...z.toJSONSchema(form === 'document' ? documentObject : sourceObject, {
			...OPTIONS,
			override: describeExact
		}),
		title:
			form === 'document'
				? 'Briefing document (briefing map, format version 1)'
				: 'Briefing source in the repository (briefing map, format version 1)'
	};
}
