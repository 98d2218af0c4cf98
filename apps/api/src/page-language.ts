import { negotiateLocale, siteEn, siteFr, type SiteCatalogue } from '@mnpddh/shared';

/**
 * The language of a public page of the web app, as the server decides it
 * before any script runs: the address's prefix (`/bm/demande`) when it names
 * one, else the browser's Accept-Language among the offered languages, else
 * French. The HTML is sent with `<html lang dir>` already right, so the first
 * paint has the right direction and a screen reader the right voice.
 */
export interface PageLanguage {
  readonly code: string;
  readonly dir: SiteCatalogue['meta']['dir'];
  /** True when the address named it; false when guessed from the browser (the answer then varies with Accept-Language). */
  readonly named: boolean;
}

/** Every catalogue can be reached by its prefix, including one not yet offered (a translator previews it). */
const PREFIXES: Record<string, SiteCatalogue['meta']['dir']> = { fr: siteFr.meta.dir, en: siteEn.meta.dir };

/**
 * What every Tor Browser sends whatever its user's language (it asks for
 * English pages to look like every other Tor user). It tells nothing about
 * the person: for this site's visitors French is the better guess.
 */
const TOR_BROWSER_ACCEPT_LANGUAGE = 'en-US,en;q=0.5';

/** `/bm/demande` → { code: 'bm', page: '/demande' }; null when the first segment names no language. */
export function splitLanguagePrefix(path: string): { code: string; page: string } | null {
  const match = /^\/([^/]+)(\/.*)?$/.exec(path);
  const code = match?.[1]?.toLowerCase();
  if (code === undefined || !Object.hasOwn(PREFIXES, code)) return null;
  return { code, page: match?.[2] ?? '/' };
}

export function pageLanguage(path: string, acceptLanguage: string | undefined): PageLanguage {
  const prefixed = splitLanguagePrefix(path);
  if (prefixed) return { code: prefixed.code, dir: PREFIXES[prefixed.code] ?? 'ltr', named: true };
  const code = guessLanguage(acceptLanguage);
  return { code, dir: PREFIXES[code] ?? 'ltr', named: false };
}

/** The first offered language the browser names; the Tor Browser's fixed header names nobody's. */
export function guessLanguage(acceptLanguage: string | undefined): string {
  if (acceptLanguage?.replace(/\s+/g, '') === TOR_BROWSER_ACCEPT_LANGUAGE) return negotiateLocale(undefined);
  return negotiateLocale(acceptLanguage);
}
