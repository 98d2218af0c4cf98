import type { CaseDetail } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { useCasesT } from './i18n';

/**
 * One case, decrypted by the server (each read is audited). After an action
 * the case is read again; the page keeps showing the previous state meanwhile.
 */
export function useCase(caseId: string) {
  const st = useStaffT();
  const t = useCasesT();
  const { api } = useStaffSession();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<FormErrors | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .openCase(caseId)
      .then((value) => {
        if (!live) return;
        setDetail(value);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!live) return;
        if (caught instanceof ApiError && (caught.status === 403 || caught.status === 404)) {
          setError({ message: caught.status === 403 ? t.errors.forbidden : t.errors.notFound, fields: {} });
        } else {
          setError(errorsFrom(caught, st));
        }
      });
    return () => {
      live = false;
    };
    // The language is left out on purpose: switching it must not read (and audit) the case again.
  }, [api, caseId, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { detail, error, reload };
}
