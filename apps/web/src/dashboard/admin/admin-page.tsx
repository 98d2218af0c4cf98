import type { StaffDirectory, StaffSummary } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { format } from '../format';
import { WarningIcon } from '../icons';
import { useStaffT } from '../i18n/use-staff-t';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { InviteForm } from './invite-form';
import { LanguageCompleteness } from './language-completeness';
import { ReferenceLinks } from './reference-links';
import { StaffTable } from './staff-table';
import { DrasticActsPanel } from '../drastic-acts/drastic-acts-panel';
import { SecurityKeyPolicyForm } from '../security-keys/policy-form';

/** Admins: the staff directory, the triage-team warning, invitations and per-person actions. */
export function AdminPage() {
  const t = useStaffT();
  const { api, user } = useStaffSession();
  const [directory, setDirectory] = useState<StaffDirectory | null>(null);
  const [loadError, setLoadError] = useState<FormErrors | null>(null);
  const [actsShown, setActsShown] = useState(0);

  const load = useCallback(async () => {
    try {
      setDirectory(await api.listStaff());
      setLoadError(null);
    } catch (error) {
      setLoadError(errorsFrom(error, t));
    }
    // `t` is left out on purpose: a language change must not reload the list.
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const updated = (next: StaffSummary) =>
    setDirectory((current) => (current ? { ...current, users: current.users.map((existing) => (existing.id === next.id ? next : existing)) } : current));

  return (
    <>
      <h1>{t.admin.title}</h1>
      <p className="lead">{t.admin.lead}</p>

      {directory?.triageTeamWarning ? (
        <section className="alert-banner" role="alert" aria-labelledby="triage-warning-title">
          <WarningIcon className="alert-banner__icon" />
          <div>
            <h2 id="triage-warning-title" className="alert-banner__title">
              {t.admin.triageWarningTitle}
            </h2>
            <p>{t.admin.triageWarning}</p>
            <p className="alert-banner__count">{format(t.admin.triageTeam, { count: directory.triageTeamSize })}</p>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="staff-directory-title">
        <h2 id="staff-directory-title">{t.admin.directoryTitle}</h2>
        {directory ? (
          <>
            {directory.triageTeamWarning ? null : (
              <p>
                <strong>{format(t.admin.triageTeam, { count: directory.triageTeamSize })}</strong> <span className="muted">{t.admin.triageTeamHint}</span>
              </p>
            )}
            <StaffTable
              users={directory.users}
              selfId={user?.id ?? ''}
              onUpdated={updated}
              onChanged={() => {
                void load();
                setActsShown((shown) => shown + 1);
              }}
            />
            <p className="muted table-legend">{t.admin.legend}</p>
          </>
        ) : loadError ? (
          <>
            <ErrorSummary errors={loadError} fieldIds={{}} />
            <button type="button" className="button" onClick={() => void load()}>
              {t.admin.retry}
            </button>
          </>
        ) : (
          <Loading label={t.admin.loading} />
        )}
      </section>

      {/* Read again whenever an account changed: a request made from a row shows here at once. */}
      <DrasticActsPanel key={actsShown} />

      <section aria-labelledby="invite-title" className="invite">
        <h2 id="invite-title">{t.admin.inviteTitle}</h2>
        <InviteForm onInvited={() => void load()} />
      </section>

      <ReferenceLinks />
      <LanguageCompleteness />
      <SecurityKeyPolicyForm />
    </>
  );
}
