/**
 * The rules across fields: ids that must exist and not repeat, paragraph numbers inside the
 * article, a role per look, scenes that show what they highlight. They run on every entry that is
 * right on its own, so one pass reports every problem (see View).
 */
import { z } from './zod';
import { BASEMAP_COUNTRIES, BASEMAP_REGIONS } from '../basemap';
import { gazetteerFor, type Gazetteer } from '../gazetteer';
import { LIMITS, type LimitName } from '../limits';
import { BASEMAP_LAYERS, OVERLAY_STYLES } from '../overlay-styles';
import { dayRange } from '../text.js';
import { countryEntrySchema, roleSchema } from './countries';
import { ISO3, iso3, slug } from './fields';
import { troopNoteSchema } from './notes';
import { overlaySourceSchema } from './overlays';
import { sceneSchema } from './scenes';

export type Path = (string | number)[];
export type Report = (path: Path, message: string) => void;

type Overlay = z.output<typeof overlaySourceSchema>;

/** What the rules read of a briefing of the right shape (either form). */
export interface BriefingParts {
	roles: z.output<typeof roleSchema>[];
	countries: z.output<typeof countryEntrySchema>[];
	troopNotes: z.output<typeof troopNoteSchema>[];
	overlays: Overlay[];
	scenes: z.output<typeof sceneSchema>[];
	/** The language tag; it chooses the built-in names that terms are checked against. */
	language?: string;
}

/**
 * What the rules across fields read. From a file of the right shape, everything; from one with
 * shape errors, each entry that is right on its own (the others are holes, already reported), so
 * that a typo in one scene does not hide an unknown role in a country: every problem the schema
 * can find is reported in one pass, not one round of fixes at a time.
 */
interface View {
	roles: readonly (z.output<typeof roleSchema> | undefined)[];
	/** Every role id the file defines; undefined when one is malformed (roles go unchecked). */
	roleIds: ReadonlySet<string> | undefined;
	countries: readonly (z.output<typeof countryEntrySchema> | undefined)[];
	/** Every country the file lists; undefined when one is malformed (listing goes unchecked). */
	listed: ReadonlySet<string> | undefined;
	troopNotes: readonly (z.output<typeof troopNoteSchema> | undefined)[];
	overlays: readonly (Overlay | undefined)[];
	/** Every overlay id the file defines; undefined when one is malformed (layers go unchecked). */
	overlayIds: ReadonlySet<string> | undefined;
	scenes: readonly (z.output<typeof sceneSchema> | undefined)[];
}

