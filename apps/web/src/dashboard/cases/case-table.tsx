import type { CaseSummary } from '@mnpddh/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { format } from '../format';
import { useReferenceList } from '../reference/use-reference';
import { Deadline, OverdueBadges, RiskBadge, StatusBadge, UrgencyBadge } from './badges';
import { useCasesT } from './i18n';
import { nextDeadline } from './next-deadline';
import { shortDateTime } from './when';

/**
 * The case list: a dense table on a laptop, one card per case on a phone
 * (CSS only; explicit roles keep it a table for screen readers, and each
 * cell carries its own label for the card layout). Urgent and overdue rows
 * stand out by a left border and their badges, not by colour alone.
 */
export function CaseTable({ items, now, captionId }: { items: readonly CaseSummary[]; now: number; captionId: string }) {
  const t = useCasesT();
  const [locale] = useLocale();
  const regions = useReferenceList('region');
  const threats = useReferenceList('threat_type');
  const columns = t.list.columns;

  const cell = (label: string, content: ReactNode, className = '') => (
    <td role="cell" className={`case-table__cell ${className}`}>
      <span className="case-table__label">{label}</span>
      <span className="case-table__value">{content}</span>
    </td>
  );

  return (
    <table role="table" className="case-table" aria-labelledby={captionId}>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">
            {columns.reference}
          </th>
          <th role="columnheader" scope="col">
            {columns.urgency}
          </th>
          <th role="columnheader" scope="col">
            {columns.status}
          </th>
          <th role="columnheader" scope="col">
            {columns.deadline}
          </th>
          <th role="columnheader" scope="col">
            {columns.received}
          </th>
          <th role="columnheader" scope="col">
            {columns.region}
          </th>
          <th role="columnheader" scope="col">
            {columns.threats}
          </th>
          <th role="columnheader" scope="col">
            {columns.assignee}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {items.map((item) => {
          const deadline = nextDeadline(item, t);
          const rowClass = ['case-table__row', item.urgent ? 'case-table__row--urgent' : '', item.overdue ? 'case-table__row--overdue' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <tr key={item.id} role="row" className={rowClass}>
              <th role="rowheader" scope="row" className="case-table__reference">
                <Link to={`/personnel/dossiers/${item.id}`} aria-label={format(t.list.open, { reference: item.reference })}>
                  {item.reference}
                </Link>
                {item.integrityFailed ? <span className="case-badge case-badge--overdue">{t.integrityFailed}</span> : null}
              </th>
              {cell(
                columns.urgency,
                <span className="badges">
                  <UrgencyBadge urgent={item.urgent} />
                  <RiskBadge level={item.riskLevel} />
                </span>,
              )}
              {cell(
                columns.status,
                <>
                  <StatusBadge status={item.status} />
                  {item.channel === 'callback_request' ? <span className="case-table__channel">{t.channel.callback_request}</span> : null}
                </>,
              )}
              {cell(
                columns.deadline,
                <>
                  {deadline ? (
                    <span className="case-table__deadline">
                      {deadline.label} <Deadline iso={deadline.iso} now={now} />
                    </span>
                  ) : (
                    t.list.noDeadline
                  )}
                  <OverdueBadges targets={item.overdueTargets} />
                </>,
              )}
              {cell(columns.received, <time dateTime={item.arrivedAt ?? item.receivedAt}>{shortDateTime(item.arrivedAt ?? item.receivedAt, locale)}</time>)}
              {cell(columns.region, item.region && item.region !== 'unknown' ? regions.label(item.region) : '—')}
              {cell(columns.threats, item.threatTypes.length > 0 ? item.threatTypes.map((code) => threats.label(code)).join(', ') : '—')}
              {cell(
                columns.assignee,
                item.assignedToName ? (
                  <>
                    {item.assignedToName}
                    {item.assigneeLostAccess ? <span className="lost-access__mark"> — {t.list.lostAccess}</span> : null}
                  </>
                ) : (
                  <span className="muted">{t.list.unassigned}</span>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
