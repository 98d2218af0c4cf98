import { CONTACT_CHANNELS, CONTACT_RESULTS, type CaseDetail, type ContactAttempt } from '@mnpddh/shared';
import { useState } from 'react';
import { Field } from '../forms/field';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { SelectField, TextAreaField } from './fields';
import { useCaseWorkT } from './i18n';
import { useAction } from './use-action';

const IDS = { channel: 'contact-channel', result: 'contact-result', note: 'contact-note', nextContactOn: 'contact-next' };

/** A contact attempt, now: "Personne jointe" meets the first-contact target. Short enough for a phone at night. */
export function ContactForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseWorkT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run } = useAction();
  const [channel, setChannel] = useState<ContactAttempt['channel']>('phone');
  const [result, setResult] = useState<ContactAttempt['result']>('reached');
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');

  const submit = async () => {
    const ok = await run(() =>
      api.logContactAttempt(detail.id, { channel, result, ...(note.trim() ? { note } : {}), ...(next ? { nextContactOn: next } : {}) }),
    );
    if (ok) {
      setNote('');
      setNext('');
      onDone();
    }
  };

  return (
    <ActionForm id="contact-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.contact.submit} onSubmit={submit}>
      <div className="form__pair">
        <SelectField
          id={IDS.channel}
          label={t.contact.channel}
          value={channel}
          onChange={(event) => setChannel(event.target.value as ContactAttempt['channel'])}
          error={errors.fields.channel}
        >
          {CONTACT_CHANNELS.map((code) => (
            <option key={code} value={code}>
              {t.contact.channels[code]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={IDS.result}
          label={t.contact.result}
          value={result}
          onChange={(event) => setResult(event.target.value as ContactAttempt['result'])}
          error={errors.fields.result}
        >
          {CONTACT_RESULTS.map((code) => (
            <option key={code} value={code}>
              {t.contact.results[code]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        id={IDS.note}
        label={`${t.contact.note} ${t.optional}`}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={errors.fields.note}
      />
      <Field
        id={IDS.nextContactOn}
        type="date"
        label={`${t.contact.nextContact} ${t.optional}`}
        value={next}
        onChange={(event) => setNext(event.target.value)}
        error={errors.fields.nextContactOn}
        className="field__input--date"
      />
    </ActionForm>
  );
}
