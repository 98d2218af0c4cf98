import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OFFERED_LOCALES } from '@mnpddh/shared';
import { ROOT_DIR } from '../../apps/api/src/paths.js';

/*
 * The 2G budget: a public page's first load — the HTML, the entry script and
 * stylesheet, the page's own chunks and styles, and, for a page whose address
 * names a language, that language's catalogue parts — stays within 100 KiB as
 * it crosses the wire (gzip, as the server sends the .gz files). Read from the
 * built app (`node scripts/build.mjs`; vite's manifest says which file each
 * module became and what it loads), so it builds nothing and needs no
 * browser; bench/page-load.bench.mjs measures the same in Chromium.
 * What a page fetches only later (the request's later steps, prefetched while
 * the first is typed) is not part of the first load.
 */
const BUDGET = 100 * 1024;
/** Response headers (status line, CSP, cache and security headers) as bench/page-load measures them, per response. */
const HEADER_BYTES = 450;
const DIST = join(ROOT_DIR, 'apps/web/dist');

/** Each public page and the module its route loads lazily (none for home: it is in the entry). */
const PAGES: Record<string, string | null> = {
  '/': null,
  '/aide': 'src/intake/help-page.tsx',
  '/demande': 'src/intake/request/request-page.tsx',
  '/suivi': 'src/intake/follow-up/follow-up-page.tsx',
  '/rappel': 'src/intake/callback/callback-page.tsx',
};
/** The parts of a language's catalogue each page loads besides its home part (compiled/<code>-form.ts…). */
const FORM_PARTS: Record<string, readonly string[]> = { '/demande': ['-form'], '/suivi': ['-form', '-later'], '/rappel': ['-form', '-later'] };

/**
 * Not yet within the budget: follow-up loads zod, the API client and the
 * details screens with its first screen; call-back shows the privacy notice
 * and the whole form catalogue; the English form's first part is long. Each may not grow past what it weighs now (bytes as
 * counted here); docs/NO-JAVASCRIPT.md says what would bring them under.
 * English and Bambara call-back and the English form grew when the API's own
 * messages and the follow-up's consent words joined the catalogues (English
 * translated: 0.2 to 1.6 KB); the ceilings were raised by that, once.
 */
const NOT_YET: Record<string, number> = {
  '/suivi': 158_000,
  '/rappel': 107_000,
  '/en/demande': 108_000,
  '/en/suivi': 172_000,
  '/en/rappel': 122_500,
  '/bm/suivi': 163_000,
  '/bm/rappel': 112_000,
};

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}
type Manifest = Record<string, ManifestChunk>;

function readManifest(): Manifest {
  const path = join(DIST, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error('apps/web/dist has no manifest: run `node scripts/build.mjs` first');
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** A module's chunk, the chunks it imports statically and their styles: what loading it fetches. */
function filesOf(manifest: Manifest, key: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build has no module ${key}`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  chunk.css?.forEach((css) => files.add(css));
  chunk.imports?.forEach((imported) => filesOf(manifest, imported, files));
  return files;
}

/** As sent: the pre-compressed copy when there is one (JS, CSS). */
function wireBytes(file: string): number {
  const path = join(DIST, file);
  return statSync(existsSync(`${path}.gz`) ? `${path}.gz` : path).size;
}

/** The language chunks a page in `locale` loads: its home part, and its form parts on a form page. */
function languageChunks(locale: string, page: string): string[] {
  if (locale === 'fr') return [];
  return ['', ...(FORM_PARTS[page] ?? [])].map((part) => `../../packages/shared/src/i18n/compiled/${locale}${part}.ts`);
}

function firstLoad(manifest: Manifest, locale: string, page: string): { bytes: number; files: string[] } {
  const files = filesOf(manifest, 'index.html');
  const lazy = PAGES[page];
  if (lazy) filesOf(manifest, lazy, files);
  for (const part of languageChunks(locale, page)) filesOf(manifest, part, files);
  const html = statSync(join(DIST, 'index.html')).size;
  const bytes = [...files].reduce((sum, file) => sum + wireBytes(file), html) + (files.size + 1) * HEADER_BYTES;
  return { bytes, files: [...files] };
}

const ADDRESSES = OFFERED_LOCALES.flatMap((locale) =>
  Object.keys(PAGES).map((page) => ({ locale, page, address: locale === 'fr' ? page : `/${locale}${page === '/' ? '/' : page}` })),
);

describe('the public pages within the 2G budget (built app)', () => {
  const manifest = readManifest();

  it.each(ADDRESSES.filter(({ address }) => !(address in NOT_YET)))('$address loads at most 100 KiB before it is usable', ({ locale, page, address }) => {
    const { bytes, files } = firstLoad(manifest, locale, page);
    const over = bytes > BUDGET ? `${address}: ${bytes} bytes (${files.join(', ')})` : null;
    expect(over).toBeNull();
  });

  it.each(ADDRESSES.filter(({ address }) => address in NOT_YET))('$address, not yet within the budget, grows no heavier', ({ locale, page, address }) => {
    const { bytes } = firstLoad(manifest, locale, page);
    expect(bytes).toBeLessThanOrEqual(NOT_YET[address] ?? 0);
  });

  it('counts what the form page really loads: the entry, the page and its styles', () => {
    const { files } = firstLoad(manifest, 'fr', '/demande');
    expect(files.some((file) => file.endsWith('.css'))).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
});
