import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	clampScene,
	hiddenLayers,
	sceneQuote,
	stepScene,
	type Scene,
	type SceneAction
} from './scenes';
import { countryIndex } from './passages';
import {
	briefingSchema,
	parseServedBriefing,
	validateBriefing,
	type ServedBriefing
} from './schema';

import { errorsOf, fresh, paragraphs, servedRaw } from './test-briefing';

function served(raw: unknown = fresh()): ServedBriefing {
	const result = parseServedBriefing(servedRaw(raw));
	if (!result.ok) throw new Error(result.errors.join('\n'));
	return result.briefing;
}

const briefing = served();
const scenes = briefing.scenes;

describe('the embedded briefing’s scenes', () => {
	it('validate, authored and served', () => {
		const result = validateBriefing(fresh(), paragraphs);
		expect(result.ok ? [] : result.errors).toEqual([]);
		expect(scenes.length).toBeGreaterThanOrEqual(8);
	});

	it('tell the story in order, from the frame to the stakes', () => {
		expect(scenes.map((s) => s.id)).toEqual([
			'overview',
			'macron-to-moscow',
			'troop-build-up',
			'then-kyiv',
			'russia-demands',
			'versailles-and-bregancon',
			'mali',
			'allies-and-critics',
			'super-april',
			'stakes-for-macron'
		]);
	});

	it('each quote at least one paragraph, with notes of two to four sentences', () => {
		for (const scene of scenes) {
			const quotes = sceneQuote(briefing, scene);
			expect(quotes.length, scene.id).toBeGreaterThan(0);
			expect(quotes.length, scene.id).toBe(scene.paragraphs.length);
			const sentences = scene.notes.split(/(?<=[.!?])\s+(?=[A-Z“])/);
			expect(sentences.length, `${scene.id}: ${scene.notes}`).toBeGreaterThanOrEqual(2);
			expect(sentences.length, `${scene.id}: ${scene.notes}`).toBeLessThanOrEqual(4);
		}
	});

	it('between them quote every paragraph of the article', () => {
		const quoted = new Set(scenes.flatMap((s) => s.paragraphs));
		expect([...quoted].sort((a, b) => a - b)).toEqual(paragraphs.map((_, i) => i + 1));
	});

	it('highlight only countries their quote concerns (the overview shows the whole story)', () => {
		const index = countryIndex(briefing);
		for (const scene of scenes.slice(1)) {
			for (const code of scene.countries) {
				const quoted = (index.get(code)?.passages ?? []).map((p) => p.paragraph);
				expect(
					scene.paragraphs.some((n) => quoted.includes(n)),
					`${scene.id}: ${code}`
				).toBe(true);
			}
		}
	});

	it('are titled for what they highlight: Macron’s outreach to Western leaders, not Eastern Europe', () => {
		const scene = scenes.find((s) => s.id === 'allies-and-critics')!;
		expect(scene.title).toBe('Macron’s outreach to Western leaders');
		expect(scene.countries).toEqual(['FRA', 'GBR', 'USA']);
		expect(scene.paragraphs).toContain(10);
	});

	it('show labels in every scene, and the countries they highlight', () => {
		for (const scene of scenes) {
			expect(scene.layers, scene.id).toContain('labels');
			for (const code of scene.countries) expect(scene.layers, scene.id).toContain(code);
		}
	});

	it('fit only countries the geodata has bounds for', () => {
		const bounds = JSON.parse(
			readFileSync(fileURLToPath(new URL('../../../geodata/bounds.json', import.meta.url)), 'utf8')
		) as Record<string, unknown>;
		const fitted = scenes.flatMap((s) => ('fit' in s.camera ? s.camera.fit : []));
		expect(fitted.length).toBeGreaterThan(0);
		for (const code of fitted) expect(Object.keys(bounds)).toContain(code);
	});

	it('open on the story’s frame, Mali to Moscow, with the route and the troops', () => {
		const first = scenes[0]!;
		expect(first.camera).toEqual({ center: [22, 38], zoom: 2.6 });
		expect(first.countries).toEqual(['FRA', 'RUS', 'UKR', 'MLI', 'HUN', 'SVN']);
		expect(first.layers).toEqual(
			expect.arrayContaining(['route', 'troops-article', 'troops-reported'])
		);
	});

	it('are optional: a briefing without scenes gets none', () => {
		const b = fresh();
		delete b.scenes;
		const result = briefingSchema.safeParse(b);
		expect(result.success && result.data.scenes).toEqual([]);
		expect(served(b).scenes).toEqual([]);
	});

	it('default countries to none', () => {
		const b = fresh();
		delete b.scenes[1].countries;
		expect(served(b).scenes[1]!.countries).toEqual([]);
	});
});

