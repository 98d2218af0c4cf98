import type { RequestDetails } from '@mnpddh/shared';
import type { CaseCategories, CaseContent } from './case-content.js';
import { categoriesOf } from './request-categories.js';

/*
 * Details the defender completes later are part of the request exactly as if
 * sent at once: a single answer (region, gender, a name) replaces the one
 * before, lists (incidents, other people at risk, profiles, measures asked
 * for) grow. Nothing is dropped: an empty answer leaves the earlier one.
 */

type Loose = Record<string, unknown>;

/** The case's concerns with one addition applied (the view applies every addition in order). */
export function withDetails(content: CaseContent, details: RequestDetails): CaseContent {
  const identity = content.identity as Loose;
  const situation = content.situation as Loose;
  return {
    ...content,
    identity: {
      ...identity,
      ...replaced(identity, 'submitter', details.submitter),
      ...replaced(identity, 'defender', details.defender),
      othersAtRisk: [...listOf(identity.othersAtRisk), ...(details.othersAtRisk ?? [])],
    },
    situation: {
      ...situation,
      ...replaced(situation, 'location', details.location),
      incidents: [...listOf(situation.incidents), ...(details.incidents ?? [])],
      ...replaced(situation, 'help', details.help),
      ...replaced(situation, 'alreadyContacted', details.alreadyContacted),
    },
  };
}

/** The categories after an addition: what the list filters on and what the statistics count from now on. */
export function withDetailsCategories(categories: CaseCategories, details: RequestDetails): CaseCategories {
  const added = categoriesOf(details, categories.channel ?? 'web');
  const union = (before: readonly string[] | undefined, after: readonly string[] | undefined) => [...new Set([...(before ?? []), ...(after ?? [])])];
  return {
    ...categories,
    region: details.location?.region ?? categories.region,
    incidentRegions: union(categories.incidentRegions, added.incidentRegions),
    threatTypes: union(categories.threatTypes, added.threatTypes),
    perpetratorTypes: union(categories.perpetratorTypes, added.perpetratorTypes),
    profiles: union(categories.profiles, added.profiles),
    languages: union(categories.languages, added.languages),
    measuresRequested: union(categories.measuresRequested, added.measuresRequested),
    measuresConsented: union(categories.measuresConsented, added.measuresConsented),
    ...(added.gender ? { gender: added.gender } : {}),
    ...(added.ageGroup ? { ageGroup: added.ageGroup } : {}),
    ...(added.disability ? { disability: added.disability } : {}),
    peopleAtRisk: (categories.peopleAtRisk ?? 1) + (details.othersAtRisk?.length ?? 0),
  };
}

/** `{ [key]: earlier answers overlaid with the new ones }`, or nothing when no new answer came. */
function replaced(record: Loose, key: string, added: object | undefined): Loose {
  if (!added) return {};
  const before = record[key] && typeof record[key] === 'object' ? (record[key] as Loose) : {};
  const merged: Loose = { ...before };
  for (const [field, value] of Object.entries(added)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    merged[field] = Array.isArray(value) && Array.isArray(before[field]) ? [...new Set([...(before[field] as unknown[]), ...value])] : value;
  }
  return { [key]: merged };
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
