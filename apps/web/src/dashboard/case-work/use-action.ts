import { useCallback, useState } from 'react';
import type { ZodType } from 'zod';
import { useLocale } from '../../i18n/i18n-context';
import { checkInput, type FieldWords } from '../forms/check-input';
import { errorsFrom, hasErrors, noErrors, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';

/**
 * One write on a case: busy while it runs, the server's refusal (field by
 * field, in the user's language) when it fails, "saved" when it worked —
 * then the caller reloads the case.
 */
export function useAction() {
  const t = useStaffT();
  const [locale] = useLocale();
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

  /**
   * What the form is about to send, parsed by the shared schema the API parses it with: the value to
   * send, or null with the refusals shown. `fields` words a field refused for being empty or unchosen.
   */
  const check = useCallback(
    <T>(schema: ZodType<T>, body: unknown, fields?: FieldWords): T | null => {
      const verdict = checkInput(schema, body, locale, { required: t.errors.required, fields });
      if (verdict.ok) return verdict.value;
      refuse(verdict.fields);
      return null;
    },
    [locale, t, refuse],
  );

  return { busy, errors, saved, run, refuse, check };
}
