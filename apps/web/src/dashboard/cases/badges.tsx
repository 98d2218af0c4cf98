import type { CaseListStatus, OverdueTarget, RiskLevel } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import { ClockIcon, WarningIcon } from '../icons';
import { useCasesT } from './i18n';
import { isPast, relativeDeadline, shortDateTime } from './when';

/*
 * The badges a caseworker scans a list by: urgency, risk, status, missed
 * targets. Each says its meaning in words (colour is never the only cue).
 */

export function UrgencyBadge({ urgent }: { urgent: boolean }) {
  const t = useCasesT();
  if (!urgent) return <span className="case-badge case-badge--plain">{t.notUrgent}</span>;
  return (
    <span className="case-badge case-badge--urgent">
      <WarningIcon />
      {t.urgent}
    </span>
  );
}

export function RiskBadge({ level, short = false }: { level: RiskLevel; short?: boolean }) {
  const t = useCasesT();
  return <span className={`case-badge case-badge--risk-${level}`}>{short ? t.riskShort[level] : t.risk[level]}</span>;
}

export function StatusBadge({ status }: { status: CaseListStatus }) {
  const t = useCasesT();
  return <span className={`case-badge case-badge--status case-badge--status-${status}`}>{t.status[status]}</span>;
}

export function OverdueBadges({ targets }: { targets: readonly OverdueTarget[] }) {
  const t = useCasesT();
  if (targets.length === 0) return null;
  return (
    <ul className="badges case-overdue">
      {targets.map((target) => (
        <li key={target}>
          <span className="case-badge case-badge--overdue">
            <ClockIcon />
            {t.overdue[target]}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A deadline as "dans 3 h" / "en retard de 2 j", the exact time in a tooltip and for machines. */
export function Deadline({ iso, now }: { iso: string; now: number }) {
  const t = useCasesT();
  const [locale] = useLocale();
  const late = isPast(iso, now);
  return (
    <time dateTime={iso} title={shortDateTime(iso, locale)} className={late ? 'deadline deadline--late' : 'deadline'}>
      {relativeDeadline(iso, t, now)}
    </time>
  );
}
