/**
 * The map's style, built from the briefing's role table: one place decides what a role looks like,
 * and the legend reads the same table (`roleLooks`). Everything is local: GeoJSON files served from
 * the page's own origin, patterns drawn in memory, and no `glyphs` URL, so MapLibre draws label text
 * with the browser's own fonts (style spec, root `glyphs`: optional; without it `text-font` is a
 * CSS fallback list). No request leaves the origin.
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	LineLayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import { overlayLayers, overlaySource, type MapOverlay } from './overlays';
export { LABEL_SIZES, LABEL_SPACE_IMAGE, LABEL_SPACE_SIZE };
import type { PatternName } from '$lib/briefing/palette';
import { hasTexture } from './patterns';
import { COLORS, LABEL_FONTS, LABEL_SIZES, LABEL_SPACE_IMAGE, LABEL_SPACE_SIZE } from './theme';

export { COLORS, LABEL_FONTS };

export interface RoleDefinition {
	id: string;
	label: string;
	swatch: string;
	pattern: PatternName;
}

/** How a role is drawn: colour, texture, and the id of its registered pattern image. */
export interface RoleLook {
	id: string;
	label: string;
	color: string;
	pattern: PatternName;
	imageId: string;
}

/**
 * A country styled by its primary role (the first one in the briefing), which sets its fill; its
 * other roles (`secondary`, in the briefing's order) add their texture and a dashed inner outline.
 */
export interface StyledCountry {
	iso3: string;
	role: string;
	secondary?: string[];
}

/** Where the basemap's data comes from: the addresses of its files. */
export interface Geodata {
	/** URL of the 1:110m world. */
	world: string;
	/** URL of the country labels' points. */
	labels: string;
	/** URLs of the finer geometry, for the countries that have it, by ISO alpha-3. */
	countries: Record<string, string>;
}

export function roleLooks(
	roles: readonly RoleDefinition[],
	swatches: Readonly<Record<string, string>>
): RoleLook[] {
	return roles.map((r) => ({
		id: r.id,
		label: r.label,
		color: swatches[r.swatch] ?? '#999999',
		pattern: r.pattern,
		imageId: patternImageId(r.pattern)
	}));
}

/** The id of a texture's image: one per pattern, whichever roles draw it. */
export const patternImageId = (pattern: PatternName) => `pattern-${pattern}`;

/**
 * Below this zoom a country's role layers draw the world file's 1:110m shape; from it on, the
 * country's own 1:50m file. The finer files are then only fetched and tiled when someone zooms
 * in, which keeps the first load close to a bare basemap's (see `npm run bench`).
 */
export const FINE_FROM_ZOOM = 3.5;
/** From this zoom a wide country is named at its other label points too (see labels.geojson's `more`). */
export const MORE_LABELS_FROM_ZOOM = 3;

/**
 * Layer ids of one styled country's 1:50m layers (from its own source, once zoomed in): the fill
 * is what a click hits. Far out, its 1:110m shape is drawn by its roles' layers (`roleLayerIds`).
 */
export function countryLayerIds(iso3: string) {
	return {
		fill: `country-${iso3}-fill-50m`,
		pattern: `country-${iso3}-pattern-50m`,
		outline: `country-${iso3}-outline-50m`
	};
}

/**
 * Layer ids of the roles' layers on the basemap's 1:110m shapes. A country's primary role is drawn
 * by a few layers shared by every role, whose colours and texture come from the country's
 * feature-state (`roleState`): changing a country's role, or hiding it, then changes its state,
 * which MapLibre draws in the next frame, where a changed filter would make it cut every tile of
 * the world again (a third of a second with every country styled). Their filters hold the story's
 * countries, which change only when a country joins or leaves. `allZooms`: the countries with no
 * 1:50m file of their own, drawn from the 1:110m shape at every zoom; the others' stop at
 * FINE_FROM_ZOOM, where their own layers take over.
 */
export function roleLayerIds(allZooms = false) {
	const suffix = allZooms ? '' : '-coarse';
	return {
		fill: `roles-fill${suffix}`,
		pattern: (pattern: PatternName) => `roles-pattern-${pattern}${suffix}`,
		outline: `roles-outline${suffix}`,
		dashed: `roles-dashed${suffix}`
	};
}

