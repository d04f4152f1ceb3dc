// Vitest's setup (vite.config.ts): every test reads briefings with the real gazetteer tables, as
// the build does.
import { provideBuiltGazetteers } from './built-gazetteer';

provideBuiltGazetteers();
