import { Assignment, type Assignee, type CaseDetail } from '@mnpddh/shared';
import { useState } from 'react';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { SelectField } from './fields';
import { useCaseWorkT } from './i18n';
import { useAction } from './use-action';

const IDS = { assigneeId: 'assign-to' };

/** Supervisors and whoever is on call hand the case to a caseworker (which grants them its keys). */
export function AssignForm({ detail, assignees, loaded, onDone }: { detail: CaseDetail; assignees: readonly Assignee[]; loaded: boolean; onDone: () => void }) {
  const t = useCaseWorkT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [assigneeId, setAssigneeId] = useState('');
  if (!detail.canAssign) return <p>{t.assign.notAllowed}</p>;
  if (!loaded) return <p className="loading">{t.assign.loading}</p>;

  const submit = async () => {
    const body = check(Assignment, { assigneeId }, { assigneeId: t.assign.required });
    if (!body) return;
    if (await run(() => api.assign(detail.id, body))) {
      setAssigneeId('');
      onDone();
    }
  };

  return (
    <ActionForm id="assign-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.assign.submit} onSubmit={submit}>
      <SelectField
        id={IDS.assigneeId}
        label={t.assign.assignee}
        hint={t.assign.hint}
        value={assigneeId}
        onChange={(event) => setAssigneeId(event.target.value)}
        error={errors.fields.assigneeId}
      >
        <option value="">{t.assign.choose}</option>
        {assignees
          .filter((person) => person.id !== detail.index.assignedTo)
          .map((person) => (
            <option key={person.id} value={person.id}>
              {person.onCall ? `${person.name} ${t.assign.onCall}` : person.name}
            </option>
          ))}
      </SelectField>
    </ActionForm>
  );
}
