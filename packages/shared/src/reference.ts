/**
 * Reference lists from DOMAIN.md, as stable codes (labels live in the UI
 * catalogues). They are data: the map and the categories may change, and an
 * unknown value is counted as "other", never as free text, in statistics.
 */
export const REGIONS = [
  'bamako',
  'kayes',
  'koulikoro',
  'sikasso',
  'segou',
  'mopti',
  'tombouctou',
  'gao',
  'kidal',
  'taoudenit',
  'menaka',
  'nioro',
  'kita',
  'dioila',
  'nara',
  'bougouni',
  'koutiala',
  'san',
  'douentza',
  'bandiagara',
  'outside_mali',
] as const;

export const THREAT_TYPES = [
  'arrest',
  'abduction_disappearance',
  'arbitrary_detention',
  'judicial_harassment',
  'threats_intimidation',
  'harassment',
  'surveillance',
  'physical_attack',
  'raid_search',
  'digital_attack',
  'defamation',
  'travel_ban',
  'organisation_suspension',
  'forced_exile',
  'killing_of_relative',
  'other',
] as const;

export const PERPETRATOR_TYPES = [
  'state_security',
  'judicial_authorities',
  'administrative_authorities',
  'armed_groups',
  'militias',
  'private_actors',
  'community_religious_figures',
  'unknown',
] as const;

export const DEFENDER_PROFILES = [
  'journalist',
  'online_activist',
  'lawyer',
  'trade_unionist',
  'womens_rights',
  'land_environment_community',
  'religious_traditional_leader',
  'student_leader',
  'election_governance_watchdog',
  'anti_slavery',
  'disability_albinism_rights',
  'humanitarian_community_worker',
  'human_rights_organisation',
  'other',
] as const;

export const GENDERS = ['woman', 'man', 'other', 'not_given'] as const;

export const AGE_GROUPS = ['under_18', '18_35', '36_60', 'over_60'] as const;

/** Protection measures (DOMAIN.md): what a requester may ask for, and what staff decide. */
export const PROTECTION_MEASURES = [
  'urgent_contact_advice',
  'legal_assistance',
  'accompaniment',
  'detention_visit',
  'authorities_intervention',
  'medical_care',
  'psychosocial_support',
  'temporary_relocation',
  'digital_security',
  'material_support',
  'partner_referral',
  'advocacy',
  'follow_up_calls',
] as const;

export type ProtectionMeasure = (typeof PROTECTION_MEASURES)[number];

export const CONTACT_METHODS = ['phone', 'signal', 'whatsapp', 'email', 'trusted_person', 'no_contact'] as const;

export const SPOKEN_LANGUAGES = ['bm', 'ff', 'son', 'tmh', 'snk', 'dgo', 'ar', 'fr', 'en', 'other'] as const;

/** A value of a reference list, or "other" for anything else (statistics never carry free text). */
export function referenceCode<T extends string>(list: readonly T[], value: string | undefined): T | 'other' {
  return list.includes(value as T) ? (value as T) : 'other';
}
