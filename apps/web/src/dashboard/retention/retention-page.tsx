import { useStaffSession } from '../session';
import { useRetentionT } from './i18n';
import { PolicyEditor } from './policy-editor';
import { UpcomingList } from './upcoming-list';
import './retention.css';

/**
 * /personnel/conservation — "Conservation": supervisors see the cases whose
 * retention ends soon (clear index only: reference, status, legal hold,
 * expiry) and extend them or confirm the erasure of a case on legal hold;
 * admins edit the retention periods. Someone with both roles sees both.
 */
export function RetentionPage() {
  const t = useRetentionT();
  const { user } = useStaffSession();
  const roles = user?.roles ?? [];
  return (
    <div className="retention-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {roles.includes('supervisor') ? <UpcomingList /> : null}
      {roles.includes('admin') ? <PolicyEditor /> : null}
    </div>
  );
}
