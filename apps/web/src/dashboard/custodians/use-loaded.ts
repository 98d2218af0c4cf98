import { useCallback, useEffect, useState } from 'react';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';

/** One read for a custodian screen: its value, its error in the user's language, and `reload`. `load` must be stable. */
export function useLoaded<T>(load: () => Promise<T>) {
  const t = useStaffT();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<FormErrors | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    load()
      .then((loaded) => {
        if (!live) return;
        setValue(loaded);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(errorsFrom(caught, t));
      });
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a language change must not read again.
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { value, error, reload };
}
