import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CheckIcon } from '../../ui/icons';
import { ErrorSummary } from '../forms/error-summary';
import { Field } from '../forms/field';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { NewPassphraseFields, passphraseProblems } from '../forms/new-passphrase';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';

const FIELD_IDS = {
  currentPassword: 'change-current',
  newPassword: 'change-new',
  confirm: 'change-confirm',
};

/** Changing one's own passphrase: the form opens on demand, so a password manager does not fill it by itself. */
export function ChangePassword() {
  const t = useStaffT();
  const page = t.changePassword;
  const { api } = useStaffSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [open, setOpen] = useState(false);

  // Keyboard focus follows the form: into it when it opens, back to the button when it closes.
  const openButton = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    if (open) document.getElementById(FIELD_IDS.currentPassword)?.focus();
    else openButton.current?.focus();
  }, [open]);

  const close = () => {
    toggled.current = true;
    setOpen(false);
    setCurrent('');
    setNext('');
    setConfirm('');
    setErrors(noErrors);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const fields: Record<string, string> = {};
    if (!current) fields.currentPassword = t.errors.passwordRequired;
    const problems = passphraseProblems(next, confirm, t);
    if (problems.password) fields.newPassword = problems.password;
    if (problems.confirm) fields.confirm = problems.confirm;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields });
      return;
    }
    setBusy(true);
    setDone(false);
    try {
      await api.changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setErrors(noErrors);
      toggled.current = true;
      setOpen(false);
      setDone(true);
    } catch (error) {
      setErrors(errorsFrom(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="own-passphrase" aria-labelledby="own-passphrase-title">
      <h2 id="own-passphrase-title">{page.sectionTitle}</h2>
      <p>{page.intro}</p>
      <p role="status" className={done ? 'success-box' : 'visually-hidden'}>
        {done ? (
          <>
            <CheckIcon />
            <span>{page.done}</span>
          </>
        ) : null}
      </p>
      {open ? (
        <div className="narrow">
          <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
          <form className="form" noValidate onSubmit={submit}>
            <Field
              id={FIELD_IDS.currentPassword}
              label={page.current}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
              error={errors.fields.currentPassword}
            />
            <NewPassphraseFields
              ids={{ password: FIELD_IDS.newPassword, confirm: FIELD_IDS.confirm, show: 'change-show' }}
              labels={{ password: page.next, hint: page.nextHint, confirm: page.confirm }}
              value={next}
              confirm={confirm}
              onChange={setNext}
              onConfirmChange={setConfirm}
              errors={{ password: errors.fields.newPassword, confirm: errors.fields.confirm }}
            />
            <div className="button-row">
              <button type="submit" className="button">
                {busy ? page.submitting : page.submit}
              </button>
              <button type="button" className="button button--secondary" onClick={close}>
                {t.admin.cancel}
              </button>
            </div>
          </form>
        </div>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          ref={openButton}
          onClick={() => {
            toggled.current = true;
            setDone(false);
            setOpen(true);
          }}
        >
          {page.title}
        </button>
      )}
    </section>
  );
}
