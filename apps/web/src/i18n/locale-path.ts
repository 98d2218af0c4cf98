import { isLocaleCode, type SiteLocale } from './catalogues';

/**
 * The language lives in the address, never on the device: `/bm/demande` is
 * the form in Bambara, `/demande` the form in the language the server
 * guessed from the browser (French when it names none we have). Staff pages
 * (/personnel) carry no prefix.
 */
export interface LocalePath {
  /** The language the address names, or null for an unprefixed address. */
  readonly locale: SiteLocale | null;
  /** The page inside the site, without the prefix: '/', '/demande'. */
  readonly page: string;
}

export function splitLocalePath(pathname: string): LocalePath {
  const [, first = '', ...rest] = pathname.split('/');
  const code = first.toLowerCase();
  if (!isLocaleCode(code)) return { locale: null, page: pathname };
  return { locale: code, page: `/${rest.join('/')}` };
}

/** A page of the public site in one language: '/bm/demande', '/bm/' for home. */
export function localePath(locale: SiteLocale | null, page: string): string {
  return locale === null ? page : `/${locale}${page}`;
}

export function isStaffPath(page: string): boolean {
  return page === '/personnel' || page.startsWith('/personnel/');
}

/**
 * Today's shared links say `/demande?lang=bm`: the same page at its prefixed
 * address, so internal links and a reload keep the language. Null when the
 * address is already canonical (or a staff page, which keeps `?lang`).
 */
export function canonicalAddress(pathname: string, search: string): string | null {
  const params = new URLSearchParams(search);
  const asked = params.get('lang');
  if (!isLocaleCode(asked) || isStaffPath(pathname) || splitLocalePath(pathname).locale !== null) return null;
  params.delete('lang');
  const query = params.toString();
  return `${localePath(asked, pathname)}${query ? `?${query}` : ''}`;
}
