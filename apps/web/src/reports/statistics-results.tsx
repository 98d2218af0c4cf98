import type { StatisticsQuery, StatisticsTable } from '@mnpddh/shared';
import { useLocale } from '../i18n/i18n-context';
import { format, formatDateTime } from '../dashboard/format';
import { cellsOf, crossedGroups, periodsOf, singleGroups, totalOf, totalsGroups } from './cells';
import { useReportsT } from './i18n';
import { usePeriodLabel, useValueLabel } from './labels';
import { useReportsApi, type DownloadProgress, type ExportFormat } from './reports-api';
import { StatBlock } from './stat-block';
import { Count, CrossTable, SingleTable } from './stat-tables';
import { periodQuery } from './statistics-query';

interface Props {
  table: StatisticsTable;
  /** The query as asked (the export buttons send it again). */
  query: StatisticsQuery;
}

/** The totals by period first, then one chart and table per period. */
export function StatisticsResults({ table, query }: Props) {
  const t = useReportsT();
  const [locale] = useLocale();
  const reports = useReportsApi();
  const label = useValueLabel();
  const periodLabel = usePeriodLabel();
  const { dimension, cross } = query;
  const exportOf = (scoped: StatisticsQuery) => (chosen: ExportFormat, onProgress: (progress: DownloadProgress) => void) =>
    reports.exportStatistics(chosen, scoped, onProgress);
  const periods = periodsOf(table);
  const name = t.dimensions[dimension];

  return (
    <>
      <p className="muted">{format(t.statistics.generated, { date: formatDateTime(table.generatedAt, locale), k: table.k })}</p>
      <p className="muted">
        {table.freshness.countedUntil
          ? format(t.statistics.freshness, { date: formatDateTime(table.freshness.countedUntil, locale), k: table.k, waiting: table.freshness.waiting })
          : format(t.statistics.freshnessNever, { k: table.k, waiting: table.freshness.waiting })}
      </p>
      {table.totals.length > 1 ? (
        <StatBlock title={t.statistics.totalsTitle} groups={totalsGroups(table, periodLabel)} k={table.k} exportFile={exportOf(query)}>
          <table className="stat-table">
            <caption className="stat-table__caption">{t.statistics.totalsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.statistics.period}</th>
                <th scope="col" className="stat-table__number">
                  {t.statistics.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {table.totals.map((total) => (
                <tr key={total.period}>
                  <th scope="row">{periodLabel(total.period)}</th>
                  <td className="stat-table__number">
                    <Count count={total.count} suppressed={total.count === null ? 'complementary' : null} k={table.k} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </StatBlock>
      ) : null}
      {periods.map((period) => {
        const cells = cellsOf(table, period);
        const title = cross
          ? format(t.statistics.crossedTitle, { dimension: name, cross: t.dimensions[cross], period: periodLabel(period) })
          : format(t.statistics.periodTitle, { dimension: name, period: periodLabel(period) });
        const total = totalOf(table, period);
        return (
          <StatBlock
            key={period}
            title={title}
            groups={cross ? crossedGroups(cells, dimension, cross, label) : singleGroups(cells, dimension, label)}
            k={table.k}
            exportFile={exportOf(periodQuery(query, period))}
          >
            {cells.length === 0 ? null : cross ? (
              <CrossTable caption={title} dimension={dimension} cross={cross} cells={cells} total={total} k={table.k} />
            ) : (
              <SingleTable caption={title} dimension={dimension} cells={cells} total={total} k={table.k} />
            )}
          </StatBlock>
        );
      })}
    </>
  );
}
