import type { ReactNode } from 'react';
import { ErrorSummary } from '../forms/error-summary';
import type { FormErrors } from '../forms/form-errors';
import { Loading } from '../require-session';
import { useRetentionT } from './i18n';

/** What was loaded, or why it failed (with "try again"), or that it is loading. */
export function Loaded<T>({
  value,
  error,
  reload,
  children,
}: {
  value: T | null;
  error: FormErrors | null;
  reload: () => void;
  children: (value: T) => ReactNode;
}) {
  const t = useRetentionT();
  if (value !== null) return <>{children(value)}</>;
  if (error) {
    return (
      <>
        <ErrorSummary errors={error} fieldIds={{}} />
        <button type="button" className="button" onClick={reload}>
          {t.retry}
        </button>
      </>
    );
  }
  return <Loading label={t.loading} />;
}
