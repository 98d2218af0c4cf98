import { AGENDA_EVENT_KINDS, AgendaEventCancellation, NewAgendaEvent, type AgendaEventKind, type AgendaEventView, type CaseDetail } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { useAgendaT } from '../agenda/i18n';
import { longDay } from '../cases/when';
import { format } from '../format';
import { Field } from '../forms/field';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { SelectField, TextAreaField } from './fields';
import { useAction } from './use-action';

const IDS = { kind: 'agenda-event-kind', on: 'agenda-event-on', note: 'agenda-event-note' };

/**
 * Hearings, detention reviews and other dates of the case: the ones still
 * standing, each of which can be cancelled (a postponement is a cancellation
 * and a new date), and the form to add one. They feed "Mon agenda".
 */
export function AgendaEventsForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useAgendaT().panel;
  const standing = detail.agendaEvents.filter((event) => !event.cancelled);
  const upcoming = [...standing].sort((a, b) => a.on.localeCompare(b.on));
  return (
    <>
      <p className="form-help">{t.intro}</p>
      <h3>{t.upcoming}</h3>
      {upcoming.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className="work-list">
          {upcoming.map((event) => (
            <StandingEvent key={event.id} caseId={detail.id} event={event} onDone={onDone} />
          ))}
        </ul>
      )}
      <h3>{t.addTitle}</h3>
      <AddEvent caseId={detail.id} onDone={onDone} />
    </>
  );
}

function StandingEvent({ caseId, event, onDone }: { caseId: string; event: AgendaEventView; onDone: () => void }) {
  const t = useAgendaT();
  const [locale] = useLocale();
  const [cancelling, setCancelling] = useState(false);
  const what = format(t.timeline, { kind: t.kinds[event.kind], date: longDay(event.on, locale) });
  return (
    <li className="work-list__item">
      <p className="work-list__title">{what}</p>
      {event.note ? <p>{event.note}</p> : null}
      {cancelling ? (
        <CancelEvent caseId={caseId} eventId={event.id} onDone={onDone} onBack={() => setCancelling(false)} />
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={format(t.panel.cancelLabel, { event: what })}
          onClick={() => setCancelling(true)}
        >
          {t.panel.cancel}
        </button>
      )}
    </li>
  );
}

function CancelEvent({ caseId, eventId, onDone, onBack }: { caseId: string; eventId: string; onDone: () => void; onBack: () => void }) {
  const t = useAgendaT().panel;
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [reason, setReason] = useState('');
  const id = `agenda-cancel-${eventId}`;
  const submit = async () => {
    const body = check(AgendaEventCancellation, { reason }, { reason: t.reasonRequired });
    if (!body) return;
    if (await run(() => api.request('POST', `/api/cases/${caseId}/agenda-events/${eventId}/cancel`, { body }))) onDone();
  };
  return (
    <>
      <ActionForm
        id={`${id}-form`}
        errors={errors}
        fieldIds={{ reason: id }}
        busy={busy}
        saved={saved}
        submitLabel={t.submitCancel}
        onSubmit={() => void submit()}
      >
        <TextAreaField
          id={id}
          label={t.reason}
          hint={t.cancelHint}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          error={errors.fields.reason}
        />
      </ActionForm>
      <button type="button" className="button button--secondary button--small" onClick={onBack}>
        {t.back}
      </button>
    </>
  );
}

function AddEvent({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useAgendaT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [kind, setKind] = useState<AgendaEventKind | ''>('');
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    const body = check(NewAgendaEvent, { kind, on, note }, { kind: t.panel.kindRequired, on: t.panel.dayRequired });
    if (!body) return;
    if (await run(() => api.request('POST', `/api/cases/${caseId}/agenda-events`, { body }))) {
      setKind('');
      setOn('');
      setNote('');
      onDone();
    }
  };
  return (
    <ActionForm id="agenda-event-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.panel.add} onSubmit={() => void submit()}>
      <SelectField
        id={IDS.kind}
        label={t.panel.kind}
        value={kind}
        onChange={(event) => setKind(event.target.value as AgendaEventKind)}
        error={errors.fields.kind}
      >
        <option value="">{t.panel.choose}</option>
        {AGENDA_EVENT_KINDS.map((code) => (
          <option key={code} value={code}>
            {t.kinds[code]}
          </option>
        ))}
      </SelectField>
      <Field id={IDS.on} type="date" label={t.panel.on} value={on} onChange={(event) => setOn(event.target.value)} error={errors.fields.on} />
      <TextAreaField
        id={IDS.note}
        label={t.panel.note}
        value={note}
        maxLength={1000}
        onChange={(event) => setNote(event.target.value)}
        error={errors.fields.note}
      />
    </ActionForm>
  );
}
