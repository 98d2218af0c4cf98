import { STAFF_ROLES, type StaffRole } from '@mnpddh/shared';
import { useStaffT } from '../i18n/use-staff-t';
import { Checkbox } from '../forms/field';
import { breakAfterSlashes } from '../roles';

interface Props {
  idPrefix: string;
  value: readonly StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  error?: string | undefined;
  /** The long explanation of each role: in the invite form, not in the dense manage panel. */
  withHints?: boolean;
}

/** Id of the first checkbox: where an error about roles sends the keyboard. */
export const firstRoleId = (idPrefix: string) => `${idPrefix}-role-${STAFF_ROLES[0]}`;

export function RoleFieldset({ idPrefix, value, onChange, error, withHints = false }: Props) {
  const t = useStaffT();
  const errorId = `${idPrefix}-roles-error`;
  const hintId = `${idPrefix}-roles-hint`;
  const toggle = (role: StaffRole, checked: boolean) =>
    onChange(checked ? STAFF_ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  return (
    <fieldset className={error ? 'fieldset field--error' : 'fieldset'} aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend className="field__label">{t.admin.rolesLegend}</legend>
      <p id={hintId} className="field__hint">
        {t.admin.rolesHint}
      </p>
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t.errors.fieldPrefix} </span>
          {error}
        </p>
      ) : null}
      <div className={withHints ? 'checkboxes' : 'checkboxes checkboxes--inline'}>
        {STAFF_ROLES.map((role) => (
          <Checkbox
            key={role}
            id={`${idPrefix}-role-${role}`}
            name="roles"
            value={role}
            label={breakAfterSlashes(t.roles[role])}
            hint={withHints ? t.roleHints[role] : undefined}
            checked={value.includes(role)}
            onChange={(event) => toggle(role, event.target.checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}