describe('scene validation errors name the field path', () => {
	it('an unknown layer, or a country layer that is not listed', () => {
		expect(errorsOf((b) => (b.scenes[2].layers = ['RUS', 'rout', 'UKR', 'labels']))).toEqual([
			'scenes[2].layers[1]: unknown layer "rout" (layers: a country listed in countries, or troops-article, troops-reported, crimea, contact-line, route, places, labels)'
		]);
		expect(errorsOf((b) => b.scenes[0].layers.push('DEU'))).toEqual([
			`scenes[0].layers[${fresh().scenes[0].layers.length}]: "DEU" is not listed in countries, so it has no layer`
		]);
		expect(errorsOf((b) => (b.scenes[1].layers = ['FRA', 'RUS', 'route', 'route']))).toEqual([
			'scenes[1].layers[3]: layer "route" is listed twice'
		]);
		expect(errorsOf((b) => (b.scenes[1].layers[0] = ''))).toEqual([
			'scenes[1].layers[0]: must not be empty'
		]);
	});

	it('a highlighted country that is not listed, repeated or hidden', () => {
		expect(errorsOf((b) => (b.scenes[1].countries = ['FRA', 'DEU']))).toEqual([
			'scenes[1].countries[1]: "DEU" is not listed in countries'
		]);
		expect(errorsOf((b) => (b.scenes[1].countries = ['FRA', 'FRA']))).toEqual([
			'scenes[1].countries[1]: country "FRA" is listed twice'
		]);
		expect(errorsOf((b) => (b.scenes[1].countries = ['MLI']))).toEqual([
			'scenes[1].countries[0]: "MLI" is highlighted but hidden: add it to layers'
		]);
		expect(errorsOf((b) => (b.scenes[1].countries = ['fr']))).toEqual([
			'scenes[1].countries[0]: must be an ISO 3166-1 alpha-3 code, e.g. "FRA"'
		]);
	});

	it('a paragraph out of range, repeated, or none at all', () => {
		expect(errorsOf((b) => (b.scenes[3].paragraphs = [1, 13]))).toEqual([
			'scenes[3].paragraphs[1]: paragraph 13 is outside 1..12 (the article has 12)'
		]);
		expect(errorsOf((b) => (b.scenes[3].paragraphs = [0]))).toEqual([
			'scenes[3].paragraphs[0]: paragraphs are numbered from 1'
		]);
		expect(errorsOf((b) => (b.scenes[3].paragraphs = [3, 3]))).toEqual([
			'scenes[3].paragraphs[1]: paragraph 3 is listed twice'
		]);
		expect(errorsOf((b) => (b.scenes[3].paragraphs = []))).toEqual([
			'scenes[3].paragraphs: quote at least one paragraph'
		]);
	});

	it('a bad camera', () => {
		expect(errorsOf((b) => (b.scenes[0].camera = { fit: ['FRA'], center: [2, 46] }))).toEqual([
			'scenes[0].camera: give either "fit", or "center" and "zoom", not both'
		]);
		expect(
			errorsOf((b) => (b.scenes[0].camera = { fit: ['FRA'], center: [2, 46], zoom: 4 }))
		).toEqual(['scenes[0].camera: give either "fit", or "center" and "zoom", not both']);
		expect(errorsOf((b) => (b.scenes[0].camera.zoom = 12))).toEqual([
			'scenes[0].camera.zoom: zoom must be within 0..9'
		]);
		expect(errorsOf((b) => (b.scenes[0].camera.zoom = -1))).toEqual([
			'scenes[0].camera.zoom: zoom must be within 0..9'
		]);
		expect(errorsOf((b) => (b.scenes[0].camera.center = [22, 95]))).toEqual([
			'scenes[0].camera.center[1]: latitude must be within -85..85'
		]);
		expect(errorsOf((b) => (b.scenes[0].camera.center = [190, 38]))).toEqual([
			'scenes[0].camera.center[0]: longitude must be within -180..180'
		]);
		expect(errorsOf((b) => (b.scenes[0].camera = { center: [22, 38] }))).toEqual([
			'scenes[0].camera.zoom: required with "center"'
		]);
		expect(errorsOf((b) => (b.scenes[0].camera = { zoom: 3 }))).toEqual([
			'scenes[0].camera.center: required with "zoom" (or use "fit")'
		]);
		expect(errorsOf((b) => (b.scenes[0].camera = {}))).toEqual([
			'scenes[0].camera: needs "fit", or "center" and "zoom"'
		]);
		expect(errorsOf((b) => (b.scenes[5].camera = { fit: [] }))).toEqual([
			'scenes[5].camera.fit: name at least one country to fit'
		]);
		expect(errorsOf((b) => (b.scenes[5].camera = { fit: ['France'] }))).toEqual([
			'scenes[5].camera.fit[0]: must be an ISO 3166-1 alpha-3 code, e.g. "FRA"'
		]);
		expect(errorsOf((b) => (b.scenes[5].camera = { fit: ['FRA', 'FRA'] }))).toEqual([
			'scenes[5].camera.fit[1]: country "FRA" is listed twice'
		]);
		expect(errorsOf((b) => (b.scenes[5].camera = { fit: ['FRA'], zom: 3 }))).toEqual([
			'scenes[5].camera.zom: unknown field'
		]);
	});

	it('accepts a fit to any country, listed or not', () => {
		const b = fresh();
		b.scenes[5].camera = { fit: ['FRA', 'DEU'] };
		expect(validateBriefing(b, paragraphs).ok).toBe(true);
	});

	it('a duplicate scene id, or one that is not a slug', () => {
		expect(errorsOf((b) => (b.scenes[4].id = b.scenes[1].id))).toEqual([
			'scenes[4].id: scene id "macron-to-moscow" is listed twice'
		]);
		expect(errorsOf((b) => (b.scenes[4].id = 'Russia demands'))).toEqual([
			'scenes[4].id: must be lower-case words joined by hyphens, e.g. "ru-buildup"'
		]);
	});

	it('an unknown field, missing notes, an empty or over-long title', () => {
		expect(errorsOf((b) => (b.scenes[2].note = 'x'))).toEqual(['scenes[2].note: unknown field']);
		expect(errorsOf((b) => delete b.scenes[2].notes)).toEqual([
			'scenes[2].notes: required (string)'
		]);
		expect(errorsOf((b) => (b.scenes[2].notes = '   '))).toEqual([
			'scenes[2].notes: must not be empty'
		]);
		expect(errorsOf((b) => (b.scenes[2].title = 'x'.repeat(101)))).toEqual([
			'scenes[2].title: keep it under 100 characters: it is shown large'
		]);
		expect(errorsOf((b) => (b.scenes = {}))).toEqual([
			'scenes: Invalid input: expected array, received object'
		]);
	});

	it('checks served scenes against the inlined paragraphs', () => {
		const b = servedRaw();
		const result = parseServedBriefing({
			...b,
			article: { ...b.article, paragraphs: paragraphs.slice(0, 10) }
		});
		expect(result.ok ? [] : result.errors).toContain(
			'scenes[9].paragraphs[0]: paragraph 11 is outside 1..10 (the article has 10)'
		);
	});
});