/**
 * Layer ids of a secondary role's layers (a country's other roles add their texture and a dashed
 * inner line; few countries have one, so these still filter by country).
 */
export function alsoLayerIds(role: string, allZooms = false) {
	const suffix = allZooms ? '-all-zooms' : '';
	return {
		pattern: `role-${role}-also-pattern${suffix}`,
		outline: `role-${role}-also-outline${suffix}`
	};
}

/**
 * The feature-state of a styled country on the basemap's shapes, read by the roles' layers: its
 * fill (the role's colour over the land, opaque), its texture, and its outline, solid or dashed.
 * Every key is set (null: not drawn), so a new state replaces the old one whole. A hidden country,
 * or one no longer in the story, gets `NO_ROLE`.
 */
export interface RoleState {
	/** The role's id: what a test, or a query of what is drawn, reads. */
	role: string | null;
	fill: string | null;
	pattern: PatternName | null;
	line: string | null;
	dash: string | null;
}

export const NO_ROLE: RoleState = { role: null, fill: null, pattern: null, line: null, dash: null };

/** How opaque a role's colour is over the land (the legend's swatches show the same). */
export const ROLE_FILL_OPACITY = 0.62;

/** `color` at `opacity` over `under` (both #rrggbb): the colour a person sees, as #rrggbb. */
export function over(color: string, under: string, opacity: number): string {
	const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
	const top = rgb(color);
	const bottom = rgb(under);
	if ([...top, ...bottom].some((v) => Number.isNaN(v))) return color;
	return `#${top
		.map((c, i) => Math.round(c * opacity + bottom[i]! * (1 - opacity)))
		.map((c) => c.toString(16).padStart(2, '0'))
		.join('')}`;
}

export function roleState(look: RoleLook | undefined): RoleState {
	if (!look) return NO_ROLE;
	return {
		role: look.id,
		fill: over(look.color, COLORS.land, ROLE_FILL_OPACITY),
		pattern: hasTexture(look.pattern) ? look.pattern : null,
		// 'none' draws the role by a dashed outline alone, so it still differs from plain land.
		line: look.pattern === 'none' ? null : look.color,
		dash: look.pattern === 'none' ? look.color : null
	};
}

/**
 * What a role layer of the basemap that filters by country (a secondary role's) carries in its
 * metadata: its role, and the countries it draws (the map takes hidden ones out of its filter).
 */
export interface RoleGroupMetadata {
	role: string;
	secondary?: boolean;
	countries: string[];
}

/**
 * The filter of a role layer of the basemap: the features of these countries. A `match` on a
 * list is a lookup, not a walk along it, for each of the basemap's features in each tile.
 */
export function countriesFilter(iso3s: readonly string[]): FilterSpecification {
	return iso3s.length ? ['match', ['get', 'iso3'], [...iso3s], true, false] : false;
}

export function countrySourceId(iso3: string, geodata: Geodata): string {
	return geodata.countries[iso3] ? `country-${iso3}` : 'world';
}

/**
 * Splits a style into what the first view needs and the 1:50m part (the countries' own sources and
 * the layers drawing them), which the map adds the first time it zooms in: at the story's frame
 * those layers are not drawn, and every source loaded at start costs the worker time and the
 * renderer extra frames before the map settles.
 */
export function splitFine(style: StyleSpecification): {
	first: StyleSpecification;
	fine: { sources: StyleSpecification['sources']; layers: LayerSpecification[] };
} {
	const fineIds = Object.keys(style.sources).filter((id) => id.startsWith('country-'));
	const isFine = (l: LayerSpecification) => 'source' in l && fineIds.includes(l.source as string);
	return {
		first: {
			...style,
			sources: Object.fromEntries(
				Object.entries(style.sources).filter(([id]) => !fineIds.includes(id))
			),
			layers: style.layers.filter((l) => !isFine(l))
		},
		fine: {
			sources: Object.fromEntries(fineIds.map((id) => [id, style.sources[id]!])),
			layers: style.layers.filter(isFine)
		}
	};
}

