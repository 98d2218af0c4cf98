import { Link, type LinkProps } from 'react-router';

/**
 * A link inside the site that replaces the current history entry instead of
 * adding one. The tab then holds a single entry for this site, which
 * "Quitter vite" replaces in turn: "Back" cannot walk through visited pages.
 */
export function SiteLink(props: LinkProps) {
  return <Link replace {...props} />;
}
