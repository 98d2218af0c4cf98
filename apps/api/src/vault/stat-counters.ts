import {
  AGE_GROUPS,
  DEFENDER_PROFILES,
  GENDERS,
  INTAKE_CHANNELS,
  PERPETRATOR_TYPES,
  PROTECTION_MEASURES,
  REGIONS,
  referenceCode,
  THREAT_TYPES,
} from '@mnpddh/shared';
import type { CaseCategories } from './case-content.js';

/** One increment of an aggregate counter: a month, one or two categories, never a case id. */
export interface CounterKey {
  period: string;
  dimension1: string;
  value1: string;
  dimension2: string;
  value2: string;
  /** How much to add (default 1): the 'people' counters add the number of people at risk. */
  amount?: number;
}

/** The dimensions counted at intake, each crossed with every other once (the pair tables of the reports). */
export const INTAKE_DIMENSIONS = [
  'age_group',
  'channel',
  'disability',
  'gender',
  'measure_requested',
  'perpetrator_type',
  'profile',
  'region',
  'threat_type',
  'urgency',
] as const;
export type IntakeDimension = (typeof INTAKE_DIMENSIONS)[number];

const DISABILITY_ANSWERS = ['yes', 'no', 'prefer_not_to_say'] as const;
const AGE_ANSWERS = [...AGE_GROUPS, 'unknown'] as const;

/** YYYY-MM: statistics never hold a time finer than the month. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Each intake dimension's codes for one case (multi-valued dimensions hold each code once; none: no count). */
export function intakeValues(categories: CaseCategories, urgent: boolean): Record<IntakeDimension, string[]> {
  return {
    age_group: [categories.ageGroup === undefined ? 'not_given' : referenceCode(AGE_ANSWERS, categories.ageGroup)],
    channel: [referenceCode(INTAKE_CHANNELS, categories.channel ?? 'web')],
    disability: [categories.disability === undefined ? 'not_given' : referenceCode(DISABILITY_ANSWERS, categories.disability)],
    gender: [categories.gender === undefined ? 'not_given' : referenceCode(GENDERS, categories.gender)],
    measure_requested: codes(PROTECTION_MEASURES, categories.measuresRequested ?? []),
    perpetrator_type: codes(PERPETRATOR_TYPES, categories.perpetratorTypes),
    profile: codes(DEFENDER_PROFILES, categories.profiles),
    region: regionsInvolved(categories),
    threat_type: codes(THREAT_TYPES, categories.threatTypes),
    urgency: [urgent ? 'urgent' : 'ordinary'],
  };
}

/** What intake counts of one case, codes only: the month, each dimension's codes, the people at risk. */
export interface IntakeTally {
  period: string;
  values: Record<IntakeDimension, string[]>;
  people: number;
}

export function intakeTally(categories: CaseCategories, urgent: boolean, receivedAt: Date): IntakeTally {
  return { period: monthOf(receivedAt), values: intakeValues(categories, urgent), people: peopleAtRisk(categories) };
}

/** The counters a new case increments (see intakeCounters). */
export function newCaseCounters(categories: CaseCategories, urgent: boolean, receivedAt: Date): CounterKey[] {
  return intakeCounters(intakeTally(categories, urgent, receivedAt));
}

/**
 * The counters one intake increments: the total, the people at risk, each
 * intake dimension alone, and every pair of intake dimensions (stored once,
 * dimension_1 < dimension_2), each pair also weighted by the people at risk.
 */
export function intakeCounters({ period, values, people }: IntakeTally): CounterKey[] {
  const key = (dimension1: string, value1: string, dimension2 = '', value2 = '', amount = 1): CounterKey => ({
    period,
    dimension1,
    value1,
    dimension2,
    value2,
    ...(amount === 1 ? {} : { amount }),
  });
  const keys: CounterKey[] = [key('cases', 'all'), key('people', 'all', '', '', people)];
  for (const dimension of INTAKE_DIMENSIONS) {
    for (const value of values[dimension]) keys.push(key(dimension, value), pair(key, dimension, value, 'people', 'all', people));
  }
  INTAKE_DIMENSIONS.forEach((first, i) => {
    for (const second of INTAKE_DIMENSIONS.slice(i + 1)) {
      for (const value1 of values[first]) for (const value2 of values[second]) keys.push(key(first, value1, second, value2));
    }
  });
  return keys;
}

/**
 * What details added later change in the counters: the case's counts under
 * its categories before taken back, its counts under the categories after
 * added (the same month, the urgency counted at intake); cells that do not
 * change cancel out, so a case is still counted once per cell.
 */
export function changedCaseCounters(before: CaseCategories, after: CaseCategories, urgent: boolean, receivedAt: Date): CounterKey[] {
  const net = new Map<string, CounterKey>();
  const add = (keys: CounterKey[], sign: number) => {
    for (const key of keys) {
      const id = [key.period, key.dimension1, key.value1, key.dimension2, key.value2].join('\u0000');
      const amount = (net.get(id)?.amount ?? 0) + sign * (key.amount ?? 1);
      net.set(id, { ...key, amount });
    }
  };
  add(newCaseCounters(before, urgent, receivedAt), -1);
  add(newCaseCounters(after, urgent, receivedAt), 1);
  return [...net.values()].filter((key) => key.amount !== 0);
}

/** A pair counter, its dimensions in alphabetical order (each pair is stored once). */
function pair(
  key: (d1: string, v1: string, d2: string, v2: string, amount: number) => CounterKey,
  dimension1: string,
  value1: string,
  dimension2: string,
  value2: string,
  amount: number,
): CounterKey {
  return dimension1 < dimension2 ? key(dimension1, value1, dimension2, value2, amount) : key(dimension2, value2, dimension1, value1, amount);
}

/** The defender and the others named at risk; at least one (a case is about someone). */
function peopleAtRisk(categories: CaseCategories): number {
  const people = categories.peopleAtRisk ?? 1;
  return Number.isInteger(people) && people >= 1 && people <= 100 ? people : 1;
}

/**
 * The bucket a duration falls in: buckets are named "low_high" or "low_plus"
 * and include their upper bound, so a duration equal to a target falls in the
 * bucket that ends at it ("0_2" holds exactly 2 hours: within a 2-hour target).
 */
export function bucketOf(buckets: readonly string[], value: number): string {
  for (const bucket of buckets) {
    const [, high] = bucket.split('_');
    if (high === 'plus' || value <= Number(high)) return bucket;
  }
  return buckets[buckets.length - 1] ?? 'other';
}

/** Known codes only, each once: a counter never holds free text. */
/**
 * A case counts once in each region involved: where the defender is now and
 * where each incident happened ("outside_mali" included). Not given anywhere:
 * counted once as not given ('other', like any code outside the list).
 */
function regionsInvolved(categories: CaseCategories): string[] {
  const placed = [categories.region, ...(categories.incidentRegions ?? [])].filter((region) => region !== 'unknown');
  return placed.length > 0 ? codes(REGIONS, placed) : ['other'];
}

function codes(list: readonly string[], values: string[]): string[] {
  return [...new Set(values.map((value) => referenceCode(list, value)))];
}
