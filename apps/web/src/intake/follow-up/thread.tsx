import { useLocale } from '../../i18n/i18n-context';
import { EmergencyPhoneLink } from '../../ui/emergency-phone';
import { fill } from '../../ui/fill';
import type { FollowUpView, ThreadEntry } from '../api/follow-up-view';
import { format, useIntakeT } from '../i18n/catalogues';
import { consentEntryText, useFollowUpConsentT } from './consent-strings';

/** Bamako is UTC+0 all year; the explicit zone keeps a phone set to another zone from confusing times. */
function bamakoFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Africa/Bamako', ...options });
}

/** Where the request stands, in plain words, and when this access closes. */
export function RequestStatus({ view }: { view: FollowUpView }) {
  const t = useIntakeT();
  const f = t.followUp;
  const [locale] = useLocale();
  const closesAt = bamakoFormat(locale, { timeStyle: 'short' }).format(new Date(view.expiresAt));
  return (
    <section className="status-card" aria-labelledby="status-title">
      <h2 id="status-title">{f.statusTitle}</h2>
      <p className={`status status--${view.status}`}>{fill(f.status[view.status], { phone: <EmergencyPhoneLink /> })}</p>
      <p className="question__hint">{format(f.reference, { reference: view.reference })}</p>
      <p className="note">{format(f.expires, { time: closesAt, zone: t.common.bamakoTime })}</p>
    </section>
  );
}

/**
 * The conversation. Staff always sign "Équipe protection"; what the person
 * added (details, a withdrawn consent) is named, not shown back: follow-up
 * never shows the request's content.
 */
export function Thread({ thread }: { thread: readonly ThreadEntry[] }) {
  const t = useIntakeT();
  const f = t.followUp;
  const c = useFollowUpConsentT();
  const [locale] = useLocale();
  const when = bamakoFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const entries = [...thread].sort((a, b) => a.seq - b.seq);
  const text = (entry: ThreadEntry) => {
    if (entry.kind === 'details') return <p className="message__event">{f.detailsEntry}</p>;
    if (entry.kind === 'consent') return <p className="message__event">{consentEntryText(c, entry.body)}</p>;
    // What was sent is named, never played or shown back.
    if (entry.kind === 'file') return <p className="message__event">{format(f.fileEntry, { name: entry.body })}</p>;
    if (entry.kind === 'voice') return <p className="message__event">{f.voiceEntry}</p>;
    return <p className="message__body">{entry.body}</p>;
  };
  return (
    <section aria-labelledby="thread-title">
      <h2 id="thread-title">{f.threadTitle}</h2>
      {entries.length === 0 ? (
        <p className="muted-note">{f.threadEmpty}</p>
      ) : (
        <ol className="thread">
          {entries.map((entry) => {
            const team = entry.from === 'protection_team';
            return (
              <li key={entry.seq} className={`message ${team ? 'message--team' : 'message--you'}`}>
                <p className="message__meta">
                  <strong>{team ? f.team : f.you}</strong>
                  <span aria-hidden="true"> · </span>
                  <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                </p>
                {text(entry)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
