/*
 * zod compiles object parsers with `new Function` unless told not to, and
 * probes for it as each object schema is built. Our CSP (script-src 'self',
 * no 'unsafe-eval') refuses the probe and would report a violation on every
 * page. zod keeps its configuration in `globalThis.__zod_globalConfig` and
 * adopts the object it finds there (zod/v4/core/core.js): set here, first in
 * the entry, it holds before any schema exists without putting zod itself in
 * the entry — zod loads with the forms, after the first screen.
 * packages/shared/src/zod-global-config.spec.ts fails if zod stops reading it.
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
