import { useEffect, useRef, type MouseEvent } from 'react';
import { format } from '../format';
import { useStaffT } from '../i18n/use-staff-t';
import { hasErrors, type FormErrors } from './form-errors';

interface Props {
  errors: FormErrors;
  /** API field name → id of its input, in the order of the form. Fields not listed are shown without a link. */
  fieldIds: Record<string, string>;
}

/**
 * The list of problems at the top of a form: announced at once (role=alert),
 * focused so keyboard users start from it, each problem linking to its field.
 */
export function ErrorSummary({ errors, fieldIds }: Props) {
  const t = useStaffT();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (hasErrors(errors)) box.current?.focus();
  }, [errors]);

  if (!hasErrors(errors)) return null;

  const linked = Object.keys(fieldIds).filter((name) => errors.fields[name]);
  // A refusal's reason is already the message: not said twice.
  const unlinked = Object.keys(errors.fields).filter((name) => !fieldIds[name] && errors.fields[name] !== errors.message);
  const goTo = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    // Focus the field itself rather than changing the address's #hash.
    event.preventDefault();
    const input = document.getElementById(id);
    input?.focus();
    input?.closest('.field, fieldset')?.scrollIntoView({ block: 'center' });
  };

  return (
    <div ref={box} className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary__title">{t.errors.summaryTitle}</h2>
      {errors.message ? <p>{errors.message}</p> : null}
      {linked.length + unlinked.length > 0 ? (
        <ul className="error-summary__list">
          {linked.map((name) => (
            <li key={name}>
              <a href={`#${fieldIds[name]}`} onClick={(event) => goTo(event, fieldIds[name] ?? '')}>
                {errors.fields[name]}
              </a>
            </li>
          ))}
          {unlinked.map((name) => (
            <li key={name}>{errors.fields[name]}</li>
          ))}
        </ul>
      ) : null}
      {errors.retryAfterSeconds ? <p>{format(t.signIn.retryAfter, { minutes: Math.max(1, Math.ceil(errors.retryAfterSeconds / 60)) })}</p> : null}
      {errors.correlationId ? <p className="error-summary__code">{format(t.errors.correlation, { id: errors.correlationId })}</p> : null}
    </div>
  );
}
