import { languageName, localeCodes, type LocaleCode } from './catalogues';
import { useSiteLocale, useT, useWantedLocale } from './i18n-context';
import { localePath, splitLocalePath } from './locale-path';
import { Link, useLocation } from '../ui/router';

/**
 * Public pages: one link per offered language to this same page in it
 * (`/bm/demande`), each name written in its own language and marked so.
 * Real links: they work without JavaScript, can be shared, and carry the
 * language in the address rather than on the device. With JavaScript the
 * router follows them without a reload, so a form held in memory stays.
 */
export function LanguageLinks() {
  const t = useT();
  const locale = useWantedLocale();
  const { page } = splitLocalePath(useLocation().pathname);
  return (
    <nav className="language-switcher" aria-label={t.layout.languageLabel}>
      {localeCodes.map((code) => (
        <Link
          key={code}
          replace
          to={localePath(code, page)}
          lang={code}
          hrefLang={code}
          className="language-switcher__option"
          aria-current={code === locale ? 'true' : undefined}
        >
          {languageName(code)}
        </Link>
      ))}
    </nav>
  );
}

/** The staff side speaks the mechanism's working languages only. */
const STAFF_LOCALES: readonly LocaleCode[] = ['fr', 'en'];

/** Staff pages: one button per staff language; the choice lives in memory for the visit. */
export function LanguageSwitcher() {
  const t = useT();
  const [locale, setLocale] = useSiteLocale();
  return (
    <div className="language-switcher" role="group" aria-label={t.layout.languageLabel}>
      {STAFF_LOCALES.map((code) => (
        <button key={code} type="button" lang={code} className="language-switcher__option" aria-pressed={code === locale} onClick={() => setLocale(code)}>
          {languageName(code)}
        </button>
      ))}
    </div>
  );
}
