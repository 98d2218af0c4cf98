import { config } from 'zod/v4/core';

/*
 * zod compiles object parsers with `new Function` unless told not to, and
 * decides when each schema is built: this module is imported first, before
 * any schema exists. Our CSP (script-src 'self', no 'unsafe-eval') refuses
 * the probe and would report a violation on every page.
 */
config({ jitless: true });
