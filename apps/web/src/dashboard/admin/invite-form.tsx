import { Email, PersonName, type ActivationLink, type StaffRole } from '@mnpddh/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../forms/error-summary';
import { Checkbox, Field } from '../forms/field';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { ActivationLinkBox } from './activation-link-box';
import { RoleFieldset, firstRoleId } from './role-fieldset';

const PREFIX = 'invite';
const FIELD_IDS = { email: 'invite-email', name: 'invite-name', roles: firstRoleId(PREFIX), onCall: 'invite-on-call' };

/** Invites a person: the API answers with a one-time link, shown here once. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const t = useStaffT();
  const { api } = useStaffSession();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [onCall, setOnCall] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ link: ActivationLink; name: string } | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = t.errors.emailRequired;
    else if (!Email.safeParse(email).success) fields.email = t.errors.emailInvalid;
    if (!PersonName.safeParse(name).success) fields.name = t.errors.nameRequired;
    if (roles.length === 0) fields.roles = t.errors.rolesRequired;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields });
      return;
    }
    setBusy(true);
    try {
      const created = await api.inviteStaff({ email: email.trim(), name: name.trim(), roles, onCall });
      setLink({ link: created, name: name.trim() });
      setEmail('');
      setName('');
      setRoles([]);
      setOnCall(false);
      setErrors(noErrors);
      onInvited();
    } catch (error) {
      setErrors(errorsFrom(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (link) return <ActivationLinkBox link={link.link} name={link.name} onDone={() => setLink(null)} />;

  return (
    <>
      <p>{t.admin.inviteLead}</p>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form className="form invite-form" noValidate onSubmit={submit}>
        <div className="form__pair">
          <Field
            id={FIELD_IDS.email}
            label={t.admin.email}
            type="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={errors.fields.email}
          />
          <Field
            id={FIELD_IDS.name}
            label={t.admin.name}
            type="text"
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.fields.name}
          />
        </div>
        <RoleFieldset idPrefix={PREFIX} value={roles} onChange={setRoles} error={errors.fields.roles} withHints />
        <Checkbox
          id={FIELD_IDS.onCall}
          label={t.admin.onCall}
          hint={t.admin.onCallHint}
          checked={onCall}
          onChange={(event) => setOnCall(event.target.checked)}
        />
        <button type="submit" className="button">
          {busy ? t.admin.inviteSubmitting : t.admin.inviteSubmit}
        </button>
      </form>
    </>
  );
}
