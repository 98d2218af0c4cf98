import { RETENTION_EXTENSION_REASONS, RetentionExtension, type RetentionExtensionReason, type UpcomingExpiry } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { ActionForm } from '../case-work/action-form';
import { SelectField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { addDays, longDay } from '../cases/when';
import { Field } from '../forms/field';
import { format } from '../format';
import { useStaffSession } from '../session';
import { useRetentionT } from './i18n';

/** Postpones a case's expiry to a later day, for a coded reason (nothing about the case in clear text). */
export function ExtendForm({ item, onDone, onCancel }: { item: UpcomingExpiry; onDone: () => void; onCancel: () => void }) {
  const t = useRetentionT().extend;
  const reasons = useRetentionT().reasons;
  const [locale] = useLocale();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState<RetentionExtensionReason | ''>('');
  const ids = { until: `extend-until-${item.caseId}`, reason: `extend-reason-${item.caseId}` };

  const submit = async () => {
    const body = check(RetentionExtension, { until, reason }, { until: t.untilRequired, reason: t.reasonRequired });
    if (!body) return;
    if (await run(() => api.request('POST', `/api/retention/${encodeURIComponent(item.caseId)}/extend`, { body }))) onDone();
  };

  return (
    <section className="retention-action" aria-labelledby={`${ids.until}-title`}>
      <h4 id={`${ids.until}-title`}>{format(t.title, { reference: item.reference })}</h4>
      <ActionForm
        id={`extend-form-${item.caseId}`}
        errors={errors}
        fieldIds={ids}
        busy={busy}
        saved={saved}
        submitLabel={t.submit}
        onSubmit={() => void submit()}
      >
        <Field
          id={ids.until}
          label={t.until}
          hint={format(t.untilHint, { date: longDay(item.expiresAt, locale) })}
          type="date"
          min={addDays(item.expiresAt, 1)}
          value={until}
          autoComplete="off"
          onChange={(event) => setUntil(event.target.value)}
          error={errors.fields.until}
        />
        <SelectField
          id={ids.reason}
          label={t.reason}
          hint={t.reasonHint}
          value={reason}
          onChange={(event) => setReason(event.target.value as RetentionExtensionReason)}
          error={errors.fields.reason}
        >
          <option value="">{t.choose}</option>
          {RETENTION_EXTENSION_REASONS.map((code) => (
            <option key={code} value={code}>
              {reasons[code]}
            </option>
          ))}
        </SelectField>
      </ActionForm>
      <button type="button" className="button button--secondary button--small" onClick={onCancel}>
        {t.cancel}
      </button>
    </section>
  );
}
