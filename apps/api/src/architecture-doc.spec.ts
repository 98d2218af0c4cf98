import { readdirSync, readFileSync } from 'node:fs';

/** docs/ARCHITECTURE.md is kept true by review; this catches the one slip a review misses most: a new module. */
describe('docs/ARCHITECTURE.md', () => {
  const doc = readFileSync(new URL('../../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');
  const modules = readdirSync(new URL('.', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it('names every module of apps/api/src in its table', () => {
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((name) => !doc.includes(`| \`${name}\` |`))).toEqual([]);
  });
});
