import { MEASURE_STATUSES, NewMeasure, type Assignee, type CaseDetail, type MeasureStatus, type MeasureView } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { longDay } from '../cases/when';
import { format } from '../format';
import { Field } from '../forms/field';
import { useReferenceList } from '../reference/use-reference';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { SelectField, TextAreaField } from './fields';
import { useCaseWorkT } from './i18n';
import { useAction } from './use-action';

const IDS = { measure: 'measure-code', ownerId: 'measure-owner', due: 'measure-due', status: 'measure-status', notes: 'measure-notes' };

/** Add a measure from the reference list, with an owner, a due date and a status. */
export function MeasureForm({ detail, assignees, onDone }: { detail: CaseDetail; assignees: readonly Assignee[]; onDone: () => void }) {
  const t = useCaseWorkT();
  const { api } = useStaffSession();
  const list = useReferenceList('protection_measure');
  const { busy, errors, saved, run, check } = useAction();
  const [measure, setMeasure] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [status, setStatus] = useState<MeasureStatus>('planned');
  const [notes, setNotes] = useState('');

  const submit = async () => {
    const added = check(NewMeasure, { measure, ownerId: owner || null, due: due || null, status, notes }, { measure: t.measures.required });
    if (!added) return;
    const ok = await run(() => api.addMeasure(detail.id, added));
    if (ok) {
      setMeasure('');
      setOwner('');
      setDue('');
      setStatus('planned');
      setNotes('');
      onDone();
    }
  };

  return (
    <ActionForm id="measure-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.measures.submit} onSubmit={submit}>
      <SelectField
        id={IDS.measure}
        label={t.measures.measure}
        value={measure}
        onChange={(event) => setMeasure(event.target.value)}
        error={errors.fields.measure}
      >
        <option value="">{t.measures.choose}</option>
        {list.items.map((item) => (
          <option key={item.code} value={item.code}>
            {list.label(item.code)}
          </option>
        ))}
      </SelectField>
      <div className="form__pair">
        <SelectField
          id={IDS.ownerId}
          label={`${t.measures.owner} ${t.optional}`}
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
          error={errors.fields.ownerId}
        >
          <option value="">{t.measures.nobody}</option>
          {assignees.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
        <Field
          id={IDS.due}
          type="date"
          label={`${t.measures.due} ${t.optional}`}
          value={due}
          onChange={(event) => setDue(event.target.value)}
          error={errors.fields.due}
        />
      </div>
      <SelectField
        id={IDS.status}
        label={t.measures.status}
        value={status}
        onChange={(event) => setStatus(event.target.value as MeasureStatus)}
        error={errors.fields.status}
      >
        {MEASURE_STATUSES.map((code) => (
          <option key={code} value={code}>
            {t.measures.statuses[code]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={IDS.notes}
        label={`${t.measures.notes} ${t.optional}`}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        error={errors.fields.notes}
      />
      {errors.fields.consent ? <ConsentWays /> : null}
    </ActionForm>
  );
}

/** The measures as they stand, each with its status to update. */
export function MeasureList({ detail, onDone, emptyText }: { detail: CaseDetail; onDone: () => void; emptyText: string }) {
  if (detail.measures.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="work-list">
      {detail.measures.map((measure) => (
        <MeasureItem key={measure.id} caseId={detail.id} measure={measure} onDone={onDone} />
      ))}
    </ul>
  );
}

function MeasureItem({ caseId, measure, onDone }: { caseId: string; measure: MeasureView; onDone: () => void }) {
  const t = useCaseWorkT();
  const [locale] = useLocale();
  const { api } = useStaffSession();
  const list = useReferenceList('protection_measure');
  const { busy, errors, saved, run } = useAction();
  const [status, setStatus] = useState<MeasureStatus>(measure.status);
  const id = `measure-${measure.id}-status`;
  const name = list.label(measure.measure);

  const submit = async () => {
    if (await run(() => api.updateMeasure(caseId, measure.id, { status }))) onDone();
  };

  return (
    <li className={measure.overdue ? 'work-list__item work-list__item--overdue' : 'work-list__item'}>
      <p className="work-list__title">
        {name} <span className={`case-badge case-badge--measure-${measure.status}`}>{t.measures.statuses[measure.status]}</span>
        {measure.overdue ? <span className="case-badge case-badge--overdue">{t.measures.overdue}</span> : null}
      </p>
      <p className="work-list__facts">
        {measure.ownerName ? <span>{format(t.measures.ownerLabel, { name: measure.ownerName })}</span> : null}
        {measure.due ? <span>{format(t.measures.dueLabel, { date: longDay(measure.due, locale) })}</span> : null}
      </p>
      {measure.notes ? <p className="prewrap">{measure.notes}</p> : null}
      <ActionForm id={`${id}-form`} errors={errors} fieldIds={{ status: id }} busy={busy} saved={saved} submitLabel={t.measures.update} onSubmit={submit}>
        <SelectField
          id={id}
          // Short on screen; the measure's name for screen readers, who hear the label out of context.
          label={
            <>
              {t.measures.status}
              <span className="visually-hidden"> — {name}</span>
            </>
          }
          value={status}
          onChange={(event) => setStatus(event.target.value as MeasureStatus)}
          className="field--inline"
        >
          {MEASURE_STATUSES.map((code) => (
            <option key={code} value={code}>
              {t.measures.statuses[code]}
            </option>
          ))}
        </SelectField>
        {errors.fields.consent ? <ConsentWays /> : null}
      </ActionForm>
    </li>
  );
}

/** A measure refused for lack of consent: the two ways forward, in place (the consent forms of the same page). */
function ConsentWays() {
  const t = useCaseWorkT();
  return (
    <p className="form-help consent-ways">
      {t.measures.consentWays} <a href="#consent-new">{t.measures.consentForm}</a> · <a href="#disclosure-exception">{t.measures.exceptionForm}</a>
    </p>
  );
}
