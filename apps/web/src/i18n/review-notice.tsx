import { languageOf } from '@mnpddh/shared';
import { useSiteLocale, useT } from './i18n-context';

/** A language whose translation awaits review by a native speaker says so on every page, in its own words. */
export function ReviewNotice() {
  const t = useT();
  const [locale] = useSiteLocale();
  if (languageOf(locale).status !== 'review') return null;
  return <p className="review-notice">{t.layout.reviewNotice}</p>;
}
