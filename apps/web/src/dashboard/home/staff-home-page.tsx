import type { StaffRole } from '@mnpddh/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { ArrowIcon, InfoIcon, LockIcon, RequestIcon } from '../../ui/icons';
import { format, formatDateTime } from '../format';
import { ChartIcon, ClockIcon, FolderIcon, KeyIcon, UsersIcon, WarningIcon } from '../icons';
import { useCasesT } from '../cases/i18n';
import { isCaseWorkMenuKey, useCaseWorkMenuT, type CaseWorkMenuKey } from '../assisted-intake/menu-strings';
import { useStaffT } from '../i18n/use-staff-t';
import { RoleBadges } from '../roles';
import { useStaffSession } from '../session';
import { ChangePassword } from './change-password';
import { SecurityKeysCard } from '../security-keys/security-keys-card';
import { useReportsT } from '../../reports/i18n';

interface MenuItem {
  key: 'urgent' | 'cases' | 'reports' | 'audit' | 'custody' | 'admin' | CaseWorkMenuKey;
  roles: readonly StaffRole[];
  icon: ReactNode;
  /** Only screens that exist get a link; the others say plainly that they come later. */
  to?: string;
}

const MENU: readonly MenuItem[] = [
  { key: 'urgent', roles: ['caseworker', 'supervisor'], icon: <WarningIcon className="menu-card__icon" />, to: '/personnel/urgences' },
  { key: 'cases', roles: ['caseworker', 'supervisor'], icon: <FolderIcon className="menu-card__icon" />, to: '/personnel/dossiers' },
  { key: 'intake', roles: ['caseworker', 'supervisor'], icon: <RequestIcon className="menu-card__icon" />, to: '/personnel/saisie' },
  { key: 'rota', roles: ['admin', 'supervisor'], icon: <ClockIcon className="menu-card__icon" />, to: '/personnel/admin/astreinte' },
  { key: 'lists', roles: ['admin'], icon: <InfoIcon className="menu-card__icon" />, to: '/personnel/admin/listes' },
  { key: 'reports', roles: ['auditor', 'supervisor'], icon: <ChartIcon className="menu-card__icon" />, to: '/personnel/statistiques' },
  { key: 'audit', roles: ['auditor', 'admin'], icon: <LockIcon className="menu-card__icon" />, to: '/personnel/journal' },
  { key: 'custody', roles: ['custodian'], icon: <KeyIcon className="menu-card__icon" />, to: '/personnel/depositaires' },
  { key: 'admin', roles: ['admin'], icon: <UsersIcon className="menu-card__icon" />, to: '/personnel/admin' },
];

/** Staff home: who is signed in, what each role can open, and that access is logged. */
export function StaffHomePage() {
  const t = useStaffT();
  const ct = useCasesT();
  const mine = useCaseWorkMenuT();
  const rt = useReportsT();
  const [locale] = useLocale();
  const { user, clock } = useStaffSession();
  if (!user) return null;
  const menu = MENU.filter((item) => item.roles.some((role) => user.roles.includes(role)));

  return (
    <>
      <section className="staff-intro" aria-labelledby="staff-home-title">
        <h1 id="staff-home-title">{format(t.home.title, { name: user.name })}</h1>
        <p>{format(t.home.you, { email: user.email })}</p>
        <div className="staff-intro__roles">
          <span>{t.home.rolesLabel}</span>
          <RoleBadges roles={user.roles} />
          {user.onCall ? <span className="badge badge--on-call">{t.home.onCall}</span> : null}
        </div>
        {clock ? <p className="muted">{format(t.home.sessionEnds, { date: formatDateTime(new Date(clock.absoluteDeadline).toISOString(), locale) })}</p> : null}
      </section>

      <section className="callout logged-note" aria-labelledby="staff-home-logged">
        <LockIcon />
        <div>
          <h2 id="staff-home-logged" className="callout__title">
            {t.home.loggedTitle}
          </h2>
          <p>{t.home.logged}</p>
        </div>
      </section>

      <section aria-labelledby="staff-home-menu">
        <h2 id="staff-home-menu">{t.home.menuTitle}</h2>
        <ul className="menu-cards">
          {menu.map((item) => {
            // The case screens' own strings live with them (cases/i18n.ts).
            const text = isCaseWorkMenuKey(item.key)
              ? mine[item.key]
              : item.key === 'reports' || item.key === 'audit'
                ? rt.home[item.key]
                : item.key === 'cases'
                  ? { title: ct.home.title, text: ct.home.text }
                  : item.key === 'urgent'
                    ? { title: ct.home.urgentTitle, text: ct.home.urgentText }
                    : t.home[item.key];
            const body = (
              <>
                {item.icon}
                <span className="menu-card__body">
                  <span className="menu-card__title">{text.title}</span>
                  {item.to ? null : <span className="badge badge--soon">{t.home.soon}</span>}
                  <span>{text.text}</span>
                </span>
              </>
            );
            return (
              <li key={item.key}>
                {item.to ? (
                  <Link to={item.to} className="menu-card menu-card--link">
                    {body}
                    <ArrowIcon className="menu-card__arrow" />
                  </Link>
                ) : (
                  <div className="menu-card menu-card--soon">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <SecurityKeysCard />
      <ChangePassword />
    </>
  );
}
