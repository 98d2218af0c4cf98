import { useT } from '../i18n/i18n-context';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { Brand } from '../ui/brand';
import { InfoIcon } from '../ui/icons';
import { SiteLink } from '../ui/site-link';

/**
 * Staff area placeholder. Loaded as its own chunk (see app.tsx) so the public
 * pages never download dashboard code. Staff sign-in comes in a later issue.
 */
export default function StaffPage() {
  const t = useT();
  const page = t.staff;
  return (
    <>
      <header className="site-header">
        <div className="site-header__bar container">
          <Brand />
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="site-main">
        <div className="container">
          <article className="prose">
            <h1>{page.title}</h1>
            <p className="notice">
              <InfoIcon />
              <span>{page.notReady}</span>
            </p>
            <p>
              {page.notForPublic} <SiteLink to="/demande">{t.nav.request}</SiteLink>
            </p>
            <p>
              <SiteLink to="/" className="button button--secondary">
                {page.backToPublic}
              </SiteLink>
            </p>
          </article>
        </div>
      </main>
    </>
  );
}
