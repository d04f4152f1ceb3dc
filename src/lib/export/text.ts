/**
 * What a saved image or a printed page says besides the map: the briefing's title, its date and
 * what the view is, the legend of what is visible (as the sidebar's legend words it) and the
 * credits (as the Credits component words them). Pure: from the briefing and the hidden layers.
 */
import { formatDate, type ServedBriefing } from '$lib/briefing/passages';
import { hiddenLayers, type Scene } from '$lib/briefing/scenes';
import { creditsLine } from '$lib/ui/credits';
import {
	layerIds,
	legendOverlays,
	legendRoles,
	looksOf,
	overlaysOf,
	styledCountries
} from '$lib/state/view-models';
import type { PatternName } from '$lib/briefing/palette';
import type { ImageText, LegendEntry } from './layout';

/** The legend's entries for what is visible: roles with their countries, then overlay symbols. */
export function legendEntries(
	briefing: ServedBriefing,
	hidden: readonly string[],
	nameOf: (iso3: string) => string
): LegendEntry[] {
	const roles = legendRoles(looksOf(briefing), styledCountries(briefing), hidden, nameOf);
	const overlays = legendOverlays(hidden, overlaysOf(briefing));
	return [
		...roles.map((r): LegendEntry => ({
			kind: 'role',
			color: r.color,
			pattern: r.pattern as PatternName,
			label: r.label,
			text: r.countries.join(', ')
		})),
		...overlays.flatMap((o) =>
			o.items.map((i): LegendEntry => ({ kind: 'symbol', symbol: i.symbol, text: i.caption }))
		)
	];
}

/** The text of an image of the briefing: `what` says what it shows ("Scene 3: …", a country). */
export function imageText(
	briefing: ServedBriefing,
	hidden: readonly string[],
	nameOf: (iso3: string) => string,
	what?: string
): ImageText {
	return {
		title: briefing.title,
		subtitle: [`As of ${formatDate(briefing.asOf)}`, what].filter(Boolean).join(' · '),
		legend: legendEntries(briefing, hidden, nameOf),
		credits: creditsLine()
	};
}

/** The layers scene `scene` hides, of every layer the briefing can show or hide. */
export function sceneHidden(briefing: ServedBriefing, scene: Scene): string[] {
	return hiddenLayers(scene, layerIds(styledCountries(briefing), overlaysOf(briefing)));
}

/** Scene `index` (1-based) as an image's subtitle and file name say it. */
export function sceneLabel(scene: Scene, index: number) {
	return { what: `Scene ${index}: ${scene.title}`, view: `scene-${index}` };
}