/** Whether a boolean feature-state is set on the feature. */
function stateIs(state: string): ExpressionSpecification {
	return ['boolean', ['feature-state', state], false];
}

/** Selected by a click, or highlighted by a scene of the presentation. */
const chosen: ExpressionSpecification = ['any', stateIs('selected'), stateIs('highlight')];
const hovered = stateIs('hover');

/**
 * The outline that marks a country chosen (thick) or under the pointer (thinner, lighter): one
 * line layer for both, drawn only where a state is set (elsewhere its width is 0). Used on the
 * 1:50m sources, which exist only once the map has zoomed in.
 */
function outlinePaint(): LineLayerSpecification['paint'] {
	return {
		'line-color': COLORS.selected,
		'line-width': ['case', chosen, 3, hovered, 2, 0],
		'line-opacity': ['case', chosen, 1, hovered, 0.7, 0]
	};
}

/**
 * The source of the basemap's outlines of the countries chosen (selected or highlighted) and
 * hovered: the map fills it with just those countries, and adds it on first use. Outlining them
 * through feature-state instead would draw every border of the world a second time, in a shader
 * of its own, in every frame from the first.
 */
export const OUTLINE_SOURCE = 'outline';

/** Which mark an outline feature carries (its `mark` property). */
export type OutlineMark = 'chosen' | 'hover';

/**
 * The outline layers over the basemap, from `OUTLINE_SOURCE`, in one colour of constant width.
 * A country with a 1:50m source (`fine` in the outline feature) is outlined from it once the map
 * has zoomed in (`country-XXX-selected`), so its basemap outline stops there: one outline at any zoom.
 */
export function outlineLayers(): LineLayerSpecification[] {
	const line = (mark: OutlineMark, width: number, opacity: number, fine: boolean) =>
		({
			id: `outline-${mark}${fine ? '-coarse' : ''}`,
			type: 'line',
			source: OUTLINE_SOURCE,
			filter: ['all', ['==', ['get', 'mark'], mark], ['==', ['get', 'fine'], fine]],
			...(fine ? { maxzoom: FINE_FROM_ZOOM } : {}),
			paint: { 'line-color': COLORS.selected, 'line-width': width, 'line-opacity': opacity }
		}) satisfies LineLayerSpecification;
	return oneShaderEach(
		[false, true].flatMap((fine) => [line('hover', 2, 0.7, fine), line('chosen', 3, 1, fine)])
	);
}

export const WORLD_FILL = 'world-fill';

/** The paint of a role's fill, texture and outline, and of a secondary role's texture and line. */
const rolePaint = {
	// No antialiasing pass: the outline layer above draws the edge anyway. The opacity is
	// constant (hover shows as an outline): a fill whose opacity varies by feature needs a
	// shader of its own, and compiling each shader is a cost of the first view.
	fill: (look: RoleLook) => ({
		'fill-color': look.color,
		'fill-opacity': ROLE_FILL_OPACITY,
		'fill-antialias': false
	}),
	pattern: (look: RoleLook) => ({ 'fill-pattern': look.imageId, 'fill-antialias': false }),
	outline: (look: RoleLook) => ({
		'line-color': look.color,
		'line-width': 1.6,
		// 'none' draws the role by a dashed outline alone, so it still differs from plain land.
		...(look.pattern === 'none' ? { 'line-dasharray': [3, 2] } : {})
	}),
	// A secondary role's colour as a dashed line just inside the border, so "also votes in April"
	// reads on the map and not only in the panel.
	alsoOutline: (look: RoleLook) => ({
		'line-color': look.color,
		'line-width': 3,
		'line-offset': 2.5,
		'line-dasharray': [2, 1.5]
	})
} satisfies Record<string, (look: RoleLook) => Record<string, unknown>>;

