import type { ConsentWithdrawal, FollowUpConsent } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { CheckIcon } from '../../ui/icons';
import type { FollowUpView } from '../api/follow-up-view';
import type { Failure, Result } from '../api/public-api';
import { SendFailure, Sending } from '../form/form-status';
import { useFocusLater } from '../form/use-focus-later';
import { format } from '../i18n/catalogues';
import { useFollowUpConsentT } from './consent-strings';

interface Props {
  consents: readonly FollowUpConsent[];
  withdraw: (body: ConsentWithdrawal) => Promise<Result<FollowUpView>>;
  onSessionLost: () => void;
}

/**
 * "Vos accords de partage": each consent the team recorded that still holds,
 * with what may be shared and why, and a button to withdraw it (asked once
 * more). The team sees the withdrawal on the case at once.
 */
export function ConsentList({ consents, withdraw, onSessionLost }: Props) {
  const t = useFollowUpConsentT();
  const [done, setDone] = useState(false);
  const focusLater = useFocusLater();
  return (
    <section aria-labelledby="consents-title" className="follow-up-section">
      <h2 id="consents-title">{t.title}</h2>
      <p>{t.lead}</p>
      <p id="consents-done" tabIndex={-1} className="sent-note" role="status">
        {done ? (
          <>
            <CheckIcon /> <span>{t.withdrawn}</span>
          </>
        ) : null}
      </p>
      {consents.length === 0 ? (
        <p className="muted-note">{t.empty}</p>
      ) : (
        <ul className="consent-list">
          {consents.map((consent) => (
            <ConsentItem
              key={consent.id}
              consent={consent}
              withdraw={withdraw}
              onSessionLost={onSessionLost}
              onWithdrawn={() => {
                setDone(true);
                focusLater('consents-done');
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ConsentItem({ consent, withdraw, onSessionLost, onWithdrawn }: { consent: FollowUpConsent; onWithdrawn: () => void } & Omit<Props, 'consents'>) {
  const t = useFollowUpConsentT();
  const [locale] = useLocale();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const focusLater = useFocusLater();
  const recipient = consent.recipientName ? `${t.recipients[consent.recipient]} (${consent.recipientName})` : t.recipients[consent.recipient];
  const date = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Africa/Bamako', dateStyle: 'long' }).format(new Date(consent.at));
  const askId = `consent-${consent.id}-ask`;
  const openId = `consent-${consent.id}-open`;

  const ask = (on: boolean) => {
    setAsking(on);
    focusLater(on ? askId : openId);
  };
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await withdraw({ sharingWithPartners: false, consentId: consent.id });
    setBusy(false);
    if (result.ok) return onWithdrawn();
    if (result.failure.kind === 'unauthenticated' || result.failure.kind === 'not_found') return onSessionLost();
    setFailure(result.failure);
  };

  return (
    <li className="consent-list__item">
      <p>
        <strong>{recipient}</strong>
      </p>
      <p className="question__hint">{format(t.given, { date })}</p>
      <p>{format(t.shared, { fields: consent.fields.map((field) => t.fields[field]).join(', ') })}</p>
      <p>{format(t.purpose, { purpose: consent.purpose })}</p>
      {asking ? (
        <div className="confirm-box">
          <p id={askId} tabIndex={-1}>
            <strong>{format(t.ask, { recipient })}</strong>
          </p>
          <Sending active={busy} />
          {failure ? <SendFailure failure={failure} /> : null}
          <div className="form-actions">
            <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void submit()}>
              {t.confirm}
            </button>
            <button type="button" className="button button--secondary" onClick={() => ask(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button id={openId} type="button" className="button button--secondary" onClick={() => ask(true)}>
          {t.withdraw}
          <span className="visually-hidden"> — {recipient}</span>
        </button>
      )}
    </li>
  );
}
