import type { ReportDimension, StatisticsQuery, StatisticsTable } from '@mnpddh/shared';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { useLocale } from '../i18n/i18n-context';
import { format, formatDateTime } from '../dashboard/format';
import { Field } from '../dashboard/forms/field';
import { ErrorSummary } from '../dashboard/forms/error-summary';
import { Loading } from '../dashboard/require-session';
import { cellsOf, singleGroups, totalOf, totalsGroups } from './cells';
import { useReportsT, type ReportsCatalogue } from './i18n';
import { PrintIcon } from '../dashboard/icons';
import { usePeriodLabel, useValueLabel } from './labels';
import { useReportsApi } from './reports-api';
import { StatBlock } from './stat-block';
import { Count, SingleTable } from './stat-tables';
import { SuppressionLegend } from './suppressed-mark';
import { useLoad } from './use-load';

/** The report's four sections: what the CNDH's annual report shows. */
const SECTIONS: readonly { key: keyof ReportsCatalogue['report']; dimension: ReportDimension; byMonth?: true }[] = [
  { key: 'byMonth', dimension: 'cases', byMonth: true },
  { key: 'byRegion', dimension: 'region' },
  { key: 'byThreat', dimension: 'threat_type' },
  { key: 'byOutcome', dimension: 'outcome' },
];

function yearOf(params: URLSearchParams): string {
  const asked = params.get('annee') ?? '';
  return /^\d{4}$/.test(asked) ? asked : String(new Date().getUTCFullYear());
}

function queryOf(year: string, section: (typeof SECTIONS)[number]): StatisticsQuery {
  return { from: `${year}-01`, to: `${year}-12`, granularity: section.byMonth ? 'month' : 'year', dimension: section.dimension };
}

/**
 * /personnel/statistiques/rapport?annee=2026: the annual report, ready to
 * print (or save as PDF) and paste into the CNDH's report as it is — in the
 * interface's language, French or English. The print stylesheet drops the
 * navigation and the buttons, starts each section on a new page and keeps
 * the charts readable in black and white.
 */
export function AnnualReportPage() {
  const t = useReportsT();
  const [locale] = useLocale();
  const reports = useReportsApi();
  const [params, setParams] = useSearchParams();
  const year = yearOf(params);
  const [draftYear, setDraftYear] = useState(year);
  const tables = useLoad(year, () => Promise.all(SECTIONS.map((section) => reports.statistics(queryOf(year, section)))));
  const changeYear = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{4}$/.test(draftYear)) setParams({ annee: draftYear });
  };

  return (
    <article className="annual-report">
      <div className="annual-report__tools no-print">
        <Link to="/personnel/statistiques" className="link-button">
          {t.report.back}
        </Link>
        <form className="annual-report__year" onSubmit={changeYear}>
          <Field
            id="report-year"
            label={t.report.yearLabel}
            inputMode="numeric"
            className="field__input--short"
            value={draftYear}
            onChange={(event) => setDraftYear(event.target.value.trim())}
          />
          <button type="submit" className="button button--secondary button--small">
            {t.report.change}
          </button>
        </form>
        <div className="annual-report__language">
          <span>{t.report.languageLabel}</span>
          <LanguageSwitcher />
        </div>
        <button type="button" className="button button--small" onClick={() => window.print()}>
          <PrintIcon />
          <span>{t.report.print}</span>
        </button>
      </div>

      <header className="annual-report__header">
        <h1>{format(t.report.title, { year })}</h1>
        <p className="lead">{t.report.subtitle}</p>
      </header>

      {tables.value ? (
        <>
          <p>{t.report.method}</p>
          <SuppressionLegend k={tables.value[0]?.k ?? 5} />
          {SECTIONS.map((section, index) => {
            const table = tables.value?.[index];
            return table ? <ReportSection key={section.key} title={t.report[section.key] as string} table={table} query={queryOf(year, section)} /> : null;
          })}
          <p className="annual-report__source">
            {format(t.report.source, { date: formatDateTime(tables.value[0]?.generatedAt ?? new Date().toISOString(), locale) })}
          </p>
        </>
      ) : tables.error ? (
        <>
          <ErrorSummary errors={tables.error} fieldIds={{}} />
          <button type="button" className="button no-print" onClick={tables.reload}>
            {t.statistics.retry}
          </button>
        </>
      ) : (
        <Loading label={t.report.loading} />
      )}
    </article>
  );
}

/** One section of the report: by month, the totals of each month; otherwise the year's categories. */
function ReportSection({ title, table, query }: { title: string; table: StatisticsTable; query: StatisticsQuery }) {
  const t = useReportsT();
  const reports = useReportsApi();
  const label = useValueLabel();
  const periodLabel = usePeriodLabel();
  const exportFile = (chosen: 'csv' | 'json', onProgress: Parameters<typeof reports.exportStatistics>[2]) =>
    reports.exportStatistics(chosen, query, onProgress);

  if (query.granularity === 'month') {
    return (
      <div className="annual-report__section">
        <StatBlock title={title} groups={totalsGroups(table, periodLabel)} k={table.k} exportFile={exportFile} headingLevel={2}>
          <table className="stat-table">
            <caption className="stat-table__caption">{title}</caption>
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
      </div>
    );
  }
  // One year: its single period holds the categories.
  const period = table.totals[0]?.period ?? table.cells[0]?.period ?? '';
  const cells = cellsOf(table, period);
  return (
    <div className="annual-report__section">
      <StatBlock title={title} groups={singleGroups(cells, query.dimension, label)} k={table.k} exportFile={exportFile} headingLevel={2}>
        {cells.length === 0 ? null : <SingleTable caption={title} dimension={query.dimension} cells={cells} total={totalOf(table, period)} k={table.k} />}
      </StatBlock>
    </div>
  );
}
