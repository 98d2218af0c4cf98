import type { PurgeConfirmation, UpcomingExpiry } from '@mnpddh/shared';
import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../admin/confirm-dialog';
import { ConfirmCheckbox } from '../case-work/fields';
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
        <ConfirmCheckbox id={confirmId} label={t.confirm} checked={confirmed} error={errors.fields.confirm} onChange={setConfirmed} />
        <div className="button-row">
          <button type="submit" className="button button--danger" aria-disabled={busy || undefined}>
            {t.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={asking}
        title={format(t.dialogTitle, { reference: item.reference })}
        confirmLabel={t.dialogConfirm}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      >
        <p>{t.dialogText}</p>
      </ConfirmDialog>
    </section>
  );
}
