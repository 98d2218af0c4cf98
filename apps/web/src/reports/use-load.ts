import { useCallback, useEffect, useState } from 'react';
import { errorsFrom, type FormErrors } from '../dashboard/forms/form-errors';
import { useStaffT } from '../dashboard/i18n/use-staff-t';

/**
 * Loads something for a key; `reload` asks again. A stale answer never
 * replaces a newer one, and a language change does not reload.
 */
export function useLoad<T>(key: string, load: () => Promise<T>) {
  const t = useStaffT();
  const [state, setState] = useState<{ key: string; value: T | null; error: FormErrors | null }>({ key: '', value: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    load()
      .then((value) => {
        if (live) setState({ key, value, error: null });
      })
      .catch((caught: unknown) => {
        if (live) setState({ key, value: null, error: errorsFrom(caught, t) });
      });
    return () => {
      live = false;
    };
    // `load` and `t` are left out on purpose: only a new key (or reload) asks again.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const current = state.key === key;
  return { value: current ? state.value : null, error: current ? state.error : null, reload };
}
