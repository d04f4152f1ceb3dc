// Size budget of the committed geodata, shared by the build (which prints and checks it) and
// tests/unit/geodata.test.ts. gzip at level 9; 1 KB = 1024 bytes, 1 MB = 1024 KB.
export const BUDGET = Object.freeze({
	/** geodata/world.geojson, loaded on first view */
	worldGzip: 120 * 1024,
	/**
	 * each geodata/countries/<ISO3>.geojson (1:50m), fetched when a styled country is first drawn
	 * in detail: a briefing styles a handful, so each stays small
	 */
	countryGzip: 60 * 1024,
	/** the three countries too large for countryGzip at 1:50m, with their own ceiling */
	largeCountries: Object.freeze(['CAN', 'RUS', 'USA']),
	largeCountryGzip: 120 * 1024,
	/** everything under geodata/ together, as committed (raw bytes) */
	totalRaw: 6 * 1024 * 1024
});
