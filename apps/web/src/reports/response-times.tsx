import type { ResponseTimes } from '@mnpddh/shared';
import { useReportsT } from './i18n';
import { useNumber } from './labels';

/** Time to first contact and to assessment: the bands holding the median and the 90th percentile, and the share on time. */
export function ResponseTimesSection({ times }: { times: ResponseTimes }) {
  const t = useReportsT();
  return (
    <section className="response-times" aria-labelledby="response-times-title">
      <h2 id="response-times-title">{t.statistics.responseTitle}</h2>
      <p className="muted">{t.statistics.responseLead}</p>
      <div className="response-times__grid">
        <Indicator title={t.statistics.firstContact} indicator={times.firstContact} buckets={t.hoursBuckets} />
        <Indicator title={t.statistics.assessment} indicator={times.assessment} buckets={t.daysBuckets} />
      </div>
    </section>
  );
}

function Indicator({ title, indicator, buckets }: { title: string; indicator: ResponseTimes['firstContact']; buckets: Record<string, string> }) {
  const t = useReportsT();
  const number = useNumber();
  const hidden = t.statistics.notAvailable;
  const bucket = (code: string | null) => (code === null ? hidden : (buckets[code] ?? code));
  return (
    <div className="response-times__card">
      <h3>{title}</h3>
      <dl className="indicator-list">
        <div>
          <dt>{t.statistics.measured}</dt>
          <dd>{indicator.measured === null ? hidden : number(indicator.measured)}</dd>
        </div>
        <div>
          <dt>{t.statistics.median}</dt>
          <dd>{bucket(indicator.medianBucket)}</dd>
        </div>
        <div>
          <dt>{t.statistics.p90}</dt>
          <dd>{bucket(indicator.p90Bucket)}</dd>
        </div>
        <div>
          <dt>{t.statistics.withinTarget}</dt>
          <dd>{indicator.withinTargetShare === null ? hidden : `${Math.round(indicator.withinTargetShare * 100)} %`}</dd>
        </div>
      </dl>
    </div>
  );
}
