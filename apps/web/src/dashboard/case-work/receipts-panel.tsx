import {
  RECEIPT_REVOCATION_REASONS,
  ReceiptRevocation,
  RekeyJobView,
  type CaseDetail,
  type IssuedReceipt,
  type ReceiptRevocationReason,
  type ReceiptSummary,
} from '@mnpddh/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { groupsOfFour } from '../assisted-intake/receipt-panel';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { formatDateTime } from '../format';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { ConfirmCheckbox, SelectField } from './fields';
import { useCaseWorkT } from './i18n';
import { useAction } from './use-action';

/**
 * The case's receipts: when each was issued and revoked (never its digits,
 * which the server does not keep), a new one shown once to be read out, and
 * revocation with a reason and a confirmation.
 */
export function ReceiptsPanel({ detail }: { detail: CaseDetail }) {
  const t = useCaseWorkT().receipts;
  const { api } = useStaffSession();
  const [items, setItems] = useState<ReceiptSummary[] | null>(null);
  const [loadErrors, setLoadErrors] = useState<FormErrors | null>(null);
  const [issued, setIssued] = useState<IssuedReceipt | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const staffT = useStaffT();
  const issue = useAction();

  const reload = useCallback(async () => {
    try {
      setItems((await api.listReceipts(detail.id)).items);
    } catch (error) {
      setLoadErrors(errorsFrom(error, staffT));
    }
  }, [api, detail.id, staffT]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const issueOne = async () => {
    let answer: IssuedReceipt | null = null;
    if (await issue.run(async () => (answer = await api.issueReceipt(detail.id)))) {
      setIssued(answer);
      await reload();
    }
  };

  return (
    <>
      <p className="form-help">{t.intro}</p>
      {loadErrors ? <ErrorSummary errors={loadErrors} fieldIds={{}} /> : null}
      {items === null ? loadErrors ? null : <p className="muted">{t.loading}</p> : <ReceiptTable items={items} onRevoke={setRevoking} />}
      {revoking ? (
        <RevokeForm
          caseId={detail.id}
          receiptId={revoking}
          onDone={async () => {
            setRevoking(null);
            await reload();
          }}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
      <p className="form-help">{t.allRevokable}</p>
      {issued ? (
        <NewReceipt issued={issued} onHide={() => setIssued(null)} />
      ) : (
        <>
          <ErrorSummary errors={issue.errors} fieldIds={{}} />
          <p className="form-help">{t.issueHint}</p>
          <button type="button" className="button button--secondary" aria-disabled={issue.busy || undefined} onClick={() => void issueOne()}>
            {issue.busy ? t.issuing : t.issue}
          </button>
        </>
      )}
      <RekeyCase caseId={detail.id} />
    </>
  );
}

function ReceiptTable({ items, onRevoke }: { items: ReceiptSummary[]; onRevoke: (id: string) => void }) {
  const t = useCaseWorkT().receipts;
  const [locale] = useLocale();
  if (items.length === 0) return <p className="muted">{t.empty}</p>;
  return (
    <table className="ref-table">
      <caption className="visually-hidden">{t.title}</caption>
      <thead>
        <tr>
          <th scope="col">{t.created}</th>
          <th scope="col">{t.revoked}</th>
          <th scope="col">
            <span className="visually-hidden">{t.revoke}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
            </td>
            <td>{item.revokedAt ? <time dateTime={item.revokedAt}>{formatDateTime(item.revokedAt, locale)}</time> : t.active}</td>
            <td>
              {item.revokedAt ? null : (
                <button type="button" className="button button--danger-outline button--small" onClick={() => onRevoke(item.id)}>
                  {t.revoke}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Shown once, grouped by four, with what to do with it; the heading takes the focus. */
function NewReceipt({ issued, onHide }: { issued: IssuedReceipt; onHide: () => void }) {
  const t = useCaseWorkT().receipts;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const groups = groupsOfFour(issued.receipt);
  return (
    <section className="assisted-receipt" aria-labelledby="new-receipt-title">
      <h3 id="new-receipt-title" ref={heading} tabIndex={-1}>
        {t.newTitle}
      </h3>
      <p className="assisted-receipt__instruction">{t.readOut}</p>
      <p className="assisted-receipt__code">
        <span aria-hidden="true" className="assisted-receipt__groups">
          {groups.map((group, index) => (
            <span key={index} className="assisted-receipt__group">
              {group}
            </span>
          ))}
        </span>
        <span className="visually-hidden">{groups.map((group) => group.split('').join(' ')).join(', ')}</span>
      </p>
      <button type="button" className="button button--secondary" onClick={onHide}>
        {t.hide}
      </button>
    </section>
  );
}

const IDS = { reason: 'receipt-revoke-reason', confirm: 'receipt-revoke-confirm' };

function RevokeForm({ caseId, receiptId, onDone, onCancel }: { caseId: string; receiptId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const t = useCaseWorkT().receipts;
  const cancel = useCaseWorkT().cancel;
  const { api } = useStaffSession();
  const { busy, errors, saved, run, refuse, check } = useAction();
  const [reason, setReason] = useState<ReceiptRevocationReason | ''>('');
  const [confirmed, setConfirmed] = useState(false);

  const submit = async () => {
    const revocation = check(ReceiptRevocation, { reason }, { reason: t.reasonRequired });
    // The confirmation is the form's own (it is not sent): asked after what the schema refuses.
    if (!revocation || refuse(confirmed ? {} : { confirm: t.confirmRequired })) return;
    if (await run(() => api.revokeReceipt(caseId, receiptId, revocation))) await onDone();
  };

  return (
    <section aria-labelledby="receipt-revoke-title">
      <h3 id="receipt-revoke-title">{t.revokeTitle}</h3>
      <ActionForm id="receipt-revoke-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.submitRevoke} onSubmit={() => void submit()}>
        <SelectField
          id={IDS.reason}
          label={t.reason}
          value={reason}
          onChange={(event) => setReason(event.target.value as ReceiptRevocationReason)}
          error={errors.fields.reason}
        >
          <option value="">{t.choose}</option>
          {RECEIPT_REVOCATION_REASONS.map((code) => (
            <option key={code} value={code}>
              {t.reasons[code]}
            </option>
          ))}
        </SelectField>
        <ConfirmCheckbox id={IDS.confirm} label={t.confirm} checked={confirmed} error={errors.fields.confirm} onChange={setConfirmed} />
      </ActionForm>
      <button type="button" className="button button--secondary button--small" onClick={onCancel}>
        {cancel}
      </button>
    </section>
  );
}

/** Re-keying the case on its own (a receipt taken under coercion, once revoked), behind a confirmation. */
function RekeyCase({ caseId }: { caseId: string }) {
  const t = useCaseWorkT().receipts;
  const { api } = useStaffSession();
  const { busy, errors, saved, run, refuse } = useAction();
  const [confirmed, setConfirmed] = useState(false);
  const id = 'case-rekey-confirm';

  const submit = async () => {
    if (refuse(confirmed ? {} : { confirm: t.confirmRequired })) return;
    if (await run(() => api.request('POST', `/api/rekey/cases/${caseId}`, { body: { reason: 'receipt_compromised' }, schema: RekeyJobView })))
      setConfirmed(false);
  };

  return (
    <section aria-labelledby="case-rekey-title">
      <h3 id="case-rekey-title">{t.rekeyTitle}</h3>
      <p className="form-help">{t.rekeyHint}</p>
      <ActionForm
        id="case-rekey-form"
        errors={errors}
        fieldIds={{ confirm: id }}
        busy={busy}
        saved={saved}
        submitLabel={t.rekey}
        onSubmit={() => void submit()}
      >
        <ConfirmCheckbox id={id} label={t.rekeyConfirm} checked={confirmed} error={errors.fields.confirm} onChange={setConfirmed} />
      </ActionForm>
    </section>
  );
}
