import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { Brand } from '../ui/brand';
import { LockIcon } from '../ui/icons';
import { useFocusOnNavigate } from '../ui/use-focus-on-navigate';
import { format } from './format';
import { MenuIcon, SignOutIcon } from './icons';
import { IdleBanner } from './idle-banner';
import { EscrowWarning } from './escrow/escrow-warning';
import { IntegrityBanner } from './integrity/integrity-banner';
import { RecoveryCodes } from './sign-in/recovery-codes';
import { useStaffT } from './i18n/use-staff-t';
import { useStaffSession } from './session';
import { useHeaderScrollPadding } from './use-header-scroll-padding';
import { useWorksOnCases } from './cases/require-case-role';
import { useAgendaT } from './agenda/i18n';
import { useRevocationT } from './revocation/i18n';
import { NavSearch } from './search/nav-search';
import { useCustodiansT } from './custodians/i18n';
import { useCasesT } from './cases/i18n';
import { useReportsT } from '../reports/i18n';
import { useRetentionT } from './retention/i18n';

/** The on-call page, read on a phone at night. */
export const URGENT_PATH = '/personnel/urgences';

/**
 * Frame of every staff page. Unlike the public pages there is no quick-exit
 * button: staff work on office laptops, and a stray Escape must not throw
 * away their work. Signed in, the header says who is connected and that
 * access is logged.
 */
export function StaffLayout() {
  const t = useStaffT();
  const session = useStaffSession();
  const main = useRef<HTMLElement>(null);
  const header = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  useHeaderScrollPadding(header);
  const user = session.status === 'signed-in' ? session.user : null;
  const ct = useCasesT();
  const at = useAgendaT();
  const worksOnCases = useWorksOnCases();
  const rt = useReportsT();
  const rett = useRetentionT();
  const kt = useCustodiansT();
  const vt = useRevocationT();
  const hasRole = (...roles: string[]) => Boolean(user?.roles.some((role) => roles.includes(role)));
  const { pathname } = useLocation();
  // On a phone the menu folds behind one button, so a page starts within the first screen; a link followed folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  // The night page shows its alerts first and the escrow warning after them (UrgentPage).
  const escrowAbove = hasRole('admin', 'supervisor') && pathname !== URGENT_PATH;

  return (
    <>
      <a className="skip-link" href="#main">
        {t.layout.skipLink}
      </a>
      <header ref={header} className="site-header staff-header">
        <div className="site-header__bar container container--staff">
          <Brand to={user ? '/personnel/accueil' : '/personnel'} />
          {user ? <SignOutButton /> : <LanguageSwitcher />}
        </div>
        {user ? (
          <div className="staff-bar">
            <div className="container container--staff staff-menu-toggle__row">
              <button
                type="button"
                className="staff-menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="staff-menu"
                onClick={() => setMenuOpen((open) => !open)}
              >
                <MenuIcon />
                <span>{t.layout.menu}</span>
              </button>
            </div>
            <div id="staff-menu" className={`staff-bar__inner container container--staff${menuOpen ? '' : ' staff-bar__inner--folded'}`}>
              <nav aria-label={t.layout.navLabel}>
                <ul className="staff-nav">
                  <NavItem to="/personnel/accueil">{t.layout.home}</NavItem>
                  {worksOnCases ? <NavItem to="/personnel/urgences">{ct.nav.urgent}</NavItem> : null}
                  {worksOnCases ? <NavItem to="/personnel/dossiers">{ct.nav.cases}</NavItem> : null}
                  {worksOnCases ? <NavItem to="/personnel/agenda">{at.nav}</NavItem> : null}
                  {hasRole('auditor', 'supervisor') ? <NavItem to="/personnel/statistiques">{rt.nav.statistics}</NavItem> : null}
                  {hasRole('auditor', 'admin') ? <NavItem to="/personnel/journal">{rt.nav.audit}</NavItem> : null}
                  {hasRole('supervisor', 'admin') ? <NavItem to="/personnel/conservation">{rett.nav}</NavItem> : null}
                  {hasRole('supervisor') ? <NavItem to="/personnel/revocation">{vt.nav}</NavItem> : null}
                  {hasRole('custodian') ? <NavItem to="/personnel/depositaires">{kt.nav}</NavItem> : null}
                  {user.roles.includes('admin') ? <NavItem to="/personnel/admin">{t.layout.admin}</NavItem> : null}
                </ul>
              </nav>
              {worksOnCases ? <NavSearch /> : null}
              <p className="staff-bar__user">{format(t.layout.signedInAs, { name: user.name })}</p>
              <LanguageSwitcher />
            </div>
          </div>
        ) : null}
      </header>
      {user ? (
        // A landmark of its own: every piece of the page sits in one (axe "region").
        <aside aria-label={t.layout.accessLogged}>
          <p className="access-band">
            <span className="container container--staff access-band__inner">
              <LockIcon />
              <span>
                <strong>{t.layout.accessLogged}</strong> <span className="access-band__detail">{t.layout.accessLoggedDetail}</span>
              </span>
            </span>
          </p>
          <IdleBanner />
        </aside>
      ) : null}
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        <div className="container container--staff">
          {/* The recovery codes stay on screen, whatever link is followed, until they are noted. */}
          {hasRole('admin', 'supervisor', 'auditor') ? <IntegrityBanner isAdmin={hasRole('admin')} /> : null}
          {escrowAbove ? <EscrowWarning /> : null}
          {user && session.recoveryCodes ? <RecoveryCodes codes={session.recoveryCodes} onDone={session.recoveryCodesNoted} /> : <Outlet />}
        </div>
      </main>
    </>
  );
}

/** A menu link that says which page is open (NavLink would pull more of the router into the public chunk). */
function NavItem({ to, children }: { to: string; children: string }) {
  const { pathname } = useLocation();
  return (
    <li>
      <Link to={to} className="staff-nav__link" aria-current={pathname === to ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

function SignOutButton() {
  const t = useStaffT();
  const session = useStaffSession();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const signOut = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await session.signOut();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <div className="sign-out">
      <button type="button" className="button button--secondary button--small" onClick={signOut}>
        <SignOutIcon />
        <span>{busy ? t.layout.signingOut : t.layout.signOut}</span>
      </button>
      <p className="sign-out__error" role="status">
        {failed ? t.layout.signOutFailed : ''}
      </p>
    </div>
  );
}
