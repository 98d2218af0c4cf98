import { COLLECTIVE_SUBJECT_KINDS, CollectiveSubject, type CaseDetail, type CollectiveSubjectKind } from '@mnpddh/shared';
import { useState } from 'react';
import { ActionForm } from '../case-work/action-form';
import { SelectField, TextAreaField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { format } from '../format';
import { Field } from '../forms/field';
import { useStaffSession } from '../session';
import { useCaseLinksT } from './i18n';

const IDS = { kind: 'collective-kind', name: 'collective-name', note: 'collective-note' };
const Written = { safeParse: (value: unknown) => ({ success: true as const, data: value }) };

/** Mark the case as the file of a collective subject, or correct it (the latest entry counts). */
export function CollectiveForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseLinksT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const current = detail.collectiveSubject;
  const [kind, setKind] = useState<CollectiveSubjectKind>(current?.kind ?? 'organisation');
  const [name, setName] = useState(current?.name ?? '');
  const [note, setNote] = useState(current?.note ?? '');

  const submit = async () => {
    const body = check(CollectiveSubject, { kind, name, note }, { name: t.collective.nameRequired });
    if (!body) return;
    const ok = await run(() => api.request('POST', `/api/cases/${encodeURIComponent(detail.id)}/collective-subject`, { body, schema: Written }));
    if (ok) onDone();
  };

  return (
    <>
      <p className="form-help">{t.collective.intro}</p>
      {current ? (
        <p className="case-links__collective">{format(t.collective.current, { kind: t.collective.kinds[current.kind], name: current.name })}</p>
      ) : null}
      <ActionForm
        id="collective-form"
        errors={errors}
        fieldIds={IDS}
        busy={busy}
        saved={saved}
        submitLabel={current ? t.collective.update : t.collective.mark}
        onSubmit={submit}
      >
        <SelectField
          id={IDS.kind}
          label={t.collective.kind}
          value={kind}
          onChange={(event) => setKind(event.target.value as CollectiveSubjectKind)}
          error={errors.fields.kind}
        >
          {COLLECTIVE_SUBJECT_KINDS.map((code) => (
            <option key={code} value={code}>
              {t.collective.kinds[code]}
            </option>
          ))}
        </SelectField>
        <Field
          id={IDS.name}
          label={t.collective.name}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.fields.name}
          autoComplete="off"
        />
        <TextAreaField id={IDS.note} label={t.collective.note} value={note} onChange={(event) => setNote(event.target.value)} error={errors.fields.note} />
      </ActionForm>
    </>
  );
}

/** "Sujet collectif": the case is the file of an organisation, a radio station, a community. */
export function CollectiveBadge() {
  const t = useCaseLinksT();
  return <span className="case-badge case-badge--collective">{t.collective.badge}</span>;
}
