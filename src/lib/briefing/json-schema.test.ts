import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { briefingJsonSchema } from './json-schema';
import { LIMITS } from './limits';
import { OVERLAY_STYLE_NAMES } from './overlay-styles';

const committed = fileURLToPath(new URL('../../content/briefing.schema.json', import.meta.url));

describe('the JSON Schema of the briefing document', () => {
	const schema = briefingJsonSchema() as {
		properties: Record<string, Record<string, unknown>>;
		required: string[];
		additionalProperties: unknown;
	};

	it('describes every field of the format, and refuses others', () => {
		expect(Object.keys(schema.properties)).toEqual([
			'$schema',
			'version',
			'id',
			'title',
			'asOf',
			'language',
			'article',
			'frame',
			'roles',
			'countries',
			'troopNotes',
			'overlays',
			'distances',
			'scenes'
		]);
		expect(schema.required).toEqual(
			expect.arrayContaining(['version', 'id', 'title', 'asOf', 'language', 'article', 'roles'])
		);
		expect(schema.additionalProperties).toBe(false);
		expect(schema.properties.version).toMatchObject({ const: 1 });
	});

	it('carries the limits and the vocabularies, so an editor warns while typing', () => {
		expect(schema.properties.countries).toMatchObject({ maxItems: LIMITS.countries });
		const overlay = (
			schema.properties.overlays as { items: { properties: Record<string, object> } }
		).items.properties;
		expect(overlay.style).toMatchObject({ enum: OVERLAY_STYLE_NAMES });
	});

	// `npm run schema` rewrites the committed copy (UPDATE_SCHEMA=1); this test keeps it current.
	it('is committed for the repository’s form, beside the embedded briefings', () => {
		const fresh = `${JSON.stringify(briefingJsonSchema('source'), null, '\t')}\n`;
		if (process.env.UPDATE_SCHEMA) writeFileSync(committed, fresh);
		expect(readFileSync(committed, 'utf8'), 'run `npm run schema`').toBe(fresh);
	});
});
