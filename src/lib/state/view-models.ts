/**
 * What the page's components show, computed from the open briefing and the explore state: pure
 * functions, so the document store derives them and unit tests read them without a browser.
 */
import { SWATCHES } from '$lib/briefing/palette';
import type { ServedBriefing } from '$lib/briefing/passages';
import { sceneQuote } from '$lib/briefing/scenes';
import type { Bounds, CountryName } from '$lib/map/geodata';
import type { MapContent } from '$lib/map/briefing-map';
import { BASEMAP_LAYERS } from '$lib/briefing/overlay-styles';
import { overlayDefinitions, type OverlayDefinition } from '$lib/map/overlays';
import { roleLooks, type RoleLook, type StyledCountry } from '$lib/map/style';
import type { LayerItem } from '$lib/ui/LayersPanel.svelte';
import type { LegendRole } from '$lib/ui/Legend.svelte';
import { marksOf, type MarkModel } from '$lib/ui/mark-model';
import type { PresenterScene } from '$lib/ui/Presenter.svelte';

/** The briefing's overlays as the layers panel and the legend show them. */
export function overlaysOf(briefing: ServedBriefing | null): OverlayDefinition[] {
	return overlayDefinitions(briefing?.overlays ?? []);
}

/** The countries drawn by role: each with its primary (first) role, and its other roles. */
export function styledCountries(briefing: ServedBriefing | null): StyledCountry[] {
	return (
		briefing?.countries.flatMap((c) =>
			c.roles[0]
				? [
						{
							iso3: c.iso3,
							role: c.roles[0].role,
							secondary: c.roles.slice(1).map((r) => r.role)
						}
					]
				: []
		) ?? []
	);
}

/** Each role's colour and pattern. */
export function looksOf(briefing: ServedBriefing | null): RoleLook[] {
	return briefing ? roleLooks(briefing.roles, SWATCHES) : [];
}

/** What the map draws once the briefing is in (or has failed: nothing styled, no frame). */
export function mapContentOf(briefing: ServedBriefing | null) {
	return {
		countries: styledCountries(briefing),
		looks: looksOf(briefing),
		frame: (briefing?.frame.bounds as Bounds | undefined) ?? null,
		overlays: briefing?.overlays ?? []
	};
}

/** What the map draws of a briefing that changed after it opened (see BriefingMap.update). */
export function mapUpdateOf(briefing: ServedBriefing | null): MapContent {
	const { countries, looks, overlays } = mapContentOf(briefing);
	return { countries, looks, overlays, views: briefing ? countryViews(briefing) : {} };
}

/** Where each country's story happens (the briefing's views): what choosing it shows. */
export function countryViews(briefing: ServedBriefing): Record<string, Bounds> {
	return Object.fromEntries(
		briefing.countries.flatMap((c) => (c.view ? [[c.iso3, c.view as Bounds]] : []))
	);
}

/** Each overlay's readable marks, for the keyboard list and the mark panel. */
export function marksByOverlay(briefing: ServedBriefing | null): Map<string, MarkModel[]> {
	return new Map((briefing?.overlays ?? []).map((o) => [o.id, marksOf(o, briefing)]));
}

/** The mark of key `overlay/id`, or null when there is none. */
export function findMark(marks: Map<string, MarkModel[]>, key: string | null): MarkModel | null {
	if (!key) return null;
	return marks.get(key.split('/')[0]!)?.find((m) => m.key === key) ?? null;
}

/** Every layer a scene can show or hide: the styled countries, the overlays, the labels. */
export function layerIds(
	styled: readonly StyledCountry[],
	overlays: readonly OverlayDefinition[]
): string[] {
	return [...styled.map((c) => c.iso3), ...overlays.map((o) => o.id), ...BASEMAP_LAYERS];
}

/** The countries of the story, and every other country of the basemap, for the country list. */
export function countryLists(
	styled: readonly StyledCountry[],
	names: readonly CountryName[],
	nameOf: (iso3: string) => string
) {
	const inStory = new Set(styled.map((c) => c.iso3));
	return {
		featured: styled.map((c) => ({ iso3: c.iso3, name: nameOf(c.iso3) })),
		others: names.filter((c) => !inStory.has(c.iso3))
	};
}

/** The layer checkboxes, grouped: the story's countries, the military overlays, the context. */
export function layerGroups(
	featured: readonly { iso3: string; name: string }[],
	marks: Map<string, MarkModel[]>,
	overlays: readonly OverlayDefinition[]
): { id: string; label: string; items: LayerItem[] }[] {
	return [
		{
			id: 'countries',
			label: 'Countries',
			items: featured.map((c) => ({ id: c.iso3, label: c.name }))
		},
		...(['military', 'context'] as const).map((group) => ({
			id: group,
			label: group === 'military' ? 'Military' : 'Context',
			items: [
				...overlays
					.filter((o) => o.group === group)
					.map((o) => ({
						id: o.id,
						label: o.label,
						marks: marks.get(o.id)
					})),
				...(group === 'context' ? [{ id: 'labels', label: 'Labels' }] : [])
			]
		}))
	];
}

/**
 * The legend's roles, for the visible countries only. Each role lists its countries: first those
 * it is the main role of, then those that also have it (a second role, e.g. France also votes in
 * April), marked so. A role with no visible country is left out.
 */
export function legendRoles(
	looks: readonly RoleLook[],
	styled: readonly StyledCountry[],
	hidden: readonly string[],
	nameOf: (iso3: string) => string
): LegendRole[] {
	const shown = styled.filter((c) => !hidden.includes(c.iso3));
	return looks.flatMap((look) => {
		const countries = [
			...shown.filter((c) => c.role === look.id).map((c) => nameOf(c.iso3)),
			...shown
				.filter((c) => c.role !== look.id && c.secondary?.includes(look.id))
				.map((c) => `${nameOf(c.iso3)} (second role)`)
		];
		return countries.length ? [{ ...look, countries }] : [];
	});
}

/** The legend's overlay entries, for the visible overlays. */
export function legendOverlays(hidden: readonly string[], overlays: readonly OverlayDefinition[]) {
	return overlays
		.filter((o) => !hidden.includes(o.id))
		.map((o) => ({
			id: o.id,
			items: o.legend
		}));
}

/** The name of an overlay, as its checkbox says it. */
export function overlayLabel(overlays: readonly OverlayDefinition[], id: string): string {
	return overlays.find((o) => o.id === id)?.label ?? '';
}

/** Scene `index` (1-based) as the presenter's caption shows it, or null when there is none. */
export function presenterScene(
	briefing: ServedBriefing | null,
	index: number
): PresenterScene | null {
	const scene = briefing?.scenes[index - 1];
	return scene && briefing ? { title: scene.title, quotes: sceneQuote(briefing, scene) } : null;
}