describe('sceneQuote', () => {
	it('gives the quoted paragraphs’ text, in the scene’s order', () => {
		const kyiv = scenes.find((s) => s.id === 'then-kyiv')!;
		expect(sceneQuote(briefing, kyiv)).toEqual([
			{ paragraph: 1, text: 'After that, the French President will visit Kyiv.' },
			{ paragraph: 3, text: paragraphs[2] }
		]);
		const reversed: Scene = { ...kyiv, paragraphs: [3, 1] };
		expect(sceneQuote(briefing, reversed).map((q) => q.paragraph)).toEqual([3, 1]);
	});

	it('skips numbers outside the article on a hand-built scene', () => {
		const scene: Scene = { ...scenes[0]!, paragraphs: [0, 2, 13, 1.5] };
		expect(sceneQuote(briefing, scene)).toEqual([{ paragraph: 2, text: paragraphs[1] }]);
	});
});

describe('clampScene', () => {
	it('keeps a scene in 1..count', () => {
		expect(clampScene(3, 10)).toBe(3);
		expect(clampScene(1, 10)).toBe(1);
		expect(clampScene(10, 10)).toBe(10);
		expect(clampScene(0, 10)).toBe(1);
		expect(clampScene(-4, 10)).toBe(1);
		expect(clampScene(11, 10)).toBe(10);
		expect(clampScene(Infinity, 10)).toBe(10);
		expect(clampScene(-Infinity, 10)).toBe(1);
		expect(clampScene(3.7, 10)).toBe(3);
		expect(clampScene(NaN, 10)).toBe(1);
		expect(clampScene(5, 1)).toBe(1);
	});

	it('gives 0 when there are no scenes', () => {
		expect(clampScene(1, 0)).toBe(0);
		expect(clampScene(NaN, 0)).toBe(0);
		expect(clampScene(3, NaN)).toBe(0);
	});
});

