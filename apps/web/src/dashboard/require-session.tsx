import type { StaffRole } from '@mnpddh/shared';
import { useEffect, type ReactNode } from 'react';
import { Outlet } from 'react-router';
import { Redirect } from './redirect';
import { InfoIcon } from '../ui/icons';
import { useStaffT } from './i18n/use-staff-t';
import { useStaffSession } from './session';

/** Pages behind sign-in: asks the server once, then shows the page or the sign-in form. */
export function RequireSession() {
  const t = useStaffT();
  const session = useStaffSession();
  const { status, check } = session;
  useEffect(() => {
    if (status === 'unknown') check();
  }, [status, check]);

  if (status === 'signed-out') return <Redirect to="/personnel" />;
  if (status !== 'signed-in') return <Loading label={t.area.loading} />;
  return <Outlet />;
}

/** A page for one role. The API checks the role too: this only spares a useless screen. */
export function RequireRole({ role, children }: { role: StaffRole; children: ReactNode }) {
  const t = useStaffT();
  const { user } = useStaffSession();
  if (user?.roles.includes(role)) return children;
  return (
    <article className="prose">
      <h1>{t.area.forbiddenTitle}</h1>
      <p className="notice">
        <InfoIcon />
        <span>{t.area.adminOnly}</span>
      </p>
    </article>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
