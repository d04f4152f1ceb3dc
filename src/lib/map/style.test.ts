import {
	featureFilter,
	validateStyleMin,
	type FilterSpecification,
	type LayerSpecification,
	type SourceSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { SWATCHES } from '$lib/briefing/palette';
import { embedded } from '$lib/briefing/test-briefing';
import { CROWDED_LABELS_FROM, CROWDED_POINTS, MEASURE_SOURCE, measureLayers } from './overlays';
import {
	FINE_FROM_ZOOM,
	OUTLINE_SOURCE,
	buildStyle,
	countryLayerIds,
	NO_ROLE,
	ROLE_FILL_OPACITY,
	COLORS,
	alsoLayerIds,
	outlineLayers,
	over,
	roleLayerIds,
	roleState,
	presentingScale,
	roleLooks,
	scaledProperties,
	splitFine,
	type Geodata
} from './style';
import bounds from '../../../geodata/bounds.json';

const briefing = embedded();

/** Whether a role layer's filter takes the feature of this country. */
function drawsCountry(layer: LayerSpecification, iso3: string): boolean {
	const filter = (layer as { filter?: FilterSpecification }).filter;
	if (filter === undefined) return true;
	return featureFilter(filter, `${layer.id}.filter`).filter({ zoom: 0 }, {
		type: 3,
		properties: { iso3 },
		geometry: []
	} as never);
}

const geodata: Geodata = {
	world: '/_app/world.geojson',
	labels: '/_app/labels.geojson',
	countries: Object.fromEntries(
		['FRA', 'RUS', 'UKR', 'MLI', 'HUN', 'SVN'].map((c) => [c, `/_app/${c}.geojson`])
	)
};
const looks = roleLooks(briefing.roles, SWATCHES);
const styled = briefing.countries.flatMap((c) =>
	c.roles[0] ? [{ iso3: c.iso3, role: c.roles[0].role }] : []
);
const style = buildStyle(styled, looks, briefing.overlays, geodata);

describe('buildStyle', () => {
	it('is a valid MapLibre style', () => {
		expect(validateStyleMin(style)).toEqual([]);
		// ...and the validator does catch a broken one.
		const broken = structuredClone(style);
		(broken.layers[1] as { paint: Record<string, unknown> }).paint['fill-color'] = 42;
		expect(validateStyleMin(broken).length).toBeGreaterThan(0);
	});

	it('stays valid with the sources the map adds on first use: outlines, then the measure tool', () => {
		const empty: SourceSpecification = {
			type: 'geojson',
			data: { type: 'FeatureCollection', features: [] }
		};
		for (const id of [OUTLINE_SOURCE, MEASURE_SOURCE]) expect(style.sources[id]).toBeUndefined();
		const labels = style.layers.findIndex((l) => l.id === 'labels');
		const used = {
			...style,
			sources: { ...style.sources, [OUTLINE_SOURCE]: empty, [MEASURE_SOURCE]: empty },
			layers: [
				...style.layers.slice(0, labels),
				...outlineLayers(),
				...style.layers.slice(labels),
				...measureLayers()
			]
		};
		expect(validateStyleMin(used)).toEqual([]);
	});

	it('outlines the chosen country thicker than the hovered one, above the hovered one', () => {
		const [hover, chosen] = outlineLayers();
		expect(hover!.id).toBe('outline-hover');
		expect(chosen!.id).toBe('outline-chosen');
		expect(chosen!.paint!['line-width']).toBeGreaterThan(hover!.paint!['line-width'] as number);
	});

	it('fetches nothing from another host: no glyphs, no sprite, local sources only', () => {
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		for (const source of Object.values(style.sources)) {
			// A local file, or an inline collection (the 1:50m sources start empty, loaded on zoom).
			const data = (source as { data?: unknown }).data;
			if (typeof data === 'string') expect(data.startsWith('/_app/'), data).toBe(true);
			else expect(data).toMatchObject({ type: 'FeatureCollection' });
		}
	});

	it('gives each of the six countries its role layers, 1:110m far out and 1:50m close up', () => {
		for (const { iso3, role } of styled.filter((c) => geodata.countries[c.iso3])) {
			const fine = style.layers.find((l) => l.id === countryLayerIds(iso3).fill);
			const coarse = style.layers.find((l) => l.id === roleLayerIds().fill);
			expect(role, iso3).toBeTruthy();
			expect(fine, iso3).toMatchObject({ source: `country-${iso3}`, minzoom: FINE_FROM_ZOOM });
			expect(coarse, iso3).toMatchObject({ source: 'world', maxzoom: FINE_FROM_ZOOM });
			expect(drawsCountry(coarse!, iso3), iso3).toBe(true);
		}
		// A country with no 1:50m file (the United Kingdom here) is drawn from the 1:110m shape at
		// every zoom.
		const gbr = styled.find((c) => c.iso3 === 'GBR')!;
		expect(gbr.role).toBeTruthy();
		const everyZoom = style.layers.find((l) => l.id === roleLayerIds(true).fill)!;
		expect(everyZoom).toMatchObject({ source: 'world' });
		expect(everyZoom.maxzoom).toBeUndefined();
		expect(drawsCountry(everyZoom, 'GBR')).toBe(true);
		const stopping = style.layers.find((l) => l.id === roleLayerIds().fill);
		expect(stopping && drawsCountry(stopping, 'GBR')).toBeFalsy();
	});

	it('fills each country with the colour of its primary role, from its feature-state', () => {
		const fill = style.layers.find((l) => l.id === roleLayerIds().fill) as {
			paint: Record<string, unknown>;
		} & LayerSpecification;
		expect(JSON.stringify(fill.paint['fill-color'])).toContain('"feature-state","fill"');
		const look = looks.find((l) => l.id === 'mediator')!;
		const state = roleState(look);
		// The role's colour at its opacity over the land, as the map showed it before.
		expect(state.fill).toBe(over(look.color, COLORS.land, ROLE_FILL_OPACITY));
		expect(over('#000000', '#ffffff', 0.62)).toBe('#616161');
		expect(over('#0072b2', '#0072b2', 0.3)).toBe('#0072b2');
		expect(roleState(undefined)).toEqual(NO_ROLE);
		// Textured roles name their texture; a role without one is drawn by a dashed outline.
		for (const l of looks) {
			const s = roleState(l);
			expect(s.line ?? s.dash, l.id).toBe(l.color);
			if (l.pattern === 'none') expect(s.dash).toBe(l.color);
			if (l.pattern !== 'solid' && l.pattern !== 'none') expect(s.pattern).toBe(l.pattern);
		}
	});

	it('leaves the style as it is when a country changes role (the country’s state changes)', () => {
		const moved = styled.map((c) => (c.iso3 === 'FRA' ? { ...c, role: 'buildup' } : c));
		expect(moved).not.toEqual(styled);
		const world = (s: typeof style) =>
			s.layers.filter((l) => 'source' in l && l.source === 'world');
		expect(world(buildStyle(moved, looks, briefing.overlays, geodata))).toEqual(world(style));
		// A country joining changes the filters, though.
		const joined = buildStyle([...styled, { iso3: 'DEU', role: 'buildup' }], looks, [], geodata);
		expect(
			drawsCountry(
				joined.layers.find((l) => l.id === roleLayerIds(true).fill)!,
				'DEU'
			)
		).toBe(true);
	});

	it('draws the basemap with as many role layers for every country as for six', () => {
		const roles = ['mediator', 'buildup', 'threatened'];
		const all = Object.keys(bounds).sort();
		expect(all.length).toBeGreaterThan(150);
		const every: Geodata = {
			...geodata,
			countries: Object.fromEntries(all.map((c) => [c, `/_app/${c}.geojson`]))
		};
		const coarse = (n: number) => {
			const countries = all.slice(0, n).map((iso3, i) => ({
				iso3,
				role: roles[i % roles.length]!,
				secondary: [roles[(i + 1) % roles.length]!]
			}));
			const { first } = splitFine(buildStyle(countries, looks, [], every));
			return first.layers.filter((l) => 'source' in l && l.source === 'world');
		};
		const six = coarse(6);
		const every177 = coarse(all.length);
		expect(every177.map((l) => l.id)).toEqual(six.map((l) => l.id));
		// The basemap's own fill and borders, and per role a fill, texture, outline, secondary
		// texture and secondary outline at most.
		expect(every177.length).toBeLessThanOrEqual(2 + roles.length * 5);
		for (const iso3 of all) {
			expect(every177.filter((l) => drawsCountry(l, iso3)).length, iso3).toBeGreaterThan(0);
		}
	});

	it('draws every fill, texture and line by one shader each, as the roles vary theirs by feature', () => {
		// MapLibre compiles one shader for a paint value the same for every feature, another for one
		// that varies by feature: the roles' colours vary (feature-state), so the rest do too.
		const varies = (value: unknown) =>
			JSON.stringify(value ?? null).includes('"feature-state"') ||
			JSON.stringify(value ?? null).includes('"get"');
		const kinds = new Map<string, Set<boolean>>();
		const note = (program: string, value: unknown) =>
			kinds.set(program, (kinds.get(program) ?? new Set()).add(varies(value)));
		for (const layer of [...style.layers, ...outlineLayers()]) {
			const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
			if (layer.type === 'fill' && paint['fill-pattern'] !== undefined)
				note('texture', paint['fill-opacity']);
			else if (layer.type === 'fill') note('fill', paint['fill-color']);
			else if (layer.type === 'line') note('line', paint['line-color']);
		}
		expect(Object.fromEntries([...kinds].map(([k, v]) => [k, [...v]]))).toEqual({
			fill: [true],
			texture: [true],
			line: [true]
		});
		// The land is drawn as before: its colour for every feature, whatever its state.
		const land = style.layers.find((l) => l.id === 'world-fill') as {
			paint: Record<string, unknown>;
		};
		const color = land.paint['fill-color'] as unknown[];
		expect(color.slice(2)).toEqual([COLORS.land, COLORS.land]);
	});

	it('draws roles apart by a second cue besides colour', () => {
		const pairs = looks.map((l) => `${l.pattern}`);
		// Every role but one may be solid; the rest differ in texture (or dashed outline).
		expect(new Set(pairs).size).toBe(looks.length);
	});

	it('labels the article troop marks with their provenance and Crimea as occupied', () => {
		const ids = style.layers.map((l) => l.id);
		expect(ids).toContain('troops-article-labels');
		expect(ids).toContain('crimea-occupied');
		expect(ids).toContain('crimea-label');
		expect(JSON.stringify(style)).toContain('provenance');
	});
});

describe('overlays from the document', () => {
	const overlayOf = (l: { metadata?: unknown }) => (l.metadata as { overlay?: string })?.overlay;

	it('draws a layer set for each overlay of the briefing, named by its id', () => {
		const drawn = new Set(style.layers.map(overlayOf).filter((id) => id && id !== 'labels'));
		expect([...drawn].sort()).toEqual(briefing.overlays.map((o) => o.id).sort());
		for (const l of style.layers.filter((x) => overlayOf(x) && overlayOf(x) !== 'labels')) {
			expect(l.id.startsWith(`${overlayOf(l)}-`), l.id).toBe(true);
		}
	});

	it('draws any overlay of a look under its own id, and none for an empty one', () => {
		const route = briefing.overlays.find((o) => o.style === 'route')!;
		const renamed = { ...route, id: 'journey' };
		const empty = { ...route, id: 'nothing', features: { ...route.features, features: [] } };
		const ids = buildStyle([], looks, [renamed, empty], geodata).layers.map((l) => l.id);
		expect(ids).toEqual(expect.arrayContaining(['journey-line', 'journey-label']));
		expect(ids.filter((id) => id.startsWith('nothing'))).toEqual([]);
	});

	it('labels a crowded overlay’s points only from the zoom where they have room', () => {
		const troops = briefing.overlays.find((o) => o.id === 'troops-article')!;
		const point = troops.features.features.find((f) => f.geometry.type === 'Point')!;
		const withPoints = (n: number) => ({
			...troops,
			features: {
				...troops.features,
				features: Array.from({ length: n }, (_, i) => ({
					...point,
					properties: { ...point.properties, id: `p-${i}` }
				}))
			}
		});
		const minzoomOf = (n: number) =>
			buildStyle([], looks, [withPoints(n)], geodata).layers.find(
				(l) => l.id === 'troops-article-labels'
			)?.minzoom;
		// The embedded briefing's troops are labelled at every zoom...
		expect(minzoomOf(troops.features.features.length)).toBeUndefined();
		expect(minzoomOf(CROWDED_POINTS)).toBeUndefined();
		// ...a thousand are not labelled at a continent's zoom, where they would hide each other.
		expect(minzoomOf(CROWDED_POINTS + 1)).toBe(CROWDED_LABELS_FROM);
		expect(minzoomOf(1000)).toBe(CROWDED_LABELS_FROM);
		// A label layer that starts later still starts there.
		const reports = briefing.overlays.find((o) => o.style === 'reports')!;
		const many = { ...withPoints(1000), id: reports.id, style: reports.style };
		const reportLabels = buildStyle([], looks, [many], geodata).layers.find(
			(l) => l.id === `${reports.id}-labels`
		);
		expect(reportLabels?.minzoom).toBe(Math.max(4, CROWDED_LABELS_FROM));
	});

	it('puts areas under lines under points, and the first overlay’s labels on top', () => {
		const ids = style.layers.map((l) => l.id);
		const at = (id: string) => ids.indexOf(id);
		expect(at('troops-article-zone')).toBeLessThan(at('crimea-occupied'));
		expect(at('crimea-outline')).toBeLessThan(at('contact-line-line'));
		expect(at('route-line')).toBeLessThan(at('places-points'));
		// Symbols are placed from the top down: the article's troops are placed first.
		expect(at('places-labels')).toBeLessThan(at('troops-reported-labels'));
		expect(at('troops-reported-labels')).toBeLessThan(at('troops-article-labels'));
	});
});

describe('map text and marks for the screen', () => {
	const withAlso = buildStyle(
		briefing.countries.flatMap((c) =>
			c.roles[0]
				? [{ iso3: c.iso3, role: c.roles[0].role, secondary: c.roles.slice(1).map((r) => r.role) }]
				: []
		),
		looks,
		briefing.overlays,
		geodata
	);
	const value = (k: number, layer: string, name: string) =>
		scaledProperties(withAlso.layers, k).find((p) => p.layer === layer && p.name === name)?.value;

	it('starts story country names at 18 px on a 1080p screen, and keeps a floor on a small projector', () => {
		expect(presentingScale(1920, 1080)).toBe(1.2);
		expect(value(presentingScale(1920, 1080), 'labels-story', 'text-size')).toBe(18);
		expect(presentingScale(1024, 768)).toBeGreaterThan(1);
		expect(presentingScale(3840, 2160)).toBe(2.4);
	});

	it('gives the style its own sizes back at scale 1 (explore mode), from the same table', () => {
		for (const p of scaledProperties(withAlso.layers, 1)) {
			const layer = withAlso.layers.find((l) => l.id === p.layer) as unknown as Record<
				string,
				Record<string, unknown>
			>;
			expect(p.value).toEqual(layer[p.kind]![p.name]);
		}
		expect(value(2, 'places-points', 'circle-radius')).toBe(8);
	});

	it('places story names first, then marks’ space, overlay labels, story borders’ space, other names', () => {
		const ids = withAlso.layers.map((l) => l.id);
		const at = (id: string) => ids.indexOf(id);
		expect(at('labels-story')).toBe(ids.length - 1);
		expect(at('places-mark-space')).toBeGreaterThan(at('troops-article-labels'));
		expect(at('troops-reported-labels')).toBeGreaterThan(at('labels-space'));
		expect(at('labels-space')).toBeGreaterThan(at('labels'));
		// Crimea's hatch is drawn over the troop band.
		expect(at('crimea-occupied')).toBeGreaterThan(at('troops-article-zone'));
	});

	it('draws a secondary role (France also votes) as a second texture and outline', () => {
		const also = withAlso.layers.filter(
			(l) => (l.metadata as { secondary?: boolean } | undefined)?.secondary
		);
		expect(also.map((l) => l.id)).toContain('country-FRA-pattern-50m-also-election');
		// Far out, one layer per secondary role, over the countries that have it.
		const alsoElection = also.find((l) => l.id === alsoLayerIds('election').outline)!;
		expect(alsoElection).toMatchObject({ source: 'world', maxzoom: FINE_FROM_ZOOM });
		expect(drawsCountry(alsoElection, 'FRA')).toBe(true);
		expect(drawsCountry(alsoElection, 'HUN')).toBe(false);
		expect(validateStyleMin(withAlso)).toEqual([]);
	});
});
