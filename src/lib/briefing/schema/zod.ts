/**
 * zod, configured before any schema is made: a page validates one briefing, once, so compiling
 * zod's parsers first (its default) costs more than it saves, and zod decides whether it may
 * compile when each object schema is made. Its probe for that (`new Function`) is an `eval` the
 * page's Content Security Policy forbids. Every module of the format imports zod from here.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
