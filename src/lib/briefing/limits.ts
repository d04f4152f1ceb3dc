/**
 * The limits of a briefing file, in one table: the schema checks each of them and names it in its
 * error ("…, the limit is 5,000 (paragraphChars)"), and the README lists them. Each is set well
 * above what a real briefing reaches (the embedded one, src/content/feb-2022, is given in
 * brackets) and well below what freezes a page: a panel of a 10 MB paragraph, or of 100,000
 * mentions, took seconds to minutes to open.
 */
export const LIMITS = {
	// The article (served with the briefing, one string per paragraph).
	/** Paragraphs in the article (12). */
	paragraphs: 200,
	/** Characters in one paragraph (284). */
	paragraphChars: 5_000,
	/** Characters in the whole article, about 35,000 words (2,695). */
	articleChars: 200_000,

	// Lists.
	/** Roles a briefing defines (6). */
	roles: 24,
	/** Roles given to one country (2). */
	rolesPerCountry: 6,
	/** Countries a briefing lists (9): every country of the basemap (177) fits. */
	countries: 250,
	/** Troop notes (9): the benchmark shows the page coping with 2,000 (npm run bench). */
	troopNotes: 2_000,
	/** Presentation scenes (10). */
	scenes: 50,
	/** Terms one country adds, and terms it removes (4). */
	termsPerCountry: 30,
	/** Related countries of one country (7). */
	relatedPerCountry: 50,
	/** Paragraphs one country adds to its passages, and paragraphs it removes (0). */
	passagesPerCountry: 200,
	/** Countries a troop note concerns (3). */
	concerns: 20,
	/** Paragraphs a troop note cites from the article (1). */
	provenanceParagraphs: 50,
	/** Positions of one troop note's points, and their names and precisions (6). */
	positions: 200,
	/** Regions a border zone is clipped to (2). */
	zoneRegions: 10,
	/** Paragraphs a scene quotes (2). */
	sceneParagraphs: 10,
	/** Countries a scene highlights (6). */
	sceneCountries: 50,
	/** Layers a scene shows (10): every listed country and every overlay fit. */
	sceneLayers: 120,
	/** Countries a scene camera fits (1). */
	fitCountries: 50,
	/** Overlays the map draws for the story (6). */
	overlays: 30,
	/** Features of one overlay: points, lines and areas (19). */
	features: 5_000,
	/** Captions of one overlay's legend (2). */
	legendItems: 6,
	/** Distances to borders the country panels quote (2). */
	distances: 50,

	// Strings, in characters.
	/** Ids, file names, layer and region ids (24). */
	idChars: 100,
	/** A term naming a country (20). */
	termChars: 80,
	/** Names and titles: labels, publishers, source titles, forces, place names (88). */
	nameChars: 300,
	/** Sentences and paragraphs of the briefing's own: reasons, descriptions, notes (298). */
	textChars: 2_000,
	/** A scene's speaker notes (542). */
	notesChars: 5_000,
	/** A source's address (115). */
	urlChars: 2_000,

	// The file as a whole.
	/**
	 * Levels of nesting: the format's deepest value is a coordinate of an overlay's MultiPolygon
	 * (11: overlays, the overlay, features, features, the feature, geometry, coordinates, polygon,
	 * ring, position, coordinate).
	 */
	depth: 12,
	/** Values in the file, objects, arrays, strings and numbers together (about 760). */
	values: 250_000
} as const;

export type LimitName = keyof typeof LIMITS;

/** At most this many errors are listed for one file; the rest are counted ("… and 12 more"). */
export const MAX_ERRORS = 20;
