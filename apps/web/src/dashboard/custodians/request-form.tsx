import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary } from '../forms/error-summary';
import type { FormErrors } from '../forms/form-errors';
import { useCustodiansT } from './i18n';

interface Props {
  id: string;
  title: string;
  text: string;
  errors: FormErrors;
  /** API field name → id of its control, in the order of the form. */
  fieldIds: Record<string, string>;
  busy: boolean;
  onSubmit: () => void;
  children?: ReactNode;
}

/** One request card: what it is for, its fields, one "send" button. */
export function RequestForm({ id, title, text, errors, fieldIds, busy, onSubmit, children }: Props) {
  const t = useCustodiansT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section className="custodian-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="custodian-card__title">
        {title}
      </h3>
      <p>{text}</p>
      <form id={id} className="form custodian-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        {children}
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t.request.sending : t.request.submit}
        </button>
      </form>
    </section>
  );
}
