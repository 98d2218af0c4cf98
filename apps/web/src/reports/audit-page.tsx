import { AuditEvents } from './audit-events';
import { AuditVerificationPanel } from './audit-verification';
import { useReportsT } from './i18n';

/** /personnel/journal (auditors, admins): is the log intact, then its events. */
export function AuditPage() {
  const t = useReportsT();
  return (
    <div className="reports">
      <h1>{t.audit.title}</h1>
      <p className="lead">{t.audit.lead}</p>
      <AuditVerificationPanel />
      <AuditEvents />
    </div>
  );
}
