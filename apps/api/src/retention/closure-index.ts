import { LEGAL_HOLD_OUTCOMES, LEGAL_HOLD_THREAT_TYPES, type StatusChange } from '@mnpddh/shared';
import { toMonth, type TriageIndex } from '../vault/triage-index.js';

const ENDED = new Set(['closed', 'inadmissible']);
const SERIOUS_THREATS = new Set<string>(LEGAL_HOLD_THREAT_TYPES);
const SERIOUS_OUTCOMES = new Set<string>(LEGAL_HOLD_OUTCOMES);

/**
 * The retention half of a status change's index: closing (or declaring
 * inadmissible) stamps the month of closure and, decided here while the
 * categories are decrypted, whether the case is serious enough for a legal
 * hold; reopening clears both. The clear index learns only "serious or not"
 * and only for closed cases.
 */
export function closureIndex(now: Date, change: StatusChange, threatTypes: readonly string[]): Pick<TriageIndex, 'closedAt' | 'legalHold'> {
  if (!ENDED.has(change.to)) return { closedAt: null, legalHold: false };
  const serious = threatTypes.some((type) => SERIOUS_THREATS.has(type)) || (change.outcome !== undefined && SERIOUS_OUTCOMES.has(change.outcome));
  return { closedAt: toMonth(now), legalHold: serious };
}
