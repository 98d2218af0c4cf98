import { useCallback, useEffect, useState } from 'react';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';

/** The part of a zod schema the staff API client checks answers with. */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** One GET, checked against its shared schema; `reload` after a change or an error. */
export function useLoaded<T>(path: string, schema: Schema<T>) {
  const t = useStaffT();
  const { api } = useStaffSession();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<FormErrors | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .request('GET', path, { schema })
      .then((received) => {
        if (!live) return;
        setValue(received.value);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(errorsFrom(caught, t));
      });
    return () => {
      live = false;
    };
    // `t` and `schema` are left out on purpose: a language change must not reload, and schemas are module constants.
  }, [api, path, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { value, error, reload };
}
