import { SECURITY_KEY_ROLES, type SecurityKeyRole } from '@mnpddh/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { CheckIcon } from '../../ui/icons';
import { ErrorSummary } from '../forms/error-summary';
import { Checkbox } from '../forms/field';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { useSecurityKeyT } from './strings';

/** Admin page: which roles must sign in with a security key (setting `webauthn.required_roles`). */
export function SecurityKeyPolicyForm() {
  const t = useSecurityKeyT();
  const staffT = useStaffT();
  const { api } = useStaffSession();
  const [roles, setRoles] = useState<SecurityKeyRole[] | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.securityKeyPolicy().then(
      (policy) => setRoles(policy.requiredRoles),
      (error: unknown) => setErrors(errorsFrom(error, staffT)),
    );
    // `staffT` is left out on purpose: a language change must not reload the setting.
  }, [api]);

  const toggle = (role: SecurityKeyRole, checked: boolean) => {
    setSaved(false);
    setRoles((current) => SECURITY_KEY_ROLES.filter((r) => (r === role ? checked : (current ?? []).includes(r))));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || roles === null) return;
    setBusy(true);
    try {
      setRoles((await api.saveSecurityKeyPolicy({ requiredRoles: roles })).requiredRoles);
      setErrors(noErrors);
      setSaved(true);
    } catch (error) {
      setErrors(errorsFrom(error, staffT));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="security-key-policy">
      <h2 id="security-key-policy">{t.policyTitle}</h2>
      <p>{t.policyLead}</p>
      <ErrorSummary errors={errors} fieldIds={{}} />
      <p role="status" className={saved ? 'success-box' : 'visually-hidden'}>
        {saved ? (
          <>
            <CheckIcon />
            <span>{t.policySaved}</span>
          </>
        ) : null}
      </p>
      {roles === null ? null : (
        <form className="form" noValidate onSubmit={submit}>
          <fieldset className="fieldset">
            <legend className="field__label">{t.policyLegend}</legend>
            <div className="checkboxes">
              {SECURITY_KEY_ROLES.map((role) => (
                <Checkbox
                  key={role}
                  id={`security-key-policy-${role}`}
                  name="required-roles"
                  value={role}
                  label={t.roles[role]}
                  checked={roles.includes(role)}
                  onChange={(event) => toggle(role, event.target.checked)}
                />
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button">
            {busy ? t.policySaving : t.policySave}
          </button>
        </form>
      )}
    </section>
  );
}
