/**
 * The hostile input suite with the FULL corpus at every write route
 * (public, follow-up and staff), which `npm test` samples to keep CI short.
 * Same assertions: tests/security/hostile-input.test.ts.
 */
import './full-corpus-env.js';
import '../security/hostile-input.test.js';
