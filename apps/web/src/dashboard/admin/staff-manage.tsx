import type { ActivationLink, PasswordResetImpact, StaffRole, StaffSummary } from '@mnpddh/shared';
import { useState, type FormEvent } from 'react';
import { Field } from '../forms/field';
import { ErrorSummary } from '../forms/error-summary';
import { Checkbox } from '../forms/field';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { format } from '../format';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { ActivationLinkBox } from './activation-link-box';
import { ConfirmDialog } from './confirm-dialog';
import { useEscrowT } from '../escrow/i18n';
import { ResetImpact } from '../escrow/reset-impact';
import { RoleFieldset, firstRoleId } from './role-fieldset';
import { useDrasticActsT } from '../drastic-acts/i18n';

type Confirmable = 'deactivate' | 'resetPassword' | 'resetSecondFactor';

interface Props {
  user: StaffSummary;
  isSelf: boolean;
  /** The API answered with the user's new state. */
  onUpdated: (user: StaffSummary) => void;
  /** Something changed that only a fresh directory shows (keys, second factor, triage team). */
  onChanged: () => void;
}

/** One person's account: roles and on-call, then the access actions, each with what it does. */
export function StaffManage({ user, isSelf, onUpdated, onChanged }: Props) {
  const t = useStaffT();
  const { api } = useStaffSession();
  const prefix = `manage-${user.id}`;
  const [roles, setRoles] = useState<StaffRole[]>(user.roles);
  const [onCall, setOnCall] = useState(user.onCall);
  const [alertPhone, setAlertPhone] = useState(user.alertPhone ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const [link, setLink] = useState<ActivationLink | null>(null);
  const [impact, setImpact] = useState<PasswordResetImpact | null>(null);
  const [riskAccepted, setRiskAccepted] = useState(false);
  const et = useEscrowT();
  const dt = useDrasticActsT();
  // Their loss is decided by two people: the row asks, another admin or supervisor confirms.
  const needsTwoPeople = user.roles.some((role) => role === 'admin' || role === 'custodian' || role === 'auditor');

  const askSecondPerson = (kind: 'deactivate' | 'reinstate') =>
    void run(async () => {
      await api.request('POST', '/api/admin/drastic-acts', { body: { kind, staffId: user.id } });
      setStatus(dt.asked);
      onChanged();
    });

  /** A password reset says first what it will end, and what it does to the escrow. */
  const askReset = () => {
    setImpact(null);
    setRiskAccepted(false);
    setConfirming('resetPassword');
    api.resetImpact(user.id).then(setImpact, (error: unknown) => {
      setConfirming(null);
      setErrors(errorsFrom(error, t));
    });
  };

  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setStatus(t.admin.working);
    setErrors(noErrors);
    try {
      await action();
    } catch (error) {
      setStatus('');
      setErrors(errorsFrom(error, t));
    } finally {
      setBusy(false);
    }
  };

  const saveRoles = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (roles.length === 0) {
      setErrors({ fields: { roles: t.errors.rolesRequired } });
      return;
    }
    void run(async () => {
      onUpdated(await api.updateStaff(user.id, { roles, onCall, alertPhone: alertPhone.trim() === '' ? null : alertPhone.trim() }));
      setStatus(t.admin.saved);
      onChanged();
    });
  };

  const confirmed = () => {
    const action = confirming;
    if (!action) return;
    // Close first: the browser gives focus back to the opening button, then a new link can take it.
    setConfirming(null);
    void run(async () => {
      if (action === 'deactivate') {
        onUpdated(await api.deactivateStaff(user.id));
        setStatus(format(t.admin.deactivated, { name: user.name }));
      } else {
        const issued =
          action === 'resetPassword' ? await api.resetPassword(user.id, { escrowRiskAccepted: riskAccepted }) : await api.resetSecondFactor(user.id);
        setLink(issued);
        setStatus(issued.accessEnded ? format(et.ended, { sessions: issued.accessEnded.sessions, grants: issued.accessEnded.grants }) : '');
      }
      onChanged();
    });
  };

  if (!user.active) {
    return (
      <div className="manage">
        <p className="manage__status" role="status">
          {status}
        </p>
        <ErrorSummary errors={errors} fieldIds={{}} />
        <p>{t.admin.inactive}</p>
        <button type="button" className="button button--secondary button--small" onClick={() => askSecondPerson('reinstate')}>
          {dt.askReinstate}
        </button>
        <p className="actions-list__hint">{dt.askReinstateHint}</p>
      </div>
    );
  }

  const dialogs: Record<Confirmable, { title: string; text: string; action: string }> = {
    deactivate: {
      title: t.admin.deactivateConfirmTitle,
      text: t.admin.deactivateConfirm,
      action: t.admin.deactivateConfirmAction,
    },
    resetPassword: {
      title: t.admin.resetPasswordConfirmTitle,
      text: t.admin.resetPasswordConfirm,
      action: t.admin.resetPasswordConfirmAction,
    },
    resetSecondFactor: {
      title: t.admin.resetSecondFactorConfirmTitle,
      text: t.admin.resetSecondFactorConfirm,
      action: t.admin.resetSecondFactorConfirmAction,
    },
  };
  const dialog = confirming ? dialogs[confirming] : null;

  return (
    <div className="manage">
      <h3 className="manage__title">{format(t.admin.manageTitle, { name: user.name })}</h3>
      <p className="manage__status" role="status">
        {status}
      </p>
      <ErrorSummary errors={errors} fieldIds={{ roles: firstRoleId(prefix), onCall: `${prefix}-on-call`, alertPhone: `${prefix}-alert-phone` }} />
      {link ? <ActivationLinkBox link={link} name={user.name} onDone={() => setLink(null)} /> : null}

      <div className="manage__grid">
        <form className="form manage__roles" noValidate onSubmit={saveRoles}>
          <RoleFieldset idPrefix={prefix} value={roles} onChange={setRoles} error={errors.fields.roles} />
          <Checkbox
            id={`${prefix}-on-call`}
            label={t.admin.onCall}
            hint={t.admin.onCallHint}
            checked={onCall}
            onChange={(event) => setOnCall(event.target.checked)}
          />
          <Field
            id={`${prefix}-alert-phone`}
            label={t.admin.alertPhone}
            hint={t.admin.alertPhoneHint}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={alertPhone}
            error={errors.fields.alertPhone}
            onChange={(event) => setAlertPhone(event.target.value)}
          />
          <button type="submit" className="button button--small">
            {t.admin.rolesSave}
          </button>
        </form>

        <div className="manage__access">
          <h4 className="manage__subtitle">{t.admin.accessTitle}</h4>
          <ul className="actions-list">
            <li>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  void run(async () => {
                    await api.endSessions(user.id);
                    setStatus(t.admin.sessionsEnded);
                  })
                }
              >
                {t.admin.endSessions}
              </button>
              <p className="actions-list__hint">{t.admin.endSessionsHint}</p>
            </li>
            <li>
              <button type="button" className="button button--secondary button--small" onClick={() => setConfirming('resetSecondFactor')}>
                {t.admin.resetSecondFactor}
              </button>
              <p className="actions-list__hint">{t.admin.resetSecondFactorHint}</p>
            </li>
            <li>
              <button type="button" className="button button--secondary button--small" onClick={askReset}>
                {t.admin.resetPassword}
              </button>
              <p className="actions-list__hint">{t.admin.resetPasswordHint}</p>
            </li>
            <li>
              {isSelf ? (
                <p className="actions-list__hint">{t.admin.selfNote}</p>
              ) : needsTwoPeople ? (
                <>
                  <button type="button" className="button button--danger-outline button--small" onClick={() => askSecondPerson('deactivate')}>
                    {dt.askDeactivate}
                  </button>
                  <p className="actions-list__hint">{dt.askDeactivateHint}</p>
                </>
              ) : (
                <>
                  <button type="button" className="button button--danger-outline button--small" onClick={() => setConfirming('deactivate')}>
                    {t.admin.deactivate}
                  </button>
                  <p className="actions-list__hint">{t.admin.deactivateHint}</p>
                </>
              )}
            </li>
          </ul>
        </div>
      </div>

      <ConfirmDialog
        open={dialog !== null}
        title={dialog ? format(dialog.title, { name: user.name }) : ''}
        confirmLabel={dialog?.action ?? ''}
        onConfirm={confirmed}
        onCancel={() => setConfirming(null)}
      >
        <p>{dialog?.text}</p>
        {confirming === 'resetPassword' ? <ResetImpact impact={impact} idPrefix={prefix} riskAccepted={riskAccepted} onRiskAccepted={setRiskAccepted} /> : null}
      </ConfirmDialog>
    </div>
  );
}
