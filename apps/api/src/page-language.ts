import { LANGUAGES, OFFERED_LOCALES, SOURCE_LOCALE, staffLocaleOf, type Language, type SiteLocale } from '@mnpddh/shared';

/**
 * The language of a public page of the web app, as the server decides it
 * before any script runs: the address's prefix (`/bm/demande`) when it names
 * one, else the browser's Accept-Language among the offered languages, else
 * French. The HTML is sent with `<html lang dir>` already right, so the first
 * paint has the right direction and a screen reader the right voice.
 */
export interface PageLanguage {
  readonly code: string;
  readonly dir: Language['dir'];
  /** True when the address named it; false when guessed from the browser (the answer then varies with Accept-Language). */
  readonly named: boolean;
}

/** Every configured language can be reached by its prefix, including one not offered (the right-to-left test catalogue, a translator's preview). */
const PREFIXES: Readonly<Record<string, Language['dir']>> = Object.fromEntries(LANGUAGES.map((language) => [language.code, language.dir]));

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
  // Staff pages speak French or English only: a browser asking for Bambara gets the French dashboard, marked French.
  if (/^\/personnel(\/|$)/.test(path)) return { code: staffLocaleOf(guessLanguage(acceptLanguage)), dir: 'ltr', named: false };
  const prefixed = splitLanguagePrefix(path);
  if (prefixed) return { code: prefixed.code, dir: PREFIXES[prefixed.code] ?? 'ltr', named: true };
  const code = guessLanguage(acceptLanguage);
  return { code, dir: PREFIXES[code] ?? 'ltr', named: false };
}

/**
 * The first offered language the browser names (in the order it lists them,
 * `q=0` meaning "not this one"), else French; the Tor Browser's fixed header
 * names nobody's.
 */
export function guessLanguage(acceptLanguage: string | undefined): SiteLocale {
  if (acceptLanguage === undefined || acceptLanguage.replace(/\s+/g, '') === TOR_BROWSER_ACCEPT_LANGUAGE) return SOURCE_LOCALE;
  for (const range of acceptLanguage.split(',')) {
    const [tag = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const code = tag.split('-')[0];
    if (parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter))) continue;
    const offered = OFFERED_LOCALES.find((locale) => locale === code);
    if (offered) return offered;
  }
  return SOURCE_LOCALE;
}
