import type { StaffRole } from '@mnpddh/shared';
import { Fragment } from 'react';
import { useStaffT } from './i18n/use-staff-t';

/** "Administrateur/administratrice" may wrap after its slash on a narrow screen, never inside a word. */
export function breakAfterSlashes(label: string) {
  return label.split('/').map((part, index, parts) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 ? (
        <>
          /<wbr />
        </>
      ) : null}
    </Fragment>
  ));
}

/** Roles as small labelled badges, in the catalogue's words. */
export function RoleBadges({ roles }: { roles: readonly StaffRole[] }) {
  const t = useStaffT();
  return (
    <ul className="badges">
      {roles.map((role) => (
        <li key={role} className={`badge badge--${role}`}>
          {breakAfterSlashes(t.roles[role])}
        </li>
      ))}
    </ul>
  );
}
