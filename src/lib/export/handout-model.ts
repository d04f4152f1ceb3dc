/**
 * What a printed handout says, page by page, from the briefing alone: a cover (title, date, the
 * roles and their countries), a page per scene (its quotes, the troop notes of its countries,
 * its speaker notes when asked for), a page per country of the story (the country panel's
 * content: roles, passages, notes), and a page of sources. Pure, so the pages are pinned by unit
 * tests; the handout component only renders it, as text (never as HTML).
 */
import { countryIndex, formatDate, type ServedBriefing } from '$lib/briefing/passages';
import { sceneQuote, type SceneQuote } from '$lib/briefing/scenes';
import { buildPanelModel, type PanelModel, type PanelNote } from '$lib/ui/panel-model';
import { CREDITS, creditText } from '$lib/ui/credits';
import { legendRoles, looksOf, styledCountries } from '$lib/state/view-models';
import type { LegendRole } from '$lib/ui/Legend.svelte';

export interface HandoutScene {
	/** 1-based. */
	index: number;
	title: string;
	quotes: SceneQuote[];
	/** The troop notes of the scene's countries, each once, in the briefing's order. */
	notes: PanelNote[];
	/** Only when the handout includes speaker notes. */
	speakerNotes?: string;
}

export interface HandoutModel {
	title: string;
	asOf: string;
	article: { title: string; published: string; note?: string };
	/** The roles with their countries (all of them: the cover lists the whole story). */
	roles: LegendRole[];
	scenes: HandoutScene[];
	/** The countries of the story, as their panels show them. */
	countries: PanelModel[];
	sources: {
		credits: string[];
		/** Every source the troop notes cite, each once, in words. */
		reports: { text: string; url?: string }[];
	};
}

/** The handout of `briefing`; `speakerNotes`: the scenes' speaker notes are printed too. */
export function handoutModel(
	briefing: ServedBriefing,
	nameOf: (iso3: string) => string,
	{ speakerNotes = false }: { speakerNotes?: boolean } = {}
): HandoutModel {
	const index = countryIndex(briefing);
	const looks = looksOf(briefing);
	const styled = styledCountries(briefing);
	const countries = briefing.countries.map((c) =>
		buildPanelModel(c.iso3, briefing, index, looks, nameOf)
	);
	const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
	const order = new Map(briefing.troopNotes.map((n, i) => [n.id, i]));
	const scenes = briefing.scenes.map((scene, i): HandoutScene => {
		const notes = new Map<string, PanelNote>();
		for (const iso3 of scene.countries) {
			const panel = byIso3.get(iso3) ?? buildPanelModel(iso3, briefing, index, looks, nameOf);
			for (const n of panel.notes) notes.set(n.id, n);
		}
		return {
			index: i + 1,
			title: scene.title,
			quotes: sceneQuote(briefing, scene),
			notes: [...notes.values()].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
			...(speakerNotes ? { speakerNotes: scene.notes } : {})
		};
	});
	const reports = new Map<string, { text: string; url?: string }>();
	for (const c of countries) {
		for (const n of c.notes) {
			if (n.provenance.startsWith('Source:'))
				reports.set(n.provenance, { text: n.provenance, url: n.url });
		}
	}
	return {
		title: briefing.title,
		asOf: formatDate(briefing.asOf),
		article: {
			title: briefing.article.title,
			// A span of days ("2022-02-07/08") is printed as written.
			published: briefing.article.published.includes('/')
				? briefing.article.published
				: formatDate(briefing.article.published),
			...(briefing.article.note ? { note: briefing.article.note } : {})
		},
		roles: legendRoles(looks, styled, [], nameOf),
		scenes,
		countries,
		sources: { credits: CREDITS.map(creditText), reports: [...reports.values()] }
	};
}
