import type { ReportDimension, StatCell } from '@mnpddh/shared';
import { format } from '../dashboard/format';
import { useReportsT } from './i18n';
import { useNumber, useValueLabel } from './labels';
import { SuppressedMark } from './suppressed-mark';

/** A count, or the mark of a hidden one. */
export function Count({ count, suppressed, k }: { count: number | null; suppressed: StatCell['suppressed']; k: number }) {
  const number = useNumber();
  return count === null ? <SuppressedMark reason={suppressed ?? 'complementary'} k={k} /> : <>{number(count)}</>;
}

interface SingleProps {
  caption: string;
  dimension: ReportDimension;
  cells: StatCell[];
  /** The period's total from the API (null when hidden); absent when the API gave none. */
  total?: number | null | undefined;
  k: number;
}

/** One dimension, one period: a row per category, the total last. */
export function SingleTable({ caption, dimension, cells, total, k }: SingleProps) {
  const t = useReportsT();
  const label = useValueLabel();
  return (
    <table className="stat-table">
      <caption className="stat-table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.dimensions[dimension]}</th>
          <th scope="col" className="stat-table__number">
            {t.statistics.count}
          </th>
        </tr>
      </thead>
      <tbody>
        {cells.map((cell) => (
          <tr key={cell.value}>
            <th scope="row">{label(dimension, cell.value)}</th>
            <td className="stat-table__number">
              <Count count={cell.count} suppressed={cell.suppressed} k={k} />
            </td>
          </tr>
        ))}
      </tbody>
      {total !== undefined ? (
        <tfoot>
          <tr>
            <th scope="row">{t.statistics.totalLabel}</th>
            <td className="stat-table__number">
              <Count count={total} suppressed={total === null ? 'complementary' : null} k={k} />
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

interface CrossProps extends SingleProps {
  cross: ReportDimension;
}

/** Two dimensions, one period: categories down, the second dimension across (scrolls sideways on a phone). */
export function CrossTable({ caption, dimension, cross, cells, total, k }: CrossProps) {
  const t = useReportsT();
  const label = useValueLabel();
  const rows = distinct(cells.map((cell) => cell.value));
  const columns = distinct(cells.map((cell) => cell.cross));
  const at = (row: string, column: string) => cells.find((cell) => cell.value === row && cell.cross === column);
  return (
    <div className="table-scroll" role="region" aria-label={format(t.statistics.tableOf, { title: caption })} tabIndex={0}>
      <table className="stat-table stat-table--crossed">
        {/* Said by the heading just above: a visible caption would scroll away with a wide matrix. */}
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {t.dimensions[dimension]} / {t.dimensions[cross]}
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="stat-table__number">
                {label(cross, column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row}>
              <th scope="row">{label(dimension, row)}</th>
              {columns.map((column) => {
                const cell = at(row, column);
                return (
                  <td key={column} className="stat-table__number">
                    {cell ? <Count count={cell.count} suppressed={cell.suppressed} k={k} /> : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {total !== undefined ? (
          <tfoot>
            <tr>
              <th scope="row">{t.statistics.totalLabel}</th>
              <td className="stat-table__number" colSpan={Math.max(1, columns.length)}>
                <Count count={total} suppressed={total === null ? 'complementary' : null} k={k} />
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
