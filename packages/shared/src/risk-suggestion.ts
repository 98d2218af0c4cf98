/*
 * What the request itself suggests for the risk assessment and the legal
 * bases (DOMAIN.md): a starting point that staff confirm or change (a level
 * other than the one the scores suggest still needs a written reason). Each
 * factor carries the reasons it was raised for, shown beside it.
 */

/** The facts of a request these rules read (codes only). */
export interface RequestFacts {
  detainedOrMissing?: string;
  lifeInDanger?: string;
  threatTypes: readonly string[];
  profiles: readonly string[];
  gender?: string;
  disability?: string;
  ageGroup?: string;
  /** The people at risk besides the defender. */
  othersAtRisk: number;
  incidents: number;
}

export const RISK_REASONS = [
  'abduction_or_detention',
  'life_in_danger',
  'physical_attack',
  'threats_reported',
  'previous_incidents',
  'others_at_risk',
  'exposed_profile',
  'woman_defender',
  'disability',
  'age',
  'cannot_protect_self',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export interface SuggestedFactor {
  score: number;
  reasons: RiskReason[];
}

export interface RequestSuggestion {
  threats: SuggestedFactor;
  vulnerabilities: SuggestedFactor;
  capacities: SuggestedFactor;
  /** Codes of the legal-basis reference list, most relevant first. */
  legalBases: string[];
}

const DEPRIVED_OF_LIBERTY = ['arrest', 'abduction_disappearance', 'arbitrary_detention'];
const JUDICIAL = ['arrest', 'arbitrary_detention', 'judicial_harassment'];
/** Profiles whose public work is what draws the threat (DOMAIN.md's "Who the defenders are"). */
const EXPOSED_PROFILES = ['journalist', 'online_activist', 'womens_rights', 'anti_slavery', 'election_governance_watchdog', 'land_environment_community'];
const clamp = (score: number) => Math.max(1, Math.min(5, score));

/** Threats: what has been done or announced. */
export function suggestThreats(facts: RequestFacts): SuggestedFactor {
  const reasons: RiskReason[] = [];
  let score = 2;
  const raise = (to: number, reason: RiskReason) => {
    reasons.push(reason);
    score = Math.max(score, to);
  };
  if (facts.detainedOrMissing === 'yes' || facts.threatTypes.some((type) => DEPRIVED_OF_LIBERTY.includes(type))) raise(5, 'abduction_or_detention');
  if (facts.lifeInDanger === 'yes') raise(5, 'life_in_danger');
  if (facts.threatTypes.includes('physical_attack')) raise(4, 'physical_attack');
  if (facts.threatTypes.length > 0 && score < 3) raise(3, 'threats_reported');
  if (facts.incidents >= 2) {
    reasons.push('previous_incidents');
    score = clamp(score + 1);
  }
  return { score, reasons };
}

/** Vulnerabilities: who is exposed, and how much. */
export function suggestVulnerabilities(facts: RequestFacts): SuggestedFactor {
  const reasons: RiskReason[] = [];
  if (facts.othersAtRisk > 0) reasons.push('others_at_risk');
  if (facts.profiles.some((profile) => EXPOSED_PROFILES.includes(profile))) reasons.push('exposed_profile');
  if (facts.gender === 'woman') reasons.push('woman_defender');
  if (facts.disability === 'yes') reasons.push('disability');
  if (facts.ageGroup === 'under_18' || facts.ageGroup === 'over_60') reasons.push('age');
  return { score: clamp(2 + reasons.length), reasons };
}

/** Capacities: someone detained or missing, or in danger of death now, cannot protect themselves. */
export function suggestCapacities(facts: RequestFacts): SuggestedFactor {
  if (facts.detainedOrMissing === 'yes') return { score: 1, reasons: ['cannot_protect_self'] };
  if (facts.lifeInDanger === 'yes') return { score: 2, reasons: ['cannot_protect_self'] };
  return { score: 3, reasons: [] };
}

/** Law 2018-003's articles the request points to (DOMAIN.md): art. 15 always, the others by category. */
export function suggestLegalBases(facts: RequestFacts): string[] {
  const bases = ['law_2018_003_art_15'];
  if (facts.detainedOrMissing === 'yes' || facts.threatTypes.some((type) => JUDICIAL.includes(type) || type === 'abduction_disappearance')) {
    bases.unshift('law_2018_003_art_5');
  }
  if (facts.threatTypes.includes('raid_search')) bases.push('law_2018_003_art_6');
  if (facts.threatTypes.includes('organisation_suspension') || facts.threatTypes.includes('travel_ban')) bases.push('law_2018_003_art_3');
  if (facts.gender === 'woman') bases.push('law_2018_003_art_18');
  if (facts.disability === 'yes') bases.push('law_2018_003_art_19');
  return bases;
}

export function suggestFromRequest(facts: RequestFacts): RequestSuggestion {
  return {
    threats: suggestThreats(facts),
    vulnerabilities: suggestVulnerabilities(facts),
    capacities: suggestCapacities(facts),
    legalBases: suggestLegalBases(facts),
  };
}