/** The fill, texture and outline that show one country's roles, from its own 1:50m source. */
function countryRoleLayers(
	iso3: string,
	look: RoleLook,
	source: string,
	secondary: readonly RoleLook[]
): LayerSpecification[] {
	const ids = countryLayerIds(iso3);
	const common = {
		source,
		filter: ['==', ['get', 'iso3'], iso3] as ExpressionSpecification,
		metadata: { iso3, role: look.id },
		minzoom: FINE_FROM_ZOOM
	};
	const layers: LayerSpecification[] = [
		{ id: ids.fill, type: 'fill', ...common, paint: rolePaint.fill(look) }
	];
	if (hasTexture(look.pattern)) {
		layers.push({ id: ids.pattern, type: 'fill', ...common, paint: rolePaint.pattern(look) });
	}
	layers.push({ id: ids.outline, type: 'line', ...common, paint: rolePaint.outline(look) });
	// Each secondary role: its texture over the primary fill, and its dashed line.
	for (const also of secondary) {
		const meta = { ...common, metadata: { iso3, role: also.id, secondary: true } };
		if (hasTexture(also.pattern)) {
			layers.push({
				id: `${ids.pattern}-also-${also.id}`,
				type: 'fill',
				...meta,
				paint: rolePaint.pattern(also)
			});
		}
		layers.push({
			id: `${ids.outline}-also-${also.id}`,
			type: 'line',
			...meta,
			paint: rolePaint.alsoOutline(also)
		});
	}
	return layers;
}

/** A feature-state no feature is given: reading it makes a paint value vary by feature. */
const UNSET_STATE = 'unset';

/** `value` for every feature, written as a value that could vary by feature (see `oneShaderEach`). */
function perFeature(value: unknown): ExpressionSpecification {
	return ['case', ['boolean', ['feature-state', UNSET_STATE], false], value, value] as never;
}

const isConstant = (value: unknown) => value !== undefined && !Array.isArray(value);

/**
 * The layers as drawn by one shader each for fills, textures and lines: MapLibre compiles a shader
 * of its own for a paint value that varies by feature and for one that does not, and the roles'
 * colours vary by feature (feature-state, so that a role changes without cutting a tile). Under a
 * software renderer each compiled shader costs the first view tens of milliseconds, so the other
 * fills, textures and lines (the land, the borders, the overlays) give the same value to every
 * feature in the same varying form: a fill's colour, a texture's opacity, a line's colour, as
 * the roles' layers vary them. What they draw does not change.
 */
export function oneShaderEach<L extends LayerSpecification>(layers: readonly L[]): L[] {
	return layers.map((layer) => {
		const paint = { ...(layer.paint ?? {}) } as Record<string, unknown>;
		if (layer.type === 'fill' && paint['fill-pattern'] !== undefined) {
			if (Array.isArray(paint['fill-opacity'])) return layer;
			paint['fill-opacity'] = perFeature(paint['fill-opacity'] ?? 1);
		} else if (layer.type === 'fill') {
			for (const key of ['fill-color', 'fill-outline-color'])
				if (isConstant(paint[key])) paint[key] = perFeature(paint[key]);
		} else if (layer.type === 'line' && isConstant(paint['line-color'])) {
			paint['line-color'] = perFeature(paint['line-color']);
		} else return layer;
		return { ...layer, paint };
	});
}

/**
 * The role layers of the basemap's 1:110m shapes. The primary roles' (see `roleLayerIds`): one
 * fill, one layer per texture the roles use, a solid and a dashed outline, each drawing a country
 * as its feature-state says (`roleState`). Then, for each secondary role, its texture and dashed
 * line over the countries that have it. In the order a country's own layers stack (fills,
 * textures, outlines, then the secondary roles'), so each country looks as if drawn alone: no
 * neighbour's fill covers its outline. `fine`: the countries drawn from their own 1:50m source
 * once zoomed in, whose layers stop at FINE_FROM_ZOOM; the others are drawn at every zoom.
 */
