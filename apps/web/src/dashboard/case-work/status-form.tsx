import { closingRefusal, fieldMessage, nextStatuses, StatusChange, type CaseDetail, type CaseStatus } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { Checkbox } from '../forms/field';
import { useCasesT } from '../cases/i18n';
import { useReferenceList } from '../reference/use-reference';
import { useStaffSession } from '../session';
import { SelectField, TextAreaField } from './fields';
import { ActionForm } from './action-form';
import { useCaseWorkT } from './i18n';
import { useAction } from './use-action';

const IDS = {
  to: 'status-to',
  reason: 'status-reason',
  outcome: 'status-outcome',
  defenderInformed: 'status-informed',
  overrideReason: 'status-override',
};
/** The closing rules a form can show beside a field. */
const CLOSING_RULE_FIELDS = { outcome_required: 'outcome', defender_not_informed: 'defenderInformed' } as const;

/**
 * Offers only the next steps of the shared state machine; closing asks for
 * the outcome and that the defender was told. The server has the last word
 * (e.g. a disappearance still open): its refusal shows as it says it.
 */
export function StatusForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseWorkT();
  const ct = useCasesT();
  const { api } = useStaffSession();
  const outcomes = useReferenceList('closure_outcome');
  const { busy, errors, saved, run, refuse, check } = useAction();
  const [locale] = useLocale();
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [informed, setInformed] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const options = nextStatuses(detail.index.status);
  if (options.length === 0) return <p>{t.status.none}</p>;
  const closing = to === 'closed';

  const submit = async () => {
    const change = check(
      StatusChange,
      {
        to,
        reason,
        ...(closing ? { outcome: outcome || undefined, defenderInformed: informed } : {}),
        ...(closing && overrideReason.trim() ? { overrideReason } : {}),
      },
      { to: t.required, outcome: t.status.outcomeRequired },
    );
    if (!change) return;
    // Closing's own rules, as the server applies them; who may take which step stays the server's to say.
    const refusal = closingRefusal(change);
    if (refusal) return void refuse({ [CLOSING_RULE_FIELDS[refusal]]: fieldMessage(refusal, locale) ?? t.required });
    const ok = await run(() => api.changeStatus(detail.id, change));
    if (ok) {
      setTo('');
      setReason('');
      setOutcome('');
      setInformed(false);
      setOverrideReason('');
      onDone();
    }
  };

  return (
    <ActionForm id="status-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.status.submit} onSubmit={submit}>
      <SelectField id={IDS.to} label={t.status.to} value={to} onChange={(event) => setTo(event.target.value as CaseStatus)} error={errors.fields.to}>
        <option value="">{t.status.choose}</option>
        {options.map((status) => (
          <option key={status} value={status}>
            {ct.status[status]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={IDS.reason}
        label={t.status.reason}
        hint={t.status.reasonHint}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason}
      />
      {closing ? (
        <>
          <SelectField
            id={IDS.outcome}
            label={t.status.outcome}
            value={outcome}
            onChange={(event) => setOutcome(event.target.value)}
            error={errors.fields.outcome}
          >
            <option value="">{t.status.choose}</option>
            {outcomes.items.map((item) => (
              <option key={item.code} value={item.code}>
                {outcomes.label(item.code)}
              </option>
            ))}
          </SelectField>
          <div className={errors.fields.defenderInformed ? 'field field--error' : 'field'}>
            {errors.fields.defenderInformed ? <p className="field__error">{errors.fields.defenderInformed}</p> : null}
            <Checkbox id={IDS.defenderInformed} label={t.status.defenderInformed} checked={informed} onChange={(event) => setInformed(event.target.checked)} />
          </div>
          <TextAreaField
            id={IDS.overrideReason}
            label={`${t.status.overrideReason} ${t.optional}`}
            hint={t.status.overrideHint}
            value={overrideReason}
            onChange={(event) => setOverrideReason(event.target.value)}
            error={errors.fields.overrideReason}
          />
        </>
      ) : null}
    </ActionForm>
  );
}
