import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { languageOf, staffLocaleOf, type SiteCatalogue as Catalogue } from '@mnpddh/shared';
import { FRENCH, isLocaleCode, loadLanguage, type LoadedLanguage, type LocaleCode, type SiteLocale } from './catalogues';
import { setPluralLocale } from './format';

interface I18n {
  language: LoadedLanguage;
  setLocale: (locale: SiteLocale) => void;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * French unless the address asks for another language (`?lang=bm`, so the
 * mechanism can share a link). The choice lives in memory only: nothing is
 * written to the device (no localStorage, no cookie).
 */
function requestedLocale(): SiteLocale {
  const requested = new URLSearchParams(window.location.search).get('lang');
  return isLocaleCode(requested) ? requested : 'fr';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<LoadedLanguage>(FRENCH);
  // Another language is downloaded (its own chunk) before the page switches to it: never half a page in each.
  const setLocale = useMemo(() => (locale: SiteLocale) => void loadLanguage(locale).then(setLanguage, () => undefined), []);
  setPluralLocale(language.locale);

  useEffect(() => setLocale(requestedLocale()), [setLocale]);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = language.locale;
    root.dir = languageOf(language.locale).dir;
    // The title is each page's (page-title.tsx).
  }, [language]);

  const value = useMemo(() => ({ language, setLocale }), [language, setLocale]);
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
