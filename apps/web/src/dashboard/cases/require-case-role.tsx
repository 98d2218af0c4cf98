import type { ReactNode } from 'react';
import { InfoIcon } from '../../ui/icons';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { useCasesT } from './i18n';

/** Case pages are for supervisors and caseworkers (the API refuses everyone else too: this spares a useless screen). */
export function RequireCaseRole({ children }: { children: ReactNode }) {
  const st = useStaffT();
  const t = useCasesT();
  const { user } = useStaffSession();
  if (user && (user.roles.includes('supervisor') || user.roles.includes('caseworker'))) return children;
  return (
    <article className="prose">
      <h1>{st.area.forbiddenTitle}</h1>
      <p className="notice">
        <InfoIcon />
        <span>{t.errors.casesOnly}</span>
      </p>
    </article>
  );
}

/** Whether the signed-in person works on cases (for menus). */
export function useWorksOnCases(): boolean {
  const { user } = useStaffSession();
  return Boolean(user && (user.roles.includes('supervisor') || user.roles.includes('caseworker')));
}
