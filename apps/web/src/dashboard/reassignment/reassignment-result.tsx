import { errorCodeMessage, fieldMessage, type BulkReassignmentResult, type CaseSummary } from '@mnpddh/shared';
import type { LocaleCode } from '../../i18n/catalogues';
import { useLocale } from '../../i18n/i18n-context';
import { format } from '../format';
import { useReassignmentT } from './i18n';

interface Props {
  result: BulkReassignmentResult;
  cases: readonly CaseSummary[];
  assigneeName: string;
}

/** What was done to each case: reassigned, or refused with its reason, in the reader's language. */
export function ReassignmentResult({ result, cases, assigneeName }: Props) {
  const t = useReassignmentT();
  const [locale] = useLocale();
  const reference = (caseId: string) => cases.find((item) => item.id === caseId)?.reference ?? caseId;
  return (
    <>
      <p role="status">{format(t.resultSummary, { assigned: result.assigned.length, refused: result.refused.length })}</p>
      <ul className="reassign-result">
        {result.refused.map((refusal) => (
          <li key={refusal.caseId} className="reassign-result__item reassign-result__item--refused">
            <strong>{reference(refusal.caseId)}</strong> — {format(t.refused, { reason: reasonText(refusal, locale) })}
          </li>
        ))}
        {result.assigned.map((caseId) => (
          <li key={caseId} className="reassign-result__item">
            <strong>{reference(caseId)}</strong> — {format(t.assigned, { name: assigneeName })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The reason in the language shown now (it may have changed since the answer came), else as the server worded it. */
function reasonText(refusal: { reason: string; message: string }, locale: LocaleCode): string {
  return fieldMessage(refusal.reason, locale) ?? errorCodeMessage(refusal.reason, locale) ?? refusal.message;
}
