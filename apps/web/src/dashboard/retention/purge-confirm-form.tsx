import type { PurgeConfirmation, UpcomingExpiry } from '@mnpddh/shared';
import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../admin/confirm-dialog';
import { useAction } from '../case-work/use-action';
import { ErrorSummary } from '../forms/error-summary';
import { format } from '../format';
import { WarningIcon } from '../icons';
import { useStaffSession } from '../session';
import { useRetentionT } from './i18n';

/**
 * A supervisor's explicit confirmation that a case on legal hold may be
 * erased once its retention ends: a box to tick, then a modal question whose
 * focused button is "Annuler".
 */
export function PurgeConfirmForm({ item, onDone, onCancel }: { item: UpcomingExpiry; onDone: () => void; onCancel: () => void }) {
  const t = useRetentionT().purge;
  const { api } = useStaffSession();
  const { busy, errors, run, refuse } = useAction();
  const [confirmed, setConfirmed] = useState(false);
  const [asking, setAsking] = useState(false);
  const confirmId = `purge-confirm-${item.caseId}`;

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!refuse(confirmed ? {} : { confirm: t.confirmRequired })) setAsking(true);
  };

  const confirm = async () => {
    setAsking(false);
    const body: PurgeConfirmation = { confirm: true };
    if (await run(() => api.request('POST', `/api/retention/${encodeURIComponent(item.caseId)}/confirm-purge`, { body }))) onDone();
  };

  return (
    <section className="retention-action" aria-labelledby={`${confirmId}-title`}>
      <h4 id={`${confirmId}-title`}>{format(t.title, { reference: item.reference })}</h4>
      <p className="warning-box">
        <WarningIcon />
        <span>{t.warning}</span>
      </p>
      <form className="form action-form" onSubmit={check} noValidate>
        <ErrorSummary errors={errors} fieldIds={{ confirm: confirmId }} />
        <div className={errors.fields.confirm ? 'checkbox field--error' : 'checkbox'}>
          <input
            id={confirmId}
            type="checkbox"
            className="checkbox__input"
            autoComplete="off"
            checked={confirmed}
            aria-invalid={errors.fields.confirm ? true : undefined}
            onChange={(event) => setConfirmed(event.target.checked)}
          />
          <label htmlFor={confirmId} className="checkbox__label">
            {t.confirm}
          </label>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--danger" aria-disabled={busy || undefined}>
            {t.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
      <ConfirmDialog open={asking} title={format(t.dialogTitle, { reference: item.reference })} confirmLabel={t.dialogConfirm} onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>{t.dialogText}</p>
      </ConfirmDialog>
    </section>
  );
}
