import type { ReferenceListName, ReportDimension } from '@mnpddh/shared';
import { useCallback } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { useReferenceList } from '../dashboard/reference/use-reference';
import { format } from '../dashboard/format';
import { useReportsT, type ReportsCatalogue } from './i18n';

/** Dimensions whose codes are items of a reference list (labels kept by the admins, in both languages). */
const LIST_OF: Partial<Record<ReportDimension, ReferenceListName>> = {
  region: 'region',
  threat_type: 'threat_type',
  perpetrator_type: 'perpetrator_type',
  profile: 'defender_profile',
  measure_requested: 'protection_measure',
  measure_decided: 'protection_measure',
  measure_delivered: 'protection_measure',
  outcome: 'closure_outcome',
};

/** The label of a dimension's code: from the reference lists when it has one, else from this area's catalogue (the code when unknown). */
export function useValueLabel(): (dimension: ReportDimension | undefined, code: string) => string {
  const t = useReportsT();
  // One hook call per list, always in the same order (rules of hooks).
  const region = useReferenceList('region').label;
  const threat = useReferenceList('threat_type').label;
  const perpetrator = useReferenceList('perpetrator_type').label;
  const profile = useReferenceList('defender_profile').label;
  const measure = useReferenceList('protection_measure').label;
  const outcome = useReferenceList('closure_outcome').label;
  return useCallback(
    (dimension: ReportDimension | undefined, code: string) => {
      const byList: Partial<Record<ReferenceListName, (code: string) => string>> = {
        region,
        threat_type: threat,
        perpetrator_type: perpetrator,
        defender_profile: profile,
        protection_measure: measure,
        closure_outcome: outcome,
      };
      const list = dimension ? LIST_OF[dimension] : undefined;
      const label = list ? byList[list] : undefined;
      if (!label) return catalogueLabel(t, dimension, code);
      const text = label(code);
      // A code outside the list ('other', 'unknown': the answer was not given or not recognised) reads the same everywhere.
      return text === code && NOT_GIVEN.has(code) ? (t.values.not_given ?? text) : text;
    },
    [t, region, threat, perpetrator, profile, measure, outcome],
  );
}

/** Codes the counters use for an answer that was not given or not recognised. */
const NOT_GIVEN = new Set(['other', 'unknown', 'not_given']);

function catalogueLabel(t: ReportsCatalogue, dimension: ReportDimension | undefined, code: string): string {
  if (dimension === 'region_group' && code === 'unknown') return t.values.not_given ?? code;
  if (dimension === 'first_contact_hours') return t.hoursBuckets[code] ?? code;
  if (dimension === 'assessment_days') return t.daysBuckets[code] ?? code;
  return t.values[code] ?? code;
}

/** "2026-03" → "mars 2026", "2026-Q2" → "T2 2026", "2026" → "2026"; anything else as it came. */
export function periodLabel(t: ReportsCatalogue, period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${t.months[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(period);
  if (quarter) return format(t.quarter, { n: quarter[2] as string, year: quarter[1] as string });
  return period;
}

export function usePeriodLabel(): (period: string) => string {
  const t = useReportsT();
  return useCallback((period: string) => periodLabel(t, period), [t]);
}

/** Numbers the way the reader writes them (1 234 in French, 1,234 in English). */
export function useNumber(): (n: number) => string {
  const [locale] = useLocale();
  return useCallback((n: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR').format(n), [locale]);
}
