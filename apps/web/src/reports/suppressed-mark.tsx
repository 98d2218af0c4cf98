import { format } from '../dashboard/format';
import { useReportsT } from './i18n';

/**
 * A hidden count: "< 5" when below the threshold, "masqué" when hidden to
 * protect another cell. The visible mark is short; screen readers hear the
 * whole reason.
 */
export function SuppressedMark({ reason, k, short = false }: { reason: 'below_k' | 'complementary' | null; k: number; short?: boolean }) {
  const t = useReportsT();
  const belowK = reason === 'below_k';
  const mark = belowK ? format(t.suppression.belowK, { k }) : t.suppression.complementary;
  const long = belowK ? format(t.suppression.belowKLong, { k }) : t.suppression.complementaryLong;
  if (short) return <span className={belowK ? 'suppressed' : 'suppressed suppressed--complementary'}>{mark}</span>;
  return (
    <span className={belowK ? 'suppressed' : 'suppressed suppressed--complementary'}>
      <span aria-hidden="true">{mark}</span>
      <span className="visually-hidden">{long}</span>
    </span>
  );
}

/** The legend every page with hidden cells shows, in plain words. */
export function SuppressionLegend({ k }: { k: number }) {
  const t = useReportsT();
  return (
    <section className="suppression-legend" aria-labelledby="suppression-legend-title">
      <h2 id="suppression-legend-title" className="suppression-legend__title">
        {t.suppression.legendTitle}
      </h2>
      <dl className="suppression-legend__list">
        <div>
          <dt>
            <span className="suppressed">{format(t.suppression.belowK, { k })}</span>
          </dt>
          <dd>{format(t.suppression.belowKText, { k })}</dd>
        </div>
        <div>
          <dt>
            <span className="suppressed suppressed--complementary">{t.suppression.complementary}</span>
          </dt>
          <dd>{format(t.suppression.complementaryText, { k })}</dd>
        </div>
      </dl>
      <p className="suppression-legend__note">{t.suppression.chartNote}</p>
    </section>
  );
}
