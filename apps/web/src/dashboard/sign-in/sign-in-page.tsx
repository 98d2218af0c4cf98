import { Email } from '@mnpddh/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { InfoIcon } from '../../ui/icons';
import { ApiError } from '../api';
import { ErrorSummary } from '../forms/error-summary';
import { Field } from '../forms/field';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { Redirect } from '../redirect';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { SecurityKeySignIn } from './security-key-sign-in';

const FIELD_IDS = { email: 'sign-in-email', password: 'sign-in-password', totp: 'sign-in-code' };

/**
 * Staff sign-in: e-mail, passphrase, and the 6-digit code (or a recovery
 * code). After the first sign-in with a new second factor, the layout shows
 * the recovery codes once before the staff home.
 */
export function SignInPage() {
  const t = useStaffT();
  const session = useStaffSession();
  const { status, check } = session;
  const [email, setEmail] = useState(session.prefillEmail);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  /** Signed in with a code although a role of theirs requires a key they do not have yet: straight to adding one. */
  const [keyNeeded, setKeyNeeded] = useState(false);

  useEffect(() => {
    if (status === 'unknown') check();
  }, [status, check]);

  // After switching between the 6-digit code and a recovery code, continue in the new field.
  const switched = useRef(false);
  useEffect(() => {
    if (switched.current) document.getElementById(FIELD_IDS.totp)?.focus();
  }, [useRecovery]);

  if (status === 'signed-in') return <Redirect to={keyNeeded ? '/personnel/cles-de-securite' : '/personnel/accueil'} />;
  if (status !== 'signed-out') return <Loading label={t.area.loading} />;

  const validate = (): FormErrors => {
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = t.errors.emailRequired;
    else if (!Email.safeParse(email).success) fields.email = t.errors.emailInvalid;
    if (!password) fields.password = t.errors.passwordRequired;
    const compact = code.replace(/[\s-]/g, '');
    if (useRecovery) {
      if (!compact) fields.totp = t.errors.recoveryRequired;
    } else if (!compact) fields.totp = t.errors.codeRequired;
    else if (!/^\d{6}$/.test(compact)) fields.totp = t.errors.codeInvalid;
    return { fields };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found.fields).length > 0) {
      setErrors(found);
      return;
    }
    setBusy(true);
    try {
      // New recovery codes, if any, ride along: the layout shows them before anything else.
      const received = await session.api.login({ email: email.trim(), password, totp: code });
      setKeyNeeded(received.value.securityKeyNeeded === true);
      session.signedIn(received);
    } catch (error) {
      const found = errorsFrom(error, t);
      const refused = error instanceof ApiError && error.status === 401;
      // The API's 401 wording is the generic "sign in to continue": say what went wrong here instead.
      setErrors(refused ? { ...found, message: t.signIn.refused } : found);
      // A code that was refused is useless: the next one will be typed fresh.
      if (refused) setCode('');
      setBusy(false);
    }
  };

  const notice = session.notice ? t.signIn[session.notice] : null;

  return (
    <div className="narrow">
      <h1>{t.signIn.title}</h1>
      <p className="lead">{t.signIn.lead}</p>
      {notice ? (
        <p className="notice" role="status">
          <InfoIcon />
          <span>{notice}</span>
        </p>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form className="form" noValidate onSubmit={submit}>
        <Field
          id={FIELD_IDS.email}
          label={t.signIn.email}
          type="email"
          name="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.fields.email}
        />
        <Field
          id={FIELD_IDS.password}
          label={t.signIn.password}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields.password}
        />
        {useRecovery ? (
          <Field
            key="recovery"
            id={FIELD_IDS.totp}
            label={t.signIn.recoveryCode}
            hint={t.signIn.recoveryHint}
            type="text"
            name="recovery-code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            className="field__input--code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={errors.fields.totp}
          />
        ) : (
          <Field
            key="totp"
            id={FIELD_IDS.totp}
            label={t.signIn.code}
            hint={t.signIn.codeHint}
            type="text"
            name="one-time-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="field__input--code field__input--short"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={errors.fields.totp}
          />
        )}
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              switched.current = true;
              setUseRecovery(!useRecovery);
              setCode('');
            }}
          >
            {useRecovery ? t.signIn.useCode : t.signIn.useRecovery}
          </button>
        </p>
        <button type="submit" className="button">
          {busy ? t.signIn.submitting : t.signIn.submit}
        </button>
      </form>
      <SecurityKeySignIn email={email} password={password} onErrors={setErrors} />
      <p className="form-help">{t.signIn.help}</p>
      <p className="form-help">
        {t.area.notForPublic} <Link to="/demande">{t.area.requestLink}</Link>
      </p>
    </div>
  );
}
