import { useT } from '../i18n/i18n-context';
import { ShieldIcon } from './icons';
import { SiteLink } from './site-link';

/** The mechanism's name, linking home (the staff header links to the staff home). Shared by the public and staff headers. */
export function Brand({ to = '/' }: { to?: string }) {
  const t = useT();
  return (
    <SiteLink to={to} className="brand" aria-label={`${t.layout.brandOwner} – ${t.layout.brandName} – ${t.layout.homeLinkLabel}`}>
      <ShieldIcon className="brand__icon" />
      <span className="brand__text">
        <span className="brand__owner">{t.layout.brandOwner}</span>
        <span className="brand__name">{t.layout.brandName}</span>
      </span>
    </SiteLink>
  );
}
