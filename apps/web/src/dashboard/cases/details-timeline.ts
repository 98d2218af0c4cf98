import type { DetailsAdded } from '@mnpddh/shared';
import { format } from '../format';
import { useReferenceList } from '../reference/use-reference';
import { useCasesT } from './i18n';

/**
 * What the defender added later, as labelled lines for the history: codes
 * become the reference lists' labels, free text stays the defender's words.
 * Never the stored value itself.
 */
export function useDetailsDescriber() {
  const t = useCasesT();
  const v = t.caseView;
  const regions = useReferenceList('region');
  const threats = useReferenceList('threat_type');
  const profiles = useReferenceList('defender_profile');
  const measures = useReferenceList('protection_measure');
  const labelled = (label: string, parts: (string | undefined)[]) => {
    const text = parts.filter((part): part is string => Boolean(part)).join(' — ');
    return text ? [`${label}${t.colon}${text}`] : [];
  };
  const list = (codes: readonly string[] | undefined, label: (code: string) => string) => (codes?.length ? codes.map(label).join(', ') : undefined);

  return ({ details }: DetailsAdded): { title: string; lines: string[] } => ({
    title: t.timeline.defenderDetails,
    lines: [
      ...labelled(v.defender, [details.defender?.name, details.defender?.organisation, list(details.defender?.profiles, profiles.label)]),
      ...labelled(v.location, [details.location?.region ? regions.label(details.location.region) : undefined, details.location?.locality]),
      ...(details.incidents ?? []).flatMap((incident, index) =>
        labelled(format(v.incident, { n: index + 1 }), [list(incident.types, threats.label), incident.place, incident.when?.date]),
      ),
      ...(details.othersAtRisk ?? []).flatMap((person) => labelled(v.othersAtRisk, [person.name, v.othersRelationship[person.relationship]])),
      ...labelled(v.helpTitle, [list(details.help?.measures, measures.label), details.help?.other]),
    ],
  });
}
