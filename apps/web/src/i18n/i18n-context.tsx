// Type-only: importing values from the shared package would pull zod into the public bundle.
import type { DEFAULT_LOCALE } from '@mnpddh/shared';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { staffLocaleOf, type SiteCatalogue as Catalogue } from '@mnpddh/shared';
import { catalogues, isLocaleCode, type LocaleCode, type SiteLocale } from './catalogues';
import { splitLocalePath } from './locale-path';

interface I18n {
  locale: SiteLocale;
  /** The language the address names ('/bm/…'), null on an unprefixed address. */
  prefix: SiteLocale | null;
  setLocale: (locale: SiteLocale) => void;
  t: Catalogue;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * For an address that names no language: `?lang=en` (staff pages keep it),
 * else the language the server chose from Accept-Language and wrote into
 * `<html lang>`, else French. Nothing is read from or written to the device
 * (no localStorage, no cookie).
 */
function initialLocale(): SiteLocale {
  const requested = new URLSearchParams(window.location.search).get('lang');
  if (isLocaleCode(requested)) return requested;
  const served = document.documentElement.lang;
  return isLocaleCode(served) ? served : defaultLocale;
}

/** Must equal the API's default: a type error here if the shared one changes. */
const defaultLocale: typeof DEFAULT_LOCALE & LocaleCode = 'fr';

/** Needs the router above it: the address's prefix decides the language. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [chosen, setLocale] = useState<SiteLocale>(initialLocale);
  const prefix = splitLocalePath(pathname).locale;
  const locale = prefix ?? chosen;
  const t: Catalogue = catalogues[locale];

  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale;
    root.dir = t.meta.dir;
    // The title is each page's (page-title.tsx).
  }, [locale, t]);

  const value = useMemo(() => ({ locale, prefix, setLocale, t }), [locale, prefix, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT() needs an <I18nProvider> above it');
  return i18n;
}

/** The current language's catalogue: `const t = useT(); t.home.title`. */
export function useT(): Catalogue {
  return useI18n().t;
}

/** The staff side's language (French or English) for the current public one: the dashboard, dates and the API's answers. */
export function useLocale(): [LocaleCode, (locale: SiteLocale) => void] {
  const { locale, setLocale } = useI18n();
  return [staffLocaleOf(locale), setLocale];
}

/** The public language chosen (any configured one): for the public catalogues and the page's `lang`. */
export function useSiteLocale(): [SiteLocale, (locale: SiteLocale) => void] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}

/** The language named by the address, for links that must keep it. */
export function useLocalePrefix(): SiteLocale | null {
  return useI18n().prefix;
}
