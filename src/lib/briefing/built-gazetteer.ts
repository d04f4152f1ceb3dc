/**
 * The gazetteer's tables read straight from geodata/, for code that runs in Node: the build (the
 * embedded briefings are validated as the site is prerendered) and the unit tests. The app in the
 * browser fetches the same files instead (src/lib/content/gazetteer.ts): importing this module
 * from browser code would put every name back into its bundle.
 */
import en from '../../../geodata/gazetteer.json';
import fr from '../../../geodata/gazetteer-fr.json';
import { provideGazetteer, tablesFromFile } from './gazetteer';

export function provideBuiltGazetteers(): void {
	provideGazetteer('en', tablesFromFile('en', en));
	provideGazetteer('fr', tablesFromFile('fr', fr));
}
