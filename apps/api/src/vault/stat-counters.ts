import { DEFENDER_PROFILES, GENDERS, INTAKE_CHANNELS, PERPETRATOR_TYPES, REGIONS, referenceCode, THREAT_TYPES } from '@mnpddh/shared';
import type { CaseCategories } from './case-content.js';

/** One increment of an aggregate counter: a month, one or two categories, never a case id. */
export interface CounterKey {
  period: string;
  dimension1: string;
  value1: string;
  dimension2: string;
  value2: string;
}

/** YYYY-MM: statistics never hold a time finer than the month. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * The counters a new case increments: the total, each category alone, and
 * region crossed with threat type (the one pair reports need most).
 */
export function newCaseCounters(categories: CaseCategories, urgent: boolean, receivedAt: Date): CounterKey[] {
  const period = monthOf(receivedAt);
  const one = (dimension: string, value: string): CounterKey => ({ period, dimension1: dimension, value1: value, dimension2: '', value2: '' });
  const region = referenceCode(REGIONS, categories.region);
  const keys: CounterKey[] = [one('cases', 'all'), one('urgency', urgent ? 'urgent' : 'ordinary'), one('region', region)];
  for (const threat of codes(THREAT_TYPES, categories.threatTypes)) {
    keys.push(one('threat_type', threat));
    keys.push({ period, dimension1: 'region', value1: region, dimension2: 'threat_type', value2: threat });
  }
  for (const perpetrator of codes(PERPETRATOR_TYPES, categories.perpetratorTypes)) keys.push(one('perpetrator_type', perpetrator));
  for (const profile of codes(DEFENDER_PROFILES, categories.profiles)) keys.push(one('profile', profile));
  keys.push(one('gender', categories.gender === undefined ? 'not_given' : referenceCode(GENDERS, categories.gender)));
  keys.push(one('channel', referenceCode(INTAKE_CHANNELS, categories.channel ?? 'web')));
  return keys;
}

/** Known codes only, each once: a counter never holds free text. */
function codes(list: readonly string[], values: string[]): string[] {
  return [...new Set(values.map((value) => referenceCode(list, value)))];
}
