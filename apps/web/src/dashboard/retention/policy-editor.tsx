import { RetentionPolicy } from '@mnpddh/shared';
import { useEffect, useState } from 'react';
import { ActionForm } from '../case-work/action-form';
import { useAction } from '../case-work/use-action';
import { Field } from '../forms/field';
import { useStaffSession } from '../session';
import { useRetentionT } from './i18n';
import { Loaded } from './loaded';
import { useLoaded } from './use-loaded';

const IDS = { closedMonths: 'policy-closed-months', inadmissibleMonths: 'policy-inadmissible-months', warningDays: 'policy-warning-days' };
type Draft = Record<keyof RetentionPolicy, string>;

/** Admins: the months a case is kept after closure, per final status, and how early supervisors are warned. */
export function PolicyEditor() {
  const t = useRetentionT().policy;
  const { value, error, reload } = useLoaded('/api/admin/retention', RetentionPolicy);
  return (
    <section className="retention-section" aria-labelledby="retention-policy-title">
      <h2 id="retention-policy-title">{t.title}</h2>
      <p className="form-help">{t.intro}</p>
      <Loaded value={value} error={error} reload={reload}>
        {(policy) => <PolicyForm policy={policy} />}
      </Loaded>
    </section>
  );
}

function PolicyForm({ policy }: { policy: RetentionPolicy }) {
  const t = useRetentionT().policy;
  const { api } = useStaffSession();
  const { busy, errors, saved, run, refuse } = useAction();
  const [draft, setDraft] = useState<Draft>(() => asDraft(policy));
  useEffect(() => setDraft(asDraft(policy)), [policy]);

  const submit = async () => {
    const invalid = Object.fromEntries((Object.keys(IDS) as (keyof Draft)[]).filter((key) => !/^\d+$/.test(draft[key].trim())).map((key) => [key, t.invalid]));
    if (refuse(invalid)) return;
    const body: RetentionPolicy = {
      closedMonths: Number(draft.closedMonths),
      inadmissibleMonths: Number(draft.inadmissibleMonths),
      warningDays: Number(draft.warningDays),
    };
    await run(async () => {
      const received = await api.request('PUT', '/api/admin/retention', { body, schema: RetentionPolicy });
      setDraft(asDraft(received.value));
    });
  };

  const field = (key: keyof Draft, label: string, hint: string, max: number) => (
    <Field
      id={IDS[key]}
      label={label}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={1}
      max={max}
      step={1}
      className="retention-number"
      autoComplete="off"
      value={draft[key]}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      error={errors.fields[key]}
    />
  );

  return (
    <ActionForm id="retention-policy-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.submit} onSubmit={() => void submit()}>
      {field('closedMonths', t.closedMonths, t.monthsHint, 600)}
      {field('inadmissibleMonths', t.inadmissibleMonths, t.monthsHint, 600)}
      {field('warningDays', t.warningDays, t.warningHint, 365)}
    </ActionForm>
  );
}

function asDraft(policy: RetentionPolicy): Draft {
  return { closedMonths: String(policy.closedMonths), inadmissibleMonths: String(policy.inadmissibleMonths), warningDays: String(policy.warningDays) };
}
