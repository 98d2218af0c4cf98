import type { ActivateResponse } from '@mnpddh/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { CheckIcon, InfoIcon } from '../../ui/icons';
import { ApiError } from '../api';
import { ErrorSummary } from '../forms/error-summary';
import { Field } from '../forms/field';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { NewPassphraseFields, passphraseProblems } from '../forms/new-passphrase';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { TotpEnrolment } from './totp-enrolment';

const FIELD_IDS = { password: 'activation-passphrase', confirm: 'activation-confirm', show: 'activation-show' };

/** The link is `/personnel/activation#<token>` (or `#token=<token>`): the part after # never reaches a server. */
function tokenFromHash(hash: string): string {
  const raw = hash.replace(/^#/, '');
  if (!raw) return '';
  if (!raw.includes('=')) return decodeURIComponent(raw);
  return new URLSearchParams(raw).get('token') ?? '';
}

/**
 * The API marks a second-factor reset with an `s.` prefix: that link asks
 * for the current passphrase (the key pair stays); invitations (`i.`) and
 * passphrase resets (`p.`) set a new one. Anything else is treated as a new
 * passphrase, and the API has the last word.
 */
function asksCurrentPassphrase(token: string): boolean {
  return token.startsWith('s.');
}

/**
 * Activation from a one-time link: choose a passphrase (or confirm it), add
 * the account to a code app (QR code or key typed by hand), then sign in.
 */
export function ActivationPage() {
  const t = useStaffT();
  const page = t.activation;
  const session = useStaffSession();
  const navigate = useNavigate();
  const location = useLocation();
  // Read, then taken out of the address bar (history, screen sharing, someone looking over a shoulder).
  const [token, setToken] = useState(() => tokenFromHash(location.hash));
  const current = asksCurrentPassphrase(token);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<ActivateResponse | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!location.hash) return;
    // Another link pasted into the same tab changes only the #fragment: start again with it.
    const next = tokenFromHash(location.hash);
    if (next && next !== token) {
      setToken(next);
      setPassword('');
      setConfirm('');
      setErrors(noErrors);
      setEnrolment(null);
    }
    // navigate(replace) is history.replaceState, and keeps the router in step.
    navigate({ pathname: location.pathname, search: location.search, hash: '' }, { replace: true });
  }, [location, navigate, token]);

  useEffect(() => {
    if (enrolment) stepHeading.current?.focus();
  }, [enrolment]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = current ? (password ? {} : { password: t.errors.passwordRequired }) : passphraseProblems(password, confirm, t);
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems });
      return;
    }
    setBusy(true);
    try {
      setEnrolment(await session.api.activate({ token, password }));
      setPassword('');
      setConfirm('');
      setErrors(noErrors);
    } catch (error) {
      const found = errorsFrom(error, t);
      // The API does not say why a link fails (used, expired, replaced): say what to do.
      setErrors(error instanceof ApiError && error.code === 'NOT_FOUND' ? { ...found, message: page.linkInvalid } : found);
    } finally {
      setBusy(false);
    }
  };

  const signIn = () => {
    if (!enrolment) return;
    session.activated(enrolment.email);
    navigate('/personnel');
  };

  // A passphrase reset keeps a second factor already confirmed: no new QR code then.
  const newApp = Boolean(enrolment?.totpUri && enrolment.totpQrSvg);
  const step = !enrolment ? 1 : newApp ? 2 : 3;

  return (
    <div className="narrow">
      <h1>{page.title}</h1>
      <ol className="steps" aria-label={page.stepsLabel}>
        {page.steps.map((label, index) => {
          const number = index + 1;
          const state = number < step ? 'done' : number === step ? 'current' : 'todo';
          return (
            <li key={label} className={`steps__step steps__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="steps__number" aria-hidden="true">
                {state === 'done' ? <CheckIcon /> : number}
              </span>
              <span>
                {label}
                {state === 'todo' ? null : <span className="visually-hidden"> {state === 'done' ? page.stepDone : page.stepCurrent}</span>}
              </span>
            </li>
          );
        })}
      </ol>

      {!token ? (
        <p className="warning-box" role="alert">
          <InfoIcon />
          <span>{page.noToken}</span>
        </p>
      ) : enrolment && newApp ? (
        <TotpEnrolment enrolment={enrolment} headingRef={stepHeading} onContinue={signIn} />
      ) : enrolment ? (
        <section aria-labelledby="activation-continue-title">
          <h2 id="activation-continue-title" ref={stepHeading} tabIndex={-1}>
            {page.continueTitle}
          </h2>
          <p className="success-box" role="status">
            <CheckIcon />
            <span>{page.keepApp}</span>
          </p>
          <p>{page.continueText}</p>
          <button type="button" className="button" onClick={signIn}>
            {page.continue}
          </button>
        </section>
      ) : (
        <section aria-labelledby="activation-passphrase-title">
          <h2 id="activation-passphrase-title">{current ? page.currentTitle : page.passphraseTitle}</h2>
          {current ? (
            <p>{page.currentIntro}</p>
          ) : (
            <>
              <p>{page.passphraseIntro}</p>
              <div className="callout">
                <InfoIcon />
                <div>
                  <h3 className="callout__title">{page.tipsTitle}</h3>
                  <ul className="plain-list">
                    {page.tips.map((tip) => (
                      <li key={tip}>{tip}</li>
                    ))}
                  </ul>
                </div>
              </div>
            </>
          )}
          <ErrorSummary errors={errors} fieldIds={{ password: FIELD_IDS.password, confirm: FIELD_IDS.confirm }} />
          <form className="form" noValidate onSubmit={submit}>
            {current ? (
              <Field
                id={FIELD_IDS.password}
                label={page.currentPassphrase}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={errors.fields.password}
              />
            ) : (
              <NewPassphraseFields
                ids={FIELD_IDS}
                labels={{ password: page.passphrase, hint: page.passphraseHint, confirm: page.confirm }}
                value={password}
                confirm={confirm}
                onChange={setPassword}
                onConfirmChange={setConfirm}
                errors={errors.fields}
              />
            )}
            <button type="submit" className="button">
              {busy ? page.submitting : current ? page.currentSubmit : page.submit}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
