import type { CustodianCaseFound, CustodianPerson } from '@mnpddh/shared';
import { useState } from 'react';
import { ApiError } from '../api';
import { SelectField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { Field } from '../forms/field';
import { format } from '../format';
import type { CustodianApi } from './custodians-api';
import { useCustodiansT } from './i18n';
import { RequestForm } from './request-form';

const IDS = { caseId: 'grant-reference', targetUserId: 'grant-person' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Asks to give one case, whose holders are all gone, to a person. The
 * reference is looked up first: a case someone still holds is for a
 * supervisor to reassign, and the form says so before anything is asked.
 */
export function GrantForm({ custodians, people, onRequested }: { custodians: CustodianApi; people: readonly CustodianPerson[]; onRequested: () => void }) {
  const t = useCustodiansT();
  const { busy, errors, run, refuse } = useAction();
  const [reference, setReference] = useState('');
  const [targetUserId, setTargetUserId] = useState('');

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!reference.trim()) missing.caseId = t.request.grant.required;
    if (!targetUserId) missing.targetUserId = t.request.grant.granteeRequired;
    if (Object.keys(missing).length > 0) return void refuse(missing);
    const caseId = UUID.test(reference.trim()) ? reference.trim() : await lookUp();
    if (!caseId) return;
    if (await run(() => custodians.request({ kind: 'grant_case', caseId, targetUserId }))) {
      setReference('');
      setTargetUserId('');
      onRequested();
    }
  };

  /** The case id for the reference, or null once the form says why not. */
  const lookUp = async (): Promise<string | null> => {
    let found: CustodianCaseFound | null = null;
    const answered = await run(async () => {
      try {
        found = await custodians.findCase(reference);
      } catch (error) {
        // An unknown or malformed reference is the field's problem; anything else (network) goes to the summary.
        if (!(error instanceof ApiError && (error.status === 404 || error.status === 400))) throw error;
      }
    });
    if (!answered) return null;
    const { caseId, holdersLeft } = (found as CustodianCaseFound | null) ?? { caseId: null, holdersLeft: 0 };
    if (caseId === null) refuse({ caseId: t.request.grant.notFound });
    else if (holdersLeft > 0) refuse({ caseId: format(t.request.grant.stillHeld, { count: holdersLeft }) });
    return caseId !== null && holdersLeft === 0 ? caseId : null;
  };

  return (
    <RequestForm id="grant-form" title={t.kinds.grant_case} text={t.request.grant.text} errors={errors} fieldIds={IDS} busy={busy} onSubmit={submit}>
      <Field
        id={IDS.caseId}
        label={t.request.grant.reference}
        hint={t.request.grant.referenceHint}
        value={reference}
        onChange={(event) => setReference(event.target.value)}
        error={errors.fields.caseId}
        autoComplete="off"
        spellCheck={false}
        className="field__input--short"
      />
      <SelectField
        id={IDS.targetUserId}
        label={t.request.grant.grantee}
        value={targetUserId}
        onChange={(event) => setTargetUserId(event.target.value)}
        error={errors.fields.targetUserId}
      >
        <option value="">{t.request.restore.choose}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id} disabled={!person.keysReady}>
            {person.keysReady ? person.name : format(t.request.restore.notReady, { name: person.name })}
          </option>
        ))}
      </SelectField>
    </RequestForm>
  );
}
