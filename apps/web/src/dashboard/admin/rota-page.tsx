import type { StaffDirectory } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { RotaList } from './rota-list';
import { useRotaT } from './rota-strings';

/**
 * /personnel/admin/astreinte (admins and supervisors): the on-call rota, in
 * the order alerts escalate through it. The server sends the rota first
 * (onCall, in order), then the rest of the active team.
 */
export function RotaPage() {
  const t = useRotaT();
  const staffT = useStaffT();
  const { api } = useStaffSession();
  const [directory, setDirectory] = useState<StaffDirectory | null>(null);
  const [loadError, setLoadError] = useState<FormErrors | null>(null);

  const load = useCallback(async () => {
    try {
      setDirectory(await api.rota());
      setLoadError(null);
    } catch (error) {
      setLoadError(errorsFrom(error, staffT));
    }
    // `staffT` is left out on purpose: a language change must not reload the rota.
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.escalation}</p>
      <p className="muted">{t.triage}</p>
      {directory ? (
        <RotaList directory={directory} />
      ) : loadError ? (
        <>
          <ErrorSummary errors={loadError ?? noErrors} fieldIds={{}} />
          <button type="button" className="button" onClick={() => void load()}>
            {t.retry}
          </button>
        </>
      ) : (
        <Loading label={t.loading} />
      )}
    </>
  );
}
