/**
 * The countries the basemap draws (built by `npm run geodata` into geodata/names.json, which the
 * map reads too): a briefing can list, relate, fit or concern only these.
 */
import names from '../../../geodata/names.json';

export const BASEMAP_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(names));
