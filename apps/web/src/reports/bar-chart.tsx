import { useId } from 'react';
import { format } from '../dashboard/format';
import { useReportsT } from './i18n';
import { useNumber } from './labels';
import { SuppressedMark } from './suppressed-mark';

export interface Bar {
  key: string;
  label: string;
  count: number | null;
  /** Why the count is hidden (null when shown). */
  suppressed: 'below_k' | 'complementary' | null;
}

export interface BarGroup {
  key: string;
  /** Shown above the group's bars when the chart is crossed. */
  label?: string;
  bars: Bar[];
}

interface Props {
  title: string;
  groups: BarGroup[];
  k: number;
}

/** Width of a hidden cell's hatched bar: fixed, so its length says nothing about the figure. */
const HIDDEN_BAR = '6%';

/**
 * Horizontal bars drawn in SVG (no chart library). The chart is one image
 * for assistive technology, named by a one-sentence summary; the table under
 * it carries the figures. Hidden cells are hatched, never drawn to scale.
 */
export function BarChart({ title, groups, k }: Props) {
  const t = useReportsT();
  const number = useNumber();
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const bars = groups.flatMap((group) => group.bars);
  const max = Math.max(0, ...bars.map((bar) => bar.count ?? 0));

  return (
    <figure className="chart">
      <svg className="chart__defs" width="0" height="0" aria-hidden="true" focusable="false">
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="chart__hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="chart__hatch-line" />
          </pattern>
        </defs>
      </svg>
      <div className="chart__body" role="img" aria-label={summaryOf(t, number, title, bars)}>
        {bars.length === 0 ? <p className="chart__empty">{t.statistics.empty}</p> : null}
        {groups.map((group) => (
          <div key={group.key} className="chart__group">
            {group.label ? <p className="chart__group-label">{group.label}</p> : null}
            {group.bars.map((bar) => (
              <div key={bar.key} className="chart__row">
                <span className="chart__label">{bar.label}</span>
                <svg className="chart__bar" width="100%" height="20" aria-hidden="true" focusable="false">
                  {bar.count === null ? (
                    <rect x="0" y="0" width={HIDDEN_BAR} height="20" fill={`url(#${hatch})`} className="chart__hidden" />
                  ) : (
                    <rect x="0" y="0" width={max > 0 ? `${(bar.count / max) * 100}%` : '0'} height="20" className="chart__fill" />
                  )}
                </svg>
                <span className="chart__value">{bar.count === null ? <SuppressedMark reason={bar.suppressed} k={k} short /> : number(bar.count)}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
    </figure>
  );
}

function summaryOf(t: ReturnType<typeof useReportsT>, number: (n: number) => string, title: string, bars: Bar[]): string {
  const shown = bars.filter((bar) => bar.count !== null);
  const top = shown.reduce<Bar | null>((best, bar) => (best === null || (bar.count ?? 0) > (best.count ?? 0) ? bar : best), null);
  if (!top) return format(t.chart.summaryEmpty, { title });
  return format(t.chart.summary, {
    title,
    shown: shown.length,
    hidden: bars.length - shown.length,
    top: top.label,
    count: number(top.count ?? 0),
  });
}
