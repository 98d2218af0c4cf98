import type { CaseDetail } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import { formatDateTime, format } from '../format';
import { Deadline, OverdueBadges, RiskBadge, StatusBadge, UrgencyBadge } from './badges';
import { useCasesT } from './i18n';
import { CollectiveBadge } from '../case-links/collective-form';

/** Reference, status, urgency, risk, deadlines (relative) and who holds the case: the case at a glance. */
export function CaseHeader({ detail, now }: { detail: CaseDetail; now: number }) {
  const t = useCasesT();
  const [locale] = useLocale();
  const index = detail.index;
  const deadlines = [
    [t.deadlines.firstContact, index.firstContactDue],
    [t.deadlines.assessment, index.assessmentDue],
    [t.deadlines.nextContact, index.nextContactAt],
    [t.deadlines.measure, index.measureDue],
  ].filter((row): row is [string, string] => row[1] !== null);

  return (
    <header className={index.urgent ? 'case-header case-header--urgent' : 'case-header'}>
      <h1 id="case-title" tabIndex={-1}>
        {format(t.caseView.title, { reference: index.reference })}
      </h1>
      <ul className="badges case-header__badges">
        <li>
          <UrgencyBadge urgent={index.urgent} />
        </li>
        <li>
          <StatusBadge status={index.status} />
        </li>
        <li>
          <RiskBadge level={index.riskLevel} />
        </li>
        {detail.collectiveSubject ? (
          <li>
            <CollectiveBadge />
          </li>
        ) : null}
      </ul>
      <OverdueBadges targets={index.overdueTargets} />
      <dl className="facts case-header__facts">
        <div className="facts__row">
          <dt>{t.caseView.assignee}</dt>
          <dd>{index.assignedToName ?? <span className="muted">{t.caseView.nobody}</span>}</dd>
        </div>
        <div className="facts__row">
          <dt>{t.list.columns.received}</dt>
          <dd>
            <time dateTime={index.arrivedAt ?? index.receivedAt}>{formatDateTime(index.arrivedAt ?? index.receivedAt, locale)}</time>
          </dd>
        </div>
        {deadlines.map(([label, iso]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>
              <Deadline iso={iso} now={now} />
            </dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
