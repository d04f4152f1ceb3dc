/**
 * The countries the basemap draws (built by `npm run geodata` into geodata/names.json, which the
 * map reads too): a briefing can list, relate, fit or concern only these.
 */
import names from '../../../geodata/names.json';

export const BASEMAP_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(names));

/**
 * The regions a border zone may be clipped to besides countries (geodata/regions/<id>.geojson), each
 * with the country whose 1:50m file holds it: Crimea is drawn as part of Ukraine.
 */
export const BASEMAP_REGIONS: ReadonlyMap<string, string> = new Map([['CRIMEA', 'UKR']]);