function roleGroupLayers(
	countries: readonly { iso3: string; look: RoleLook; also: readonly RoleLook[] }[],
	looks: readonly RoleLook[],
	fine: (iso3: string) => boolean
): LayerSpecification[] {
	const layers: { rank: number; layer: LayerSpecification }[] = [];
	const add = (rank: number, layer: LayerSpecification) => layers.push({ rank, layer });
	const textures = [...new Set(looks.map((l) => l.pattern).filter(hasTexture))];
	const dashed = looks.some((l) => l.pattern === 'none');
	const none = 'rgba(0, 0, 0, 0)';
	const stateColor = (key: keyof RoleState): ExpressionSpecification => [
		'to-color',
		['feature-state', key],
		none
	];
	for (const allZooms of [false, true]) {
		const here = countries.filter((c) => fine(c.iso3) !== allZooms);
		if (!here.length) continue;
		const ids = roleLayerIds(allZooms);
		const zoom = allZooms ? {} : { maxzoom: FINE_FROM_ZOOM };
		const common = {
			source: 'world',
			filter: countriesFilter(here.map((c) => c.iso3)),
			metadata: { roles: true },
			...zoom
		};
		// No antialiasing pass: the outline layer above draws the edge anyway.
		add(0, {
			id: ids.fill,
			type: 'fill',
			...common,
			paint: { 'fill-color': stateColor('fill'), 'fill-antialias': false }
		});
		for (const pattern of textures) {
			add(1, {
				id: ids.pattern(pattern),
				type: 'fill',
				...common,
				paint: {
					'fill-pattern': patternImageId(pattern),
					'fill-opacity': ['case', ['==', ['feature-state', 'pattern'], pattern], 1, 0],
					'fill-antialias': false
				}
			});
		}
		add(2, {
			id: ids.outline,
			type: 'line',
			...common,
			paint: { 'line-color': stateColor('line'), 'line-width': 1.6 }
		});
		if (dashed) {
			add(2, {
				id: ids.dashed,
				type: 'line',
				...common,
				paint: { 'line-color': stateColor('dash'), 'line-width': 1.6, 'line-dasharray': [3, 2] }
			});
		}
		looks.forEach((look, i) => {
			const secondary = here.filter((c) => c.also.includes(look)).map((c) => c.iso3);
			if (!secondary.length) return;
			const alsoIds = alsoLayerIds(look.id, allZooms);
			const group = {
				source: 'world',
				filter: countriesFilter(secondary),
				metadata: {
					role: look.id,
					secondary: true,
					countries: secondary
				} satisfies RoleGroupMetadata,
				...zoom
			};
			// After the primary layers, in the roles' order.
			if (hasTexture(look.pattern)) {
				add(3 + i / looks.length, {
					id: alsoIds.pattern,
					type: 'fill',
					...group,
					paint: rolePaint.pattern(look)
				});
			}
			add(4 + i / looks.length, {
				id: alsoIds.outline,
				type: 'line',
				...group,
				paint: rolePaint.alsoOutline(look)
			});
		});
	}
	// (A stable sort: at one rank, the countries with a 1:50m file come first.)
	return layers.sort((a, b) => a.rank - b.rank).map((l) => l.layer);
}

