import { useRef, type ReactNode } from 'react';
import { LanguageLinks } from '../i18n/language-switcher';
import { ReviewNotice } from '../i18n/review-notice';
import { useT } from '../i18n/i18n-context';
import { Brand } from './brand';
import { EmergencyPhoneLink } from './emergency-phone';
import { fill } from './fill';
import { PhoneIcon } from './icons';
import { QuickExitButton, useQuickExitShortcut } from './quick-exit';
import { SiteLink } from './site-link';
import { useFocusOnNavigate } from './use-focus-on-navigate';

/**
 * Frame of every public page: quick exit top right (kept in view while
 * scrolling), the emergency number and "Être rappelé" at the top and
 * bottom, language choice.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const main = useRef<HTMLElement>(null);
  useQuickExitShortcut();
  useFocusOnNavigate(main);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.layout.skipLink}
      </a>
      <header className="site-header">
        <div className="site-header__bar container">
          <Brand />
          <QuickExitButton />
        </div>
      </header>
      <aside className="emergency-band" aria-label={t.layout.emergencyRegion}>
        <div className="emergency-band__inner container">
          <p className="emergency-band__text">
            <PhoneIcon />
            <span>{fill(t.layout.emergencyShort, { phone: <EmergencyPhoneLink /> })}</span>
          </p>
          {/* Beside the number: for someone who cannot talk right now. */}
          <SiteLink to="/rappel" className="emergency-band__callback">
            {t.layout.callBack}
          </SiteLink>
          <LanguageLinks />
        </div>
      </aside>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        <div className="container">
          <ReviewNotice />
          {children}
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p className="site-footer__emergency">
            <PhoneIcon />
            <span>{fill(t.layout.emergency, { phone: <EmergencyPhoneLink /> })}</span>
            <SiteLink to="/rappel" className="site-footer__callback">
              {t.layout.callBack}
            </SiteLink>
          </p>
          <nav aria-label={t.layout.footerNavLabel}>
            <ul className="site-footer__links">
              <li>
                <SiteLink to="/">{t.nav.home}</SiteLink>
              </li>
              <li>
                <SiteLink to="/demande">{t.nav.request}</SiteLink>
              </li>
              <li>
                <SiteLink to="/suivi">{t.nav.followUp}</SiteLink>
              </li>
              <li>
                <SiteLink to="/aide">{t.nav.help}</SiteLink>
              </li>
            </ul>
          </nav>
          <p className="site-footer__about">{t.layout.footerAbout}</p>
          <p className="site-footer__about">{t.layout.footerNoTrace}</p>
          <p className="site-footer__staff">
            {/* A full load, so the server decides: where the dashboard has its own origin (STAFF_URL) the public host answers 404. */}
            <SiteLink to="/personnel" reloadDocument>
              {t.layout.staffLink}
            </SiteLink>
          </p>
        </div>
      </footer>
    </>
  );
}
