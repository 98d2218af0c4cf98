import { StaffMessage, type CaseDetail } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { ActionForm } from '../case-work/action-form';
import { TextAreaField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { formatDateTime } from '../format';
import { useStaffSession } from '../session';
import { useCasesT } from './i18n';

/** The conversation with the defender; staff always sign as "Équipe protection", never by name. */
export function Thread({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCasesT();
  const [locale] = useLocale();
  const messages = detail.thread.filter((entry) => entry.kind === 'message');
  return (
    <>
      {messages.length === 0 ? (
        <p className="muted">{t.thread.empty}</p>
      ) : (
        <ol className="thread">
          {messages.map((entry) => (
            <li key={entry.seq} className={entry.from === 'protection_team' ? 'thread__message thread__message--team' : 'thread__message'}>
              <p className="thread__meta">
                <strong>{entry.from === 'protection_team' ? t.timeline.team : t.timeline.defender}</strong> ·{' '}
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </p>
              <p className="prewrap">{entry.body}</p>
            </li>
          ))}
        </ol>
      )}
      <MessageForm caseId={detail.id} onDone={onDone} />
    </>
  );
}

function MessageForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useCasesT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [body, setBody] = useState('');
  const submit = async () => {
    const message = check(StaffMessage, { body }, { body: t.thread.required });
    if (!message) return;
    if (await run(() => api.sendMessage(caseId, message))) {
      setBody('');
      onDone();
    }
  };
  return (
    <ActionForm id="message-form" errors={errors} fieldIds={{ body: 'message-body' }} busy={busy} saved={saved} submitLabel={t.thread.send} onSubmit={submit}>
      <TextAreaField
        id="message-body"
        label={t.thread.label}
        hint={t.thread.signedAs}
        rows={4}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={errors.fields.body}
      />
    </ActionForm>
  );
}
