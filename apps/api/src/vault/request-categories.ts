import type { IntakeChannel, RequestDetails } from '@mnpddh/shared';
import type { CaseCategories } from './case-content.js';

/** The categories (codes only) a request's details give: what the list filters and the statistics count. */
export function categoriesOf(details: RequestDetails, channel: IntakeChannel): CaseCategories {
  const incidents = details.incidents ?? [];
  const defender = details.defender;
  return {
    region: details.location?.region ?? 'unknown',
    incidentRegions: [...new Set(incidents.flatMap((incident) => (incident.region ? [incident.region] : [])))],
    threatTypes: [...new Set(incidents.flatMap((incident) => incident.types))],
    perpetratorTypes: [...new Set(incidents.flatMap((incident) => incident.perpetrators))],
    profiles: defender?.profiles ?? [],
    ...(defender?.gender ? { gender: defender.gender } : {}),
    languages: defender?.languages ?? [],
    channel,
    ...(defender?.ageGroup ? { ageGroup: defender.ageGroup } : {}),
    ...(defender?.disability ? { disability: defender.disability } : {}),
    measuresRequested: details.help?.measures ?? [],
    measuresConsented: details.help?.agreesToDisclose ?? [],
    peopleAtRisk: 1 + (details.othersAtRisk?.length ?? 0),
  };
}
