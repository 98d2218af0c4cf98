import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { EmergencyPhoneLink } from '../../ui/emergency-phone';
import { fill } from '../../ui/fill';
import type { Failure } from '../api/public-api';
import { format, useIntakeFirstT } from '../i18n/first-catalogue';
import type { IntakeFirstCatalogue } from '@mnpddh/shared';
import { AlertIcon } from './fields';
import { fieldId, hasErrors, noErrors, type FieldErrors } from './field-errors';

export interface FormErrorsState {
  errors: FieldErrors;
  /** Counts failed attempts: each one is announced again and focuses the first invalid field. */
  attempt: number;
  /** Shows these errors, announces them and moves focus to the first invalid field. */
  show: (errors: FieldErrors) => void;
  clear: () => void;
  /**
   * After a change, drops the errors that are fixed (those not in `current`),
   * quietly: no new error appears while the person is still typing.
   */
  retain: (current: FieldErrors) => void;
  /** The part of the page whose first invalid field gets focus. */
  container: RefObject<HTMLDivElement | null>;
}

export function useFormErrors(): FormErrorsState {
  const [errors, setErrors] = useState<FieldErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const first = container.current?.querySelector<HTMLElement>('[data-invalid="true"]');
    first?.focus();
  }, [attempt]);

  const show = useCallback((next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback(() => setErrors(noErrors), []);
  const retain = useCallback(
    (current: FieldErrors) =>
      setErrors((shown) => {
        const kept = Object.keys(shown).filter((path) => path in current);
        if (kept.length === Object.keys(shown).length) return shown;
        return Object.fromEntries(kept.map((path) => [path, current[path] ?? shown[path] ?? '']));
      }),
    [],
  );
  return { errors, attempt, show, clear, retain, container };
}

/**
 * Announces how many answers need correcting (a polite live region, read
 * after the focused field), and lists errors whose field is not on screen.
 */
export function ErrorSummary({ state }: { state: FormErrorsState }) {
  const t = useIntakeFirstT();
  const { errors, attempt } = state;
  const [orphans, setOrphans] = useState<string[]>([]);
  useEffect(() => {
    setOrphans(
      Object.entries(errors)
        .filter(([path]) => !document.getElementById(fieldId(path)))
        .map(([, message]) => message),
    );
  }, [errors]);
  const count = Object.keys(errors).length;
  return (
    <div className="form-status" aria-live="polite">
      {hasErrors(errors) ? (
        <div key={attempt} className="form-status__errors">
          <AlertIcon />
          <div>
            <p>{format(t.errors.summaryCount, { count })}</p>
            {orphans.length > 0 ? (
              <ul>
                {orphans.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** "2 minutes" from a Retry-After in seconds (at least one minute). */
export function waitText(seconds: number, t: IntakeFirstCatalogue): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return format(t.common.minutes, { count: minutes });
}

export function failureMessage(failure: Failure, t: IntakeFirstCatalogue): string {
  switch (failure.kind) {
    case 'network':
      return t.errors.network;
    case 'rate_limited':
      return failure.retryAfterSeconds ? format(t.errors.rateLimitedFor, { wait: waitText(failure.retryAfterSeconds, t) }) : t.errors.rateLimited;
    case 'busy':
      return failure.retryAfterSeconds ? format(t.errors.busyFor, { seconds: failure.retryAfterSeconds }) : t.errors.busy;
    case 'bad_response':
      return t.errors.badResponse;
    case 'invalid':
      return failure.message;
    default:
      return t.errors.server;
  }
}

/**
 * A send that did not go through: says so plainly and says the text is still
 * here. The form's own button sends again (the same submission: same
 * idempotency key), so there is one button to press, not two.
 */
export function SendFailure({ failure }: { failure: Failure }) {
  const t = useIntakeFirstT();
  const correlationId = failure.kind === 'server' ? failure.correlationId : undefined;
  return (
    <div className="send-failure" role="alert">
      <AlertIcon className="send-failure__icon" />
      <div className="send-failure__body">
        <p className="send-failure__message">{failureMessage(failure, t)}</p>
        {correlationId ? <p>{format(t.errors.correlation, { code: correlationId })}</p> : null}
        <p>{fill(t.errors.callInstead, { phone: <EmergencyPhoneLink /> })}</p>
      </div>
    </div>
  );
}

/** "Envoi en cours…": a polite status while a slow request is on its way. */
export function Sending({ active, text }: { active: boolean; text?: string }) {
  const t = useIntakeFirstT();
  return (
    <p className="sending" role="status">
      {active ? (text ?? t.common.sending) : null}
    </p>
  );
}

/**
 * When `value` (the draft) changes while errors are shown, drops those now
 * fixed. Only a change of the draft triggers it, so an error that only the
 * server can find stays until the person edits something.
 */
export function useRetainOnChange(state: FormErrorsState, value: unknown, compute: () => FieldErrors): void {
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    if (hasErrors(state.errors)) state.retain(compute());
  });
}
