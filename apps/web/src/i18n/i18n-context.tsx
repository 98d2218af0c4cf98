import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { languageOf, staffLocaleOf, type SiteCatalogue as Catalogue } from '@mnpddh/shared';
import { isLocaleCode, loadLanguage, type LoadedLanguage, type LocaleCode, type SiteLocale } from './catalogues';
import { setCurrentLanguage } from './format';
import { isStaffPath, splitLocalePath } from './locale-path';
import { useLocation } from '../ui/router';

interface I18n {
  /** The language on screen (downloaded). */
  language: LoadedLanguage;
  /** The language the address names ('/bm/…'), null on an unprefixed address. */
  prefix: SiteLocale | null;
  /** The language asked for: the address's, else the visit's first guess or a staff choice. */
  wanted: SiteLocale;
  setLocale: (locale: SiteLocale) => void;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * The language to show first: the address's prefix (`/bm/…`), else `?lang=en`
 * (staff pages keep it), else the language the server chose from
 * Accept-Language and wrote into `<html lang>`, else French. Nothing is read
 * from or written to the device (no localStorage, no cookie).
 */
export function firstLocale(): SiteLocale {
  const prefixed = splitLocalePath(window.location.pathname).locale;
  if (prefixed !== null) return prefixed;
  const requested = new URLSearchParams(window.location.search).get('lang');
  const served = document.documentElement.lang;
  const first = isLocaleCode(requested) ? requested : isLocaleCode(served) ? served : 'fr';
  return isStaffPath(window.location.pathname) ? staffLocaleOf(first) : first;
}

/**
 * Needs the router above it: the address's prefix decides the language. The
 * first language comes downloaded (main.tsx); another is downloaded (its own
 * chunk) before the page switches to it: never half a page in each.
 */
export function I18nProvider({ first, children }: { first: LoadedLanguage; children: ReactNode }) {
  const { pathname } = useLocation();
  const [language, setLanguage] = useState<LoadedLanguage>(first);
  const [chosen, setLocale] = useState<SiteLocale>(first.locale);
  const prefix = splitLocalePath(pathname).locale;
  // Staff pages speak French or English only: a public language chosen before (Bambara) shows them in French, and says so.
  const wanted = prefix ?? (isStaffPath(pathname) ? staffLocaleOf(chosen) : chosen);
  setCurrentLanguage(language);

  useEffect(() => {
    if (wanted === language.locale) return;
    let current = true;
    // A failed download (the connection dropped) leaves the page as it is; the next change tries again.
    loadLanguage(wanted).then(
      (loaded) => current && setLanguage(loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, language.locale]);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = language.locale;
    root.dir = languageOf(language.locale).dir;
    // The title is each page's (page-title.tsx).
    if (language.locale === 'fr') return undefined;
    // Its own chunk, fetched once the page is up: French pages (most visits) never download it.
    let live = true;
    let stop: (() => void) | undefined;
    void import('./french-fallback').then(({ watchFrenchFallbacks }) => {
      if (live) stop = watchFrenchFallbacks(document.body, language.translations, root.dir === 'rtl');
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [language]);

  const value = useMemo(() => ({ language, prefix, wanted, setLocale }), [language, prefix, wanted]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT() needs an <I18nProvider> above it');
  return i18n;
}

/** The current language's site catalogue: `const t = useT(); t.home.title`. */
export function useT(): Catalogue {
  return useI18n().language.site;
}

/** The current language's translations, for the catalogues of the parts loaded later (form, uploads). */
export function useTranslations(): LoadedLanguage {
  return useI18n().language;
}

/** The staff side's language (French or English) for the current public one: the dashboard, dates and the API's answers. */
export function useLocale(): [LocaleCode, (locale: SiteLocale) => void] {
  const { language, setLocale } = useI18n();
  return [staffLocaleOf(language.locale), setLocale];
}

/** The public language chosen (any configured one): for the public catalogues and the page's `lang`. */
export function useSiteLocale(): [SiteLocale, (locale: SiteLocale) => void] {
  const { language, setLocale } = useI18n();
  return [language.locale, setLocale];
}

/** The language named by the address, for links that must keep it. */
export function useLocalePrefix(): SiteLocale | null {
  return useI18n().prefix;
}

/** The language asked for, before it is downloaded: the switcher marks it at once. */
export function useWantedLocale(): SiteLocale {
  return useI18n().wanted;
}