export function viewOf(b: BriefingParts): View {
	return {
		...b,
		roleIds: new Set(b.roles.map((r) => r.id)),
		listed: new Set(b.countries.map((c) => c.iso3)),
		overlayIds: new Set(b.overlays.map((o) => o.id))
	};
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** The view of a file that failed its shape: each entry that parses on its own, or a hole. */
export function viewOfRaw(raw: unknown): View {
	const b = isRecord(raw) ? raw : {};
	const entries = <T>(list: unknown, schema: z.ZodType<T>, limit: LimitName) =>
		(Array.isArray(list) ? list.slice(0, LIMITS[limit]) : []).map((item) => {
			const result = schema.safeParse(item);
			return result.success ? result.data : undefined;
		});
	// A malformed id is reported by the shape, and then every reference to it would be reported
	// again as unknown: with one, the references are not checked this round.
	const ids = (list: unknown, key: string, schema: z.ZodType<string>) => {
		if (!Array.isArray(list)) return undefined;
		const found = new Set<string>();
		for (const item of list) {
			const id = schema.safeParse(isRecord(item) ? item[key] : undefined);
			if (!id.success) return undefined;
			found.add(id.data);
		}
		return found;
	};
	return {
		roles: entries(b.roles, roleSchema, 'roles'),
		roleIds: ids(b.roles, 'id', slug),
		countries: entries(b.countries, countryEntrySchema, 'countries'),
		listed: ids(b.countries, 'iso3', iso3),
		troopNotes: entries(b.troopNotes, troopNoteSchema, 'troopNotes'),
		overlays: entries(b.overlays, overlaySourceSchema, 'overlays'),
		overlayIds: b.overlays === undefined ? new Set() : ids(b.overlays, 'id', slug),
		scenes: entries(b.scenes, sceneSchema, 'scenes')
	};
}

/** Reports each repeat after the first, where the editor has to delete it; holes are skipped. */
function reportRepeats<T>(
	items: readonly (T | undefined)[],
	path: Path,
	what: string,
	report: Report
) {
	const seen = new Set<T>();
	items.forEach((item, i) => {
		if (item === undefined) return;
		if (seen.has(item)) report([...path, i], `${what} ${JSON.stringify(item)} is listed twice`);
		seen.add(item);
	});
}

function checkParagraphs(
	numbers: readonly number[],
	path: Path,
	paragraphCount: number | undefined,
	report: Report
) {
	if (paragraphCount === undefined) return;
	numbers.forEach((n, i) => {
		if (n > paragraphCount) {
			report(
				[...path, i],
				`paragraph ${n} is outside 1..${paragraphCount} (the article has ${paragraphCount})`
			);
		}
	});
}

export function checkReferences(
	b: View,
	paragraphCount: number | undefined,
	report: Report,
	gazetteer: Gazetteer
) {
	const { roleIds, listed } = b;
	reportRepeats(
		b.roles.map((r) => r?.id),
		['roles'],
		'role id',
		(path, message) => report([...path, 'id'], message)
	);
	// The legend and the map must tell roles apart by more than their order.
	const looks = new Map<string, string>();
	b.roles.forEach((r, i) => {
		if (!r) return;
		const look = `${r.swatch}+${r.pattern}`;
		const first = looks.get(look);
		if (first !== undefined) {
			report(
				['roles', i],
				`role "${r.id}" looks the same as role "${first}" (${r.swatch}, ${r.pattern})`
			);
		} else looks.set(look, r.id);
	});

	reportRepeats(
		b.countries.map((c) => c?.iso3),
		['countries'],
		'country',
		(path, message) => report([...path, 'iso3'], message)
	);

	// A term may name only one country, or a mention could not say which country it names.
	const termOwner = new Map<string, string>();
	for (const [code, names] of Object.entries(gazetteer)) {
		const entry = b.countries.find((c) => c?.iso3 === code);
		for (const name of names) if (!entry?.terms.remove.includes(name)) termOwner.set(name, code);
	}

	b.countries.forEach((c, i) => {
		if (!c) return;
		const at = (...rest: Path): Path => ['countries', i, ...rest];
		c.roles.forEach((r, j) => {
			if (roleIds && !roleIds.has(r.role)) {
				report(
					at('roles', j, 'role'),
					`unknown role "${r.role}" (roles: ${[...roleIds].join(', ')})`
				);
			}
		});
		reportRepeats(
			c.roles.map((r) => r.role),
			at('roles'),
			'role',
			(path, message) => report([...path, 'role'], message)
		);

		c.related.forEach((code, j) => {
			if (code === c.iso3) report(at('related', j), `a country cannot be related to itself`);
			else if (listed && !listed.has(code)) {
				report(at('related', j), `"${code}" is not listed in countries`);
			}
		});
		reportRepeats(c.related, at('related'), 'country', report);

		const builtIns = gazetteer[c.iso3] ?? [];
		reportRepeats(c.terms.add, at('terms', 'add'), 'term', report);
		c.terms.add.forEach((term, j) => {
			const owner = termOwner.get(term);
			if (owner === c.iso3 && builtIns.includes(term)) {
				report(at('terms', 'add', j), `"${term}" is already a built-in name of ${c.iso3}`);
			} else if (owner !== undefined && owner !== c.iso3) {
				report(at('terms', 'add', j), `"${term}" already names ${owner}`);
			} else termOwner.set(term, c.iso3);
		});
		reportRepeats(c.terms.remove, at('terms', 'remove'), 'term', report);
		c.terms.remove.forEach((term, j) => {
			if (!builtIns.includes(term)) {
				report(
					at('terms', 'remove', j),
					`"${term}" is not a built-in name of ${c.iso3}, so there is nothing to remove`
				);
			}
		});

		reportRepeats(c.passages.add, at('passages', 'add'), 'paragraph', report);
		reportRepeats(c.passages.remove, at('passages', 'remove'), 'paragraph', report);
		checkParagraphs(c.passages.add, at('passages', 'add'), paragraphCount, report);
		checkParagraphs(c.passages.remove, at('passages', 'remove'), paragraphCount, report);
		const removed = new Set(c.passages.remove);
		c.passages.add.forEach((n, j) => {
			if (removed.has(n))
				report(at('passages', 'add', j), `paragraph ${n} is both added and removed`);
		});
	});

	reportRepeats(
		b.troopNotes.map((n) => n?.id),
		['troopNotes'],
		'note id',
		(path, message) => report([...path, 'id'], message)
	);
	b.troopNotes.forEach((note, i) => {
		if (!note) return;
		const at = (...rest: Path): Path => ['troopNotes', i, ...rest];
		note.concerns.forEach((code, j) => {
			if (listed && !listed.has(code)) {
				report(at('concerns', j), `"${code}" is not listed in countries`);
			}
		});
		reportRepeats(note.concerns, at('concerns'), 'country', report);
		if (note.provenance.kind === 'article') {
			reportRepeats(
				note.provenance.paragraphs,
				at('provenance', 'paragraphs'),
				'paragraph',
				report
			);
			checkParagraphs(
				note.provenance.paragraphs,
				at('provenance', 'paragraphs'),
				paragraphCount,
				report
			);
		}
		const { observed, geometry } = note;
		if (observed?.to !== undefined && dayRange(observed.to)[1] < dayRange(observed.from)[0]) {
			report(at('observed', 'to'), `ends (${observed.to}) before it starts (${observed.from})`);
		}
		if ('derive' in geometry) checkBorderZone(geometry, at, report);
		else if (geometry.type === 'Point' || geometry.type === 'MultiPoint') {
			if (geometry.type === 'MultiPoint' && geometry.names !== undefined) {
				if (geometry.names.length !== geometry.coordinates.length) {
					report(
						at('geometry', 'names'),
						`${geometry.names.length} names for ${geometry.coordinates.length} positions`
					);
				}
			}
			const precisions = geometry.type === 'Point' ? [geometry.precision] : geometry.precision;
			if (geometry.type === 'MultiPoint' && precisions.length !== geometry.coordinates.length) {
				report(
					at('geometry', 'precision'),
					`${precisions.length} precisions for ${geometry.coordinates.length} positions`
				);
			}
			precisions.forEach((p, j) => {
				if (p.level !== 'site' && p.at === undefined) {
					report(
						geometry.type === 'Point'
							? at('geometry', 'precision', 'at')
							: at('geometry', 'precision', j, 'at'),
						'required when the level is "town" or "region": the town or region where the point is marked'
					);
				}
			});
		}
	});

	checkOverlays(b, report);
	checkScenes(b, listed, paragraphCount, report);
}

type Geometry = z.output<typeof troopNoteSchema>['geometry'];

/**
 * What the derived geometry needs of a border zone (src/lib/geo/derive.js): a border between two
 * countries, and `inside` on one side of it, each of its regions one the map has a shape for.
 */
function checkBorderZone(
	zone: Extract<Geometry, { derive: string }>,
	at: (...rest: Path) => Path,
	report: Report
) {
	const [a, b] = zone.along;
	if (a === b) report(at('geometry', 'along', 1), 'a border needs two different countries');
	reportRepeats(zone.inside, at('geometry', 'inside'), 'region', report);
	const regions = [...BASEMAP_REGIONS.keys()].join(', ');
	zone.inside.forEach((id, j) => {
		const part = BASEMAP_REGIONS.get(id);
		if (part === undefined && !BASEMAP_COUNTRIES.has(id)) {
			report(
				at('geometry', 'inside', j),
				`"${id}" is neither a country of the basemap nor a region (regions: ${regions})`
			);
		} else if (!zone.along.includes(id) && !(part !== undefined && zone.along.includes(part))) {
			report(
				at('geometry', 'inside', j),
				`"${id}" is not on the border: name a country of along (${zone.along.join(', ')}) or a region of one`
			);
		}
	});
	if (a !== b && zone.along.every((code) => zone.inside.includes(code))) {
		report(
			at('geometry', 'inside'),
			'covers both sides of the border: leave the country across it out of inside'
		);
	}
}

function checkOverlays(b: View, report: Report) {
	reportRepeats(
		b.overlays.map((o) => o?.id),
		['overlays'],
		'overlay id',
		(path, message) => report([...path, 'id'], message)
	);
	const derived = new Map<string, number>();
	b.overlays.forEach((o, i) => {
		if (!o) return;
		const at = (...rest: Path): Path => ['overlays', i, ...rest];
		if ((BASEMAP_LAYERS as readonly string[]).includes(o.id)) {
			report(at('id'), `"${o.id}" is a layer of the basemap: choose another id`);
		}
		const symbols: readonly string[] = OVERLAY_STYLES[o.style];
		o.legend.forEach((item, j) => {
			if (!symbols.includes(item.symbol)) {
				report(
					at('legend', j, 'symbol'),
					`"${item.symbol}" is not a symbol of the "${o.style}" look (symbols: ${symbols.join(', ')})`
				);
			}
		});
		if (o.derived) {
			const first = derived.get(o.derived.provenance);
			if (first !== undefined) {
				report(
					at('derived'),
					`overlays[${first}] already draws the troop notes citing the ${o.derived.provenance}`
				);
			} else derived.set(o.derived.provenance, i);
		}
		if (typeof o.features === 'object') {
			reportRepeats(
				o.features.features.map((f) => f.properties.id),
				at('features', 'features'),
				'feature id',
				(path, message) => report([...path, 'properties', 'id'], message)
			);
		}
	});
}

function checkScenes(
	b: View,
	listed: ReadonlySet<string> | undefined,
	paragraphCount: number | undefined,
	report: Report
) {
	reportRepeats(
		b.scenes.map((s) => s?.id),
		['scenes'],
		'scene id',
		(path, message) => report([...path, 'id'], message)
	);
	const overlays = new Set<string>([...(b.overlayIds ?? []), ...BASEMAP_LAYERS]);
	const layerList = [...overlays].join(', ');
	b.scenes.forEach((scene, i) => {
		if (!scene) return;
		const at = (...rest: Path): Path => ['scenes', i, ...rest];
		reportRepeats(scene.paragraphs, at('paragraphs'), 'paragraph', report);
		checkParagraphs(scene.paragraphs, at('paragraphs'), paragraphCount, report);

		const shown = new Set(scene.layers);
		scene.countries.forEach((code, j) => {
			if (!listed) return;
			if (!listed.has(code)) report(at('countries', j), `"${code}" is not listed in countries`);
			else if (!shown.has(code)) {
				report(at('countries', j), `"${code}" is highlighted but hidden: add it to layers`);
			}
		});
		reportRepeats(scene.countries, at('countries'), 'country', report);

		scene.layers.forEach((id, j) => {
			if (!listed || !b.overlayIds || overlays.has(id) || listed.has(id)) return;
			report(
				at('layers', j),
				ISO3.test(id)
					? `"${id}" is not listed in countries, so it has no layer`
					: `unknown layer "${id}" (layers: a country listed in countries, or ${layerList})`
			);
		});
		reportRepeats(scene.layers, at('layers'), 'layer', report);

		if ('fit' in scene.camera) {
			reportRepeats(scene.camera.fit, at('camera', 'fit'), 'country', report);
		}
	});
}

/**
 * A schema with the rules across fields, for a briefing of the right shape. A shape error hides
 * them here: `validate` (schema.ts) runs them on each entry that is right on its own instead.
 */
export function withReferences<S extends z.ZodType<BriefingParts>>(
	schema: S,
	paragraphCount: (b: z.output<S>) => number | undefined
): S {
	return schema.superRefine(
		(b, ctx) =>
			checkReferences(
				viewOf(b),
				paragraphCount(b),
				(path, message) => ctx.addIssue({ code: 'custom', path, message }),
				gazetteerFor(b.language).names
			),
		{ when: (payload) => payload.issues.length === 0 }
	);
}