export function buildStyle(
	countries: readonly StyledCountry[],
	looks: readonly RoleLook[],
	overlays: readonly MapOverlay[],
	geodata: Geodata
): StyleSpecification {
	const lookOf = new Map(looks.map((l) => [l.id, l]));
	// Sources load in this order. The ones with labels come first, so their tiles tend to be placed
	// before the basemap's larger tiles arrive: labels among the last tiles cost the first view one
	// more frame, to place them again.
	const sources: StyleSpecification['sources'] = {
		overlays: overlaySource(overlays),
		labels: { type: 'geojson', data: geodata.labels },
		world: { type: 'geojson', data: geodata.world, promoteId: 'iso3' }
	};

	const layers: LayerSpecification[] = [
		{ id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
		{ id: WORLD_FILL, type: 'fill', source: 'world', paint: { 'fill-color': COLORS.land } }
	];

	// Each country's primary look and its secondary ones (once each, and not its primary again).
	const drawn = countries.flatMap(({ iso3, role, secondary = [] }) => {
		const look = lookOf.get(role);
		if (!look) return [];
		const also = [...new Set(secondary)].flatMap((r) =>
			r !== role && lookOf.get(r) ? [lookOf.get(r)!] : []
		);
		return [{ iso3, look, also }];
	});
	const hasFine = (iso3: string) => countrySourceId(iso3, geodata) !== 'world';
	// Far out, the roles' layers over the 1:110m shapes; close up, each country's own (its source
	// is its own file, so its layers are too: they are only added once the map zooms in).
	layers.push(...roleGroupLayers(drawn, looks, hasFine));
	for (const { iso3, look, also } of drawn) {
		if (!hasFine(iso3)) continue;
		const fineSource = countrySourceId(iso3, geodata);
		sources[fineSource] = { type: 'geojson', data: geodata.countries[iso3]!, promoteId: 'iso3' };
		layers.push(...countryRoleLayers(iso3, look, fineSource, also));
	}

	const overlayLayerList = overlayLayers(overlays);
	const isMarkSpace = (l: LayerSpecification) => l.id.endsWith('-mark-space');
	layers.push(
		{
			id: 'world-borders',
			type: 'line',
			source: 'world',
			paint: { 'line-color': COLORS.border, 'line-width': 0.6 }
		},
		...overlayLayerList.filter((l) => l.type !== 'symbol')
	);

	// The styled countries' own finer outline when hovered or selected, over the coarse world one
	// (close up, the pointer is over their 1:50m fill, so hover is marked on their own source).
	for (const { iso3 } of countries) {
		const source = countrySourceId(iso3, geodata);
		if (source === 'world') continue;
		layers.push({
			id: `country-${iso3}-selected`,
			type: 'line',
			source,
			minzoom: FINE_FROM_ZOOM,
			paint: outlinePaint()
		});
	}
	// (The outlines of the countries chosen or hovered go here, below the labels, once there are
	// any: OUTLINE_SOURCE.)

	// Labels. MapLibre places symbols from the top layer down, so the list below runs from the last
	// placed to the first: the story countries' names (always placed: a small country's name may
	// then cover a mark next to it), the marks' space, the overlays' labels, the space of the story
	// countries, then every other country's name.
	const story = countries.map((c) => c.iso3);
	const focus: ExpressionSpecification = ['in', ['get', 'iso3'], ['literal', story]];
	// A wide country (Russia) has more label points than its main one: they are named from zoom
	// MORE_LABELS_FROM_ZOOM (a world view would repeat the name), and only where there is room.
	const more: ExpressionSpecification = ['==', ['get', 'more'], true];
	const labelLayer = (id: string, storyOnly: boolean, extra = false): LayerSpecification => ({
		id,
		metadata: { overlay: 'labels' },
		type: 'symbol',
		source: 'labels',
		...(extra ? { minzoom: MORE_LABELS_FROM_ZOOM } : {}),
		filter: ['all', storyOnly ? focus : ['!', focus], extra ? more : ['!', more]],
		layout: {
			'text-field': ['get', 'name'],
			'text-font': LABEL_FONTS,
			'text-size': storyOnly ? LABEL_SIZES.story : LABEL_SIZES.other,
			'text-max-width': 8,
			// A story country's name moves beside its label point rather than go missing.
			...(storyOnly && !extra
				? {
						'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
						'text-radial-offset': 0.6
					}
				: {})
		},
		paint: {
			'text-color': COLORS.text,
			'text-halo-color': COLORS.halo,
			'text-halo-width': storyOnly ? 2 : 1.6
		}
	});
	layers.push(labelLayer('labels', false));
	layers.push(labelLayer('labels-more', false, true), labelLayer('labels-story-more', true, true));
	// The story countries' space: invisible squares all along their borders, placed before the
	// other countries' names, so none of those lands on a story country's fill (a room would read
	// it as the country with the role). At both resolutions, as the fills.
	const space = (
		id: string,
		source: string,
		iso3s: string[],
		zoom: object
	): LayerSpecification => ({
		id,
		type: 'symbol',
		source,
		filter: ['in', ['get', 'iso3'], ['literal', iso3s]],
		...zoom,
		layout: {
			'symbol-placement': 'line',
			'symbol-spacing': LABEL_SPACE_SIZE - 2,
			'icon-image': LABEL_SPACE_IMAGE,
			'icon-allow-overlap': true,
			'icon-rotation-alignment': 'viewport',
			'icon-padding': 0
		},
		paint: { 'icon-opacity': 0 }
	});
	const fineOnes = story.filter((iso3) => countrySourceId(iso3, geodata) !== 'world');
	const coarseOnly = story.filter((iso3) => !fineOnes.includes(iso3));
	if (coarseOnly.length) layers.push(space('labels-space', 'world', coarseOnly, {}));
	if (fineOnes.length) {
		layers.push(space('labels-space-coarse', 'world', fineOnes, { maxzoom: FINE_FROM_ZOOM }));
	}
	for (const iso3 of fineOnes) {
		// Close up, the 1:50m border, from its own source.
		layers.push(
			space(`country-${iso3}-space`, countrySourceId(iso3, geodata), [iso3], {
				minzoom: FINE_FROM_ZOOM
			})
		);
	}
	layers.push(
		...overlayLayerList.filter((l) => l.type === 'symbol' && !isMarkSpace(l)),
		...overlayLayerList.filter(isMarkSpace),
		labelLayer('labels-story', true)
	);

	return {
		version: 8,
		name: 'Briefing map',
		sources,
		layers: oneShaderEach(layers)
	} satisfies StyleSpecification;
}

/**
 * Presenting: how much larger than when exploring the map's text and marks are drawn on a screen
 * of this size (the map's own size, which fills the screen while presenting). The projector
 * theme starts story countries' names at 18 px on a 1920×1080 screen (15 × 1.2) and grows with
 * the screen (24 px at 2560×1440, 36 px at 3840×2160); smaller screens keep a floor above the
 * explore size, so a 1024×768 projector still reads from the back of a room.
 */
export function presentingScale(width: number, height: number): number {
	const k = 1.2 * Math.min(width / 1920, height / 1080);
	return Math.round(Math.min(3, Math.max(1.15, k)) * 100) / 100;
}

/** The layout and paint properties that grow with the presenting scale: text, marks, lines. */
const SCALED = {
	layout: ['text-size', 'icon-size'],
	paint: ['text-halo-width', 'circle-radius', 'circle-stroke-width', 'line-width', 'line-offset']
} as const;

type Scaled = unknown;

function scaleValue(v: Scaled, k: number): Scaled {
	if (typeof v === 'number') return Math.round(v * k * 100) / 100;
	if (!Array.isArray(v)) return v;
	const [op, ...args] = v as [string, ...unknown[]];
	// ['case', cond, out, cond, out, ..., fallback]: scale the outputs.
	if (op === 'case') {
		return [
			op,
			...args.map((a, i) => (i % 2 === 1 || i === args.length - 1 ? scaleValue(a, k) : a))
		];
	}
	// ['interpolate' | 'step', type?, input, stop, out, ...]: scale the outputs (zoom stays on top).
	if (op === 'interpolate') {
		const [type, input, ...stops] = args;
		return [op, type, input, ...stops.map((a, i) => (i % 2 === 1 ? scaleValue(a, k) : a))];
	}
	if (op === 'step') {
		const [input, first, ...stops] = args;
		return [
			op,
			input,
			scaleValue(first, k),
			...stops.map((a, i) => (i % 2 === 1 ? scaleValue(a, k) : a))
		];
	}
	return ['*', v, k];
}

/**
 * The values of every scaled property of `layers` (the style's own, i.e. the explore sizes) at
 * scale `k`: one table, the style, for both modes. `k` = 1 gives the style's values back.
 */
export function scaledProperties(
	layers: readonly LayerSpecification[],
	k: number
): { layer: string; kind: 'layout' | 'paint'; name: string; value: unknown }[] {
	const out: { layer: string; kind: 'layout' | 'paint'; name: string; value: unknown }[] = [];
	for (const layer of layers) {
		for (const kind of ['layout', 'paint'] as const) {
			const props = (layer as { [key: string]: unknown })[kind] as
				Record<string, unknown> | undefined;
			for (const name of SCALED[kind]) {
				const base = props?.[name];
				if (base === undefined) continue;
				out.push({ layer: layer.id, kind, name, value: k === 1 ? base : scaleValue(base, k) });
			}
		}
	}
	return out;
}
