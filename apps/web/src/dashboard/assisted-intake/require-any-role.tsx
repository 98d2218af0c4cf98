import type { StaffRole } from '@mnpddh/shared';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { InfoIcon } from '../../ui/icons';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';

const ONLY_FOR = {
  fr: 'Cette page est réservée aux rôles suivants : {roles}.',
  en: 'This page is only for these roles: {roles}.',
};

/** A page for several roles (RequireRole takes one). The API checks the roles too: this only spares a useless screen. */
export function RequireAnyRole({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const t = useStaffT();
  const [locale] = useLocale();
  const { user } = useStaffSession();
  if (user?.roles.some((role) => roles.includes(role))) return children;
  return (
    <article className="prose">
      <h1>{t.area.forbiddenTitle}</h1>
      <p className="notice">
        <InfoIcon />
        <span>{ONLY_FOR[locale].replace('{roles}', roles.map((role) => t.roles[role]).join(', '))}</span>
      </p>
    </article>
  );
}
