import type { CaseDetail } from '@mnpddh/shared';
import { useAction } from '../case-work/use-action';
import { ErrorSummary } from '../forms/error-summary';
import { useStaffSession } from '../session';
import { format } from '../format';
import { useCasesT } from './i18n';

/**
 * The person responsible can no longer open the case (their password was
 * reset): said where their name is shown, with the one action that mends it
 * for whoever may assign.
 */
export function LostAccessNotice({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCasesT();
  const { api } = useStaffSession();
  const action = useAction();
  if (!detail.index.assigneeLostAccess) return null;
  const restore = async () => {
    if (await action.run(() => api.restoreAssigneeAccess(detail.id))) onDone();
  };
  return (
    <div className="notice notice--warning lost-access" role="status">
      <p>{format(t.lostAccess.text, { name: detail.index.assignedToName ?? t.caseView.nobody })}</p>
      {detail.canAssign ? (
        <>
          <ErrorSummary errors={action.errors} fieldIds={{}} />
          <button type="button" className="button button--secondary" aria-disabled={action.busy || undefined} onClick={() => void restore()}>
            {action.busy ? t.lostAccess.working : t.lostAccess.restore}
          </button>
        </>
      ) : (
        <p className="muted">{t.lostAccess.askSupervisor}</p>
      )}
    </div>
  );
}
