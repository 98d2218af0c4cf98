import { Email } from '@mnpddh/shared';
import { useState } from 'react';
import { ApiError } from '../api';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { getAssertion, supportsSecurityKeys } from '../security-keys/browser-webauthn';
import { useSecurityKeyT } from '../security-keys/strings';

interface Props {
  email: string;
  password: string;
  onErrors: (errors: FormErrors) => void;
}

/**
 * The other second factor: the passphrase, then a touch of the security key
 * instead of the 6-digit code. The challenge is asked for the address typed;
 * the key's answer goes with the passphrase in the one sign-in request.
 */
export function SecurityKeySignIn({ email, password, onErrors }: Props) {
  const t = useSecurityKeyT();
  const staffT = useStaffT();
  const session = useStaffSession();
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    if (busy) return;
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = staffT.errors.emailRequired;
    else if (!Email.safeParse(email).success) fields.email = staffT.errors.emailInvalid;
    if (!password) fields.password = staffT.errors.passwordRequired;
    if (Object.keys(fields).length > 0) return onErrors({ fields });
    if (!supportsSecurityKeys()) return onErrors({ message: t.unsupported, fields: {} });
    setBusy(true);
    try {
      const options = await session.api.securityKeyChallenge(email.trim());
      const securityKey = await getAssertion(options).catch(() => null);
      if (!securityKey) {
        onErrors({ message: t.cancelled, fields: {} });
        setBusy(false);
        return;
      }
      session.signedIn(await session.api.login({ email: email.trim(), password, securityKey }));
    } catch (error) {
      const found = errorsFrom(error, staffT);
      const refused = error instanceof ApiError && error.status === 401;
      onErrors(refused ? { ...found, message: staffT.signIn.refused } : found);
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-key">
      <p className="muted">{t.signInWithKeyHint}</p>
      <button type="button" className="button button--secondary" onClick={() => void signIn()}>
        {busy ? staffT.signIn.submitting : t.signInWithKey}
      </button>
    </div>
  );
}
