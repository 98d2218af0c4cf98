import { Agenda } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';

/** The caller's agenda; `reload` after an error. */
export function useAgenda() {
  const t = useStaffT();
  const { api } = useStaffSession();
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<FormErrors | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .request('GET', '/api/agenda', { schema: Agenda })
      .then(({ value }) => {
        if (!live) return;
        setAgenda(value);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(errorsFrom(caught, t));
      });
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a language change must not reload the agenda.
  }, [api, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { agenda, error, reload };
}
