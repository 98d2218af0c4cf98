import { Link } from 'react-router';
import { ErrorSummary } from '../dashboard/forms/error-summary';
import { Loading } from '../dashboard/require-session';
import { CoarserSuggestion } from './coarser-suggestion';
import { hasHidden } from './cells';
import { useReportsT } from './i18n';
import { PrintIcon } from '../dashboard/icons';
import { useReportsApi } from './reports-api';
import { ResponseTimesSection } from './response-times';
import { StatisticsFilters } from './statistics-filters';
import { useStatisticsQuery } from './statistics-query';
import { StatisticsResults } from './statistics-results';
import { SuppressionLegend } from './suppressed-mark';
import { useLoad } from './use-load';

/**
 * /personnel/statistiques (auditors, supervisors): charts first, the table
 * under each, hidden cells marked and explained, an export beside every
 * table. Nothing here reads a case: the API counts from the aggregate
 * counters only.
 */
export function StatisticsPage() {
  const t = useReportsT();
  const reports = useReportsApi();
  const { query, apply } = useStatisticsQuery();
  const key = JSON.stringify(query);
  const table = useLoad(key, () => reports.statistics(query));
  const times = useLoad(`${query.from}/${query.to}`, () => reports.responseTimes(query.from, query.to));
  const year = query.to.slice(0, 4);

  return (
    <div className="reports">
      <h1 id="statistics-title">{t.statistics.title}</h1>
      <p className="lead">{t.statistics.lead}</p>
      <p>
        <Link to={`/personnel/statistiques/rapport?annee=${year}`} className="button button--secondary button--small">
          <PrintIcon />
          <span>{t.statistics.annualReport}</span>
        </Link>
      </p>

      <StatisticsFilters query={query} onApply={apply} errors={table.error?.fields ?? {}} />

      <section className="reports__results" aria-labelledby="statistics-title" aria-busy={!table.value && !table.error}>
        {table.value ? (
          <>
            {table.value.coarserSuggestion ? <CoarserSuggestion suggestion={table.value.coarserSuggestion} query={query} onApply={apply} /> : null}
            {hasHidden(table.value) ? <SuppressionLegend k={table.value.k} /> : null}
            <StatisticsResults table={table.value} query={query} />
          </>
        ) : table.error ? (
          <>
            <ErrorSummary errors={table.error} fieldIds={{ from: 'stat-from', to: 'stat-to', dimension: 'stat-dimension', cross: 'stat-cross' }} />
            <button type="button" className="button" onClick={table.reload}>
              {t.statistics.retry}
            </button>
          </>
        ) : (
          <Loading label={t.statistics.loading} />
        )}
      </section>

      {times.value ? <ResponseTimesSection times={times.value} /> : null}
    </div>
  );
}
