import { useLocalePrefix } from '../i18n/i18n-context';
import { isStaffPath, localePath } from '../i18n/locale-path';
import { Link, type LinkProps } from './router';

/**
 * A link inside the site that replaces the current history entry instead of
 * adding one. The tab then holds a single entry for this site, which
 * "Quitter vite" replaces in turn: "Back" cannot walk through visited pages.
 * A public page keeps the language the address names (`/bm/…`).
 */
export function SiteLink({ to, ...props }: LinkProps) {
  const prefix = useLocalePrefix();
  const keepsLanguage = to.startsWith('/') && !isStaffPath(to);
  return <Link replace to={keepsLanguage ? localePath(prefix, to) : to} {...props} />;
}
