import type { CaseDetail, ErasureConfirmation } from '@mnpddh/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../admin/confirm-dialog';
import { ErrorSummary } from '../forms/error-summary';
import { WarningIcon } from '../icons';
import { ConfirmCheckbox } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { format } from '../format';
import { useStaffSession } from '../session';
import { useDataSubjectT } from './i18n';
import { onLegalHold } from './requests';

const IDS = { confirm: 'dsr-erase-confirm', legalHoldConfirmed: 'dsr-erase-legal-hold' };

/**
 * The supervisor's step of an erasure: what is destroyed, a confirmation to
 * tick (and a second, explicit one for a case on legal hold), then a modal
 * question whose focused button is "Annuler". On success the case is gone:
 * the page moves to a confirmation that names only the reference.
 */
export function EraseForm({ detail, requestId, onCancel }: { detail: CaseDetail; requestId: string; onCancel: () => void }) {
  const t = useDataSubjectT();
  const { api } = useStaffSession();
  const navigate = useNavigate();
  const { busy, errors, run, refuse } = useAction();
  const [confirmed, setConfirmed] = useState(false);
  const [holdConfirmed, setHoldConfirmed] = useState(false);
  const [asking, setAsking] = useState(false);
  const held = onLegalHold(detail);
  const reference = detail.index.reference;

  const check = (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(confirmed ? {} : { confirm: t.eraseConfirmRequired }),
      ...(held && !holdConfirmed ? { legalHoldConfirmed: t.legalHoldRequired } : {}),
    };
    if (!refuse(missing)) setAsking(true);
  };

  const erase = async () => {
    setAsking(false);
    const body: ErasureConfirmation = { confirm: true, legalHoldConfirmed: held && holdConfirmed };
    const path = `/api/cases/${encodeURIComponent(detail.id)}/data-subject-requests/${encodeURIComponent(requestId)}/erase`;
    if (await run(() => api.request('POST', path, { body }))) navigate('/personnel/dossiers/efface', { replace: true, state: { reference } });
  };

  return (
    <section className="dsr-erase" aria-labelledby="dsr-erase-title">
      <h4 id="dsr-erase-title">{t.eraseTitle}</h4>
      <p className="warning-box">
        <WarningIcon />
        <span>{t.eraseWarning}</span>
      </p>
      <form id="dsr-erase-form" className="form action-form" onSubmit={check} noValidate>
        <ErrorSummary errors={errors} fieldIds={IDS} />
        <ConfirmCheckbox id={IDS.confirm} label={t.eraseConfirm} checked={confirmed} onChange={setConfirmed} error={errors.fields.confirm} />
        {held ? (
          <>
            <p className="dsr-erase__hold">{t.legalHold}</p>
            <ConfirmCheckbox
              id={IDS.legalHoldConfirmed}
              label={t.legalHoldConfirm}
              checked={holdConfirmed}
              onChange={setHoldConfirmed}
              error={errors.fields.legalHoldConfirmed}
            />
          </>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--danger" aria-disabled={busy || undefined}>
            {busy ? t.erasing : t.eraseSubmit}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={asking}
        title={format(t.dialogTitle, { reference })}
        confirmLabel={t.dialogConfirm}
        onConfirm={() => void erase()}
        onCancel={() => setAsking(false)}
      >
        <p>{t.dialogText}</p>
      </ConfirmDialog>
    </section>
  );
}
