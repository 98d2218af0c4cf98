import { DEFENDER_PROFILES, PERPETRATOR_TYPES, PROTECTION_MEASURES, REGIONS, SPOKEN_LANGUAGES, THREAT_TYPES, type ReferenceListName } from '@mnpddh/shared';
import { useMemo } from 'react';
import { useReferenceList } from '../reference/use-reference';
import type { Option } from './choices';

/**
 * The codes the request schema accepts for each reference list. Labels and
 * order come from the server's lists; an item an admin adds there is offered
 * here once the schema knows it, so that a form never offers a choice the
 * API would refuse.
 */
const ACCEPTED: Partial<Record<ReferenceListName, readonly string[]>> = {
  region: REGIONS,
  threat_type: THREAT_TYPES,
  perpetrator_type: PERPETRATOR_TYPES,
  defender_profile: DEFENDER_PROFILES,
  protection_measure: PROTECTION_MEASURES,
  language: SPOKEN_LANGUAGES,
};

/** The active items of a reference list as form options, in the interface language. */
export function useOptions(list: ReferenceListName): Option[] {
  const { items, label } = useReferenceList(list);
  return useMemo(() => {
    const accepted = ACCEPTED[list];
    return items.filter((item) => !accepted || accepted.includes(item.code)).map((item) => ({ value: item.code, label: label(item.code) }));
  }, [items, label, list]);
}

/** Fixed answers of the schema, worded in this screen's catalogue. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): Option<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
