import { useCallback, useState } from 'react';
import { errorsFrom, hasErrors, noErrors, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';

/**
 * One write on a case: busy while it runs, the server's refusal (field by
 * field, in the user's language) when it fails, "saved" when it worked —
 * then the caller reloads the case.
 */
export function useAction() {
  const t = useStaffT();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);

  const run = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      if (busy) return false;
      setBusy(true);
      setSaved(false);
      setErrors(noErrors);
      try {
        await work();
        setSaved(true);
        return true;
      } catch (error) {
        setErrors(errorsFrom(error, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [busy, t],
  );

  /** Problems found before asking the server (missing required fields). */
  const refuse = useCallback((fields: Record<string, string>) => {
    setSaved(false);
    setErrors({ fields });
    return hasErrors({ fields });
  }, []);

  return { busy, errors, saved, run, refuse };
}
