import { AssistedRequest, type AssistedReceipt } from '@mnpddh/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { ApiError } from '../api';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { RadioGroup } from './choices';
import { ConsentSection, ContactSection } from './contact-section';
import { emptyDraft, requestOf, type Draft } from './draft';
import { errorsAfterChange, fieldIdOf } from './field-ids';
import { IncidentsSection } from './incidents-section';
import { useOptions } from './options';
import { HelpSection, PersonSection } from './person-section';
import { SituationSection } from './situation-section';
import { useAssistedT } from './strings';
import { serverErrors, validate, type FieldErrors } from '../../intake/form/validate';

const CHANNELS = ['phone', 'written', 'in_person', 'partner_referral', 'own_initiative'] as const;

/**
 * The assisted request: the channel, then the public form's questions.
 * Validated with the shared schema before sending; the idempotency key is
 * made once per form, so a click repeated after a dropped connection files
 * the request once.
 */
export function AssistedIntakeForm({ onFiled }: { onFiled: (filed: AssistedReceipt) => void }) {
  const t = useAssistedT();
  const staffT = useStaffT();
  const [locale] = useLocale();
  const { api } = useStaffSession();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<FormErrors>({ fields: {} });
  const [submitting, setSubmitting] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const fieldIds = useFieldIds(problem.fields);

  const patch = (changes: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    // The summary on top keeps the list until the next try; the field itself stops saying it is wrong.
    setErrors((current) => errorsAfterChange(current, Object.keys(changes)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const checked = validate(AssistedRequest, requestOf(draft), locale, t, 'request');
    if (!checked.ok) {
      setErrors(checked.errors);
      setProblem({ fields: checked.errors });
      return;
    }
    setSubmitting(true);
    try {
      onFiled(await api.fileAssistedRequest(checked.data, idempotencyKey));
    } catch (error) {
      const fields = error instanceof ApiError ? serverErrors(error.fields) : {};
      setErrors(fields);
      setProblem({ ...errorsFrom(error, staffT), fields });
      setSubmitting(false);
    }
  };

  const sections = { draft, patch, errors };
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <ErrorSummary errors={problem} fieldIds={fieldIds} />
      <form className="form assisted-form" noValidate autoComplete="off" onSubmit={(event) => void submit(event)}>
        <RadioGroup
          id="ai-channel"
          legend={`${t.channel.legend} ${t.required}`}
          options={CHANNELS.map((value) => ({ value, label: t.channel.options[value] }))}
          value={draft.channel}
          onChange={(channel) => patch({ channel })}
          error={errors.channel}
        />
        <SituationSection {...sections} />
        <ContactSection {...sections} />
        <ConsentSection {...sections} />
        <PersonSection {...sections} />
        <IncidentsSection {...sections} />
        <HelpSection {...sections} />
        <RadioGroup
          id="ai-receipt"
          legend={t.receiptChoice.legend}
          hint={`${t.receiptChoice.hint} ${t.receiptChoice.withholdHint}`}
          options={[
            { value: 'read', label: t.receiptChoice.readOut },
            { value: 'withhold', label: t.receiptChoice.withhold },
          ]}
          value={draft.withholdReceipt ? 'withhold' : 'read'}
          onChange={(choice) => patch({ withholdReceipt: choice === 'withhold' })}
          error={errors.withholdReceipt}
        />
        <button type="submit" className="button" disabled={submitting} aria-disabled={submitting}>
          {submitting ? t.submitting : t.submit}
        </button>
      </form>
    </>
  );
}

/** Error path → id of its input, in the order of the problems (for the linked summary). */
function useFieldIds(errors: FieldErrors): Record<string, string> {
  const first = {
    profiles: useOptions('defender_profile')[0]?.value,
    languages: useOptions('language')[0]?.value,
    help: useOptions('protection_measure')[0]?.value,
    types: useOptions('threat_type')[0]?.value,
    perpetrators: useOptions('perpetrator_type')[0]?.value,
  };
  const key = JSON.stringify(first);
  return useMemo(() => {
    const firstOption = (groupId: string) => {
      const kind = groupId.replace(/^ai-(incident-\d+-)?/, '') as keyof typeof first;
      return first[kind];
    };
    const ids: Record<string, string> = {};
    for (const path of Object.keys(errors)) {
      const id = fieldIdOf(path, firstOption);
      if (id) ids[path] = id;
    }
    return ids;
    // `first` is summed up by `key`.
  }, [errors, key]);
}