describe('stepScene', () => {
	const step = (current: number, action: SceneAction, count = 9) =>
		stepScene(current, action, count);

	it('steps forward and back', () => {
		expect(step(3, 'next')).toBe(4);
		expect(step(3, 'prev')).toBe(2);
		expect(step(3, 'first')).toBe(1);
		expect(step(3, 'last')).toBe(9);
	});

	it('stays at the ends rather than wrap round', () => {
		expect(step(9, 'next')).toBe(9);
		expect(step(1, 'prev')).toBe(1);
		expect(step(1, 'next', 1)).toBe(1);
		expect(step(1, 'prev', 1)).toBe(1);
	});

	it('clamps a stale or broken current scene first', () => {
		expect(step(40, 'prev')).toBe(8);
		expect(step(40, 'next')).toBe(9);
		expect(step(-2, 'next')).toBe(2);
		expect(step(NaN, 'next')).toBe(2);
		expect(step(NaN, 'prev')).toBe(1);
		expect(step(NaN, 'last')).toBe(9);
	});

	it('gives 0 when there are no scenes', () => {
		for (const action of ['next', 'prev', 'first', 'last'] as const) {
			expect(step(1, action, 0)).toBe(0);
		}
	});

	it('ignores an unknown action', () => {
		expect(step(4, 'jump' as SceneAction)).toBe(4);
	});
});

describe('hiddenLayers', () => {
	const all = [
		'FRA',
		'RUS',
		'UKR',
		'MLI',
		'HUN',
		'SVN',
		...briefing.overlays.map((o) => o.id),
		'labels'
	];

	it('hides every layer the scene does not show, in the given order', () => {
		const moscow = scenes.find((s) => s.id === 'macron-to-moscow')!;
		expect(hiddenLayers(moscow, all)).toEqual([
			'MLI',
			'HUN',
			'SVN',
			'troops-article',
			'troops-reported',
			'crimea',
			'contact-line'
		]);
	});

	it('ignores scene layers the map does not have, and hides all for a scene showing none', () => {
		const scene: Scene = { ...scenes[0]!, layers: ['GBR', 'labels'] };
		expect(hiddenLayers(scene, ['labels', 'route'])).toEqual(['route']);
		expect(hiddenLayers({ ...scene, layers: [] }, all)).toEqual(all);
		expect(hiddenLayers(scene, [])).toEqual([]);
	});
});
