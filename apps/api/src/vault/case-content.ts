import type { IntakeChannel } from '@mnpddh/shared';

/**
 * What a case holds, by concern: each concern is one encrypted payload under
 * the case key (SECURITY.md). The intake issue maps the public form onto
 * these; staff work adds more concerns later.
 */
export interface CaseContent {
  /** People at risk: names or pseudonyms, organisation, profiles, gender, age group, languages. */
  identity: Record<string, unknown>;
  /** How to reach the person safely. */
  contact: Record<string, unknown>;
  /** What happened, in the requester's words. */
  narrative: string;
  /** The situation: urgency, place, incidents (dates, perpetrators, where someone is held), help asked, consent. */
  situation: Record<string, unknown>;
  /** The categories that could single a person out (never in the clear). */
  categories: CaseCategories;
}

export interface CaseCategories {
  /** Where the defender is now. */
  region: string;
  /** Where the incidents happened, when they were placed (each once; "outside_mali" included). */
  incidentRegions?: string[];
  threatTypes: string[];
  perpetratorTypes: string[];
  profiles: string[];
  gender?: string;
  languages: string[];
  /** How the request came (web, callback_request, phone…): encrypted like the rest; the call-back queue filters on it. */
  channel?: IntakeChannel;
  /** For the statistics counters only (codes, never free text); absent on cases created before statistics were kept. */
  ageGroup?: string;
  disability?: string;
  /** The measures the requester asked for (codes). */
  measuresRequested?: string[];
  /** The measures asked for that reveal the defender and that the request agreed to (a consent per disclosure). */
  measuresConsented?: string[];
  /** People at risk in the case: the defender and the others named (a number, never who). */
  peopleAtRisk?: number;
  /** The urgency the statistics counted at intake (the index's flag may change since): details added later move counts from it. */
  urgentAtIntake?: boolean;
  /** The precise arrival (ISO): the clear index keeps only its hour; holders count deadlines and ages from this. Absent on older cases. */
  arrivedAt?: string;
}

/** The encrypted columns of protection_case, one per concern. */
export const CONTENT_FIELDS = ['identity', 'contact', 'narrative', 'situation', 'categories'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

export const CASE_TABLE = 'protection_case';
