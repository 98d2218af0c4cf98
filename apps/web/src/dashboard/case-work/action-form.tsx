import type { FormEvent, ReactNode } from 'react';
import { CheckIcon } from '../../ui/icons';
import { ErrorSummary } from '../forms/error-summary';
import type { FormErrors } from '../forms/form-errors';
import { useCaseWorkT } from './i18n';

interface Props {
  id: string;
  errors: FormErrors;
  /** API field name → id of its control, in the order of the form. */
  fieldIds: Record<string, string>;
  busy: boolean;
  saved: boolean;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** The frame of every action form: the error summary on top, the fields, one button, "saved" announced. */
export function ActionForm({ id, errors, fieldIds, busy, saved, submitLabel, onSubmit, children }: Props) {
  const t = useCaseWorkT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form id={id} className="form action-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      {children}
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? t.saving : submitLabel}
      </button>
      <p className="action-form__saved" role="status">
        {saved ? (
          <>
            <CheckIcon />
            {t.saved}
          </>
        ) : null}
      </p>
    </form>
  );
}
