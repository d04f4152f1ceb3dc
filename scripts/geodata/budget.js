// Size budget of the committed geodata (gzip bytes, level 9), shared by the build (which prints
// and checks it) and tests/unit/geodata.test.ts. 1 KB = 1024 bytes.
export const BUDGET = Object.freeze({
	/** geodata/world.geojson, loaded on first view */
	worldGzip: 120 * 1024,
	/** geodata/countries/*.geojson, the six focus countries together */
	countriesGzip: 150 * 1024,
	/** everything under geodata/ together */
	totalGzip: 350 * 1024
});
