/**
 * The on-call rota and who an alert goes to next: pure functions, so the
 * escalation order is tested without a database or a clock.
 */

export interface RotaCandidate {
  readonly id: string;
  readonly name: string;
  /** Set by the rota; null sorts after every position. */
  readonly rotaPosition: number | null;
}

/** Rota order: position (nulls last), then name, then id so the order never depends on the query. */
export function orderRota<T extends RotaCandidate>(members: readonly T[]): T[] {
  return [...members].sort((a, b) => byPosition(a, b) || a.name.localeCompare(b.name, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function byPosition(a: RotaCandidate, b: RotaCandidate): number {
  if (a.rotaPosition === b.rotaPosition) return 0;
  if (a.rotaPosition === null) return 1;
  if (b.rotaPosition === null) return -1;
  return a.rotaPosition - b.rotaPosition;
}

export interface EscalationStep {
  /** The alert's level once this step is taken. */
  readonly level: number;
  /** Who is alerted at this step (nobody already reached). */
  readonly recipientIds: string[];
  /** The last step: every active supervisor; nothing escalates after it. */
  readonly final: boolean;
}

/**
 * The step after `level`: level n (1-based) alerts the n-th person of the
 * rota; after the rota, every active supervisor at once (final). Someone
 * already reached (the rota changed in between) is passed over, never
 * alerted twice for the same alert. Null once the final step is taken.
 */
export function nextEscalation(
  rota: readonly string[],
  supervisors: readonly string[],
  level: number,
  alreadyReached: ReadonlySet<string> = new Set(),
): EscalationStep | null {
  for (let index = level; index < rota.length; index++) {
    const id = rota[index] as string;
    if (!alreadyReached.has(id)) return { level: index + 1, recipientIds: [id], final: false };
  }
  if (level > rota.length) return null;
  const remaining = [...new Set(supervisors)].filter((id) => !alreadyReached.has(id) && !rota.includes(id));
  return { level: rota.length + 1, recipientIds: remaining, final: true };
}
