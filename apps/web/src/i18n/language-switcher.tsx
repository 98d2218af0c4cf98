import { languageName, localeCodes } from './catalogues';
import { useSiteLocale, useT } from './i18n-context';

/** One button per catalogue, each name written in its own language. */
export function LanguageSwitcher() {
  const t = useT();
  const [locale, setLocale] = useSiteLocale();
  return (
    <div className="language-switcher" role="group" aria-label={t.layout.languageLabel}>
      {localeCodes.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-switcher__option"
          aria-pressed={code === locale}
          onClick={() => setLocale(code)}
        >
          {languageName(code)}
        </button>
      ))}
    </div>
  );
}
