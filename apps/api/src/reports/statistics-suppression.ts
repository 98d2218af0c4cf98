/*
 * Statistical disclosure control as a pure function (README: "Statistics and
 * disclosure control"). A table is a list of cells and a list of equations:
 * sets of cells whose sum someone can know — a row or a column against its
 * total, months against their quarter, regions against their group. A
 * suppressed cell is safe only if no equation leaves it as the one unknown.
 */

export type SuppressionReason = 'below_k' | 'complementary';

export interface Equation {
  /** The cells the equation adds up (a total shown in this table is one of them). */
  readonly members: readonly number[];
  /**
   * True when the sum is published outside this table (a 1-D margin, a
   * quarter, a group of regions): the equation holds even with every member
   * hidden, unless that outside sum is itself below k (then it is not shown).
   */
  readonly externalTotal: boolean;
}

export interface SuppressionInput {
  /** What each cell shows when published (cases, or people). */
  readonly counts: readonly number[];
  /** How many cases stand behind each cell (defaults to counts): k applies to these. */
  readonly contributors?: readonly number[];
  readonly equations: readonly Equation[];
  readonly k: number;
  /**
   * Cells decided elsewhere (the one-dimension tables this one adds up to):
   * a reason keeps them hidden, null keeps them shown — never chosen as a complement.
   */
  readonly fixed?: ReadonlyMap<number, SuppressionReason | null>;
}

/**
 * Primary suppression: 0 < contributors < k ('below_k'); a zero is shown (an
 * absence identifies nobody). Complementary: while an equation whose sum is
 * known holds exactly one hidden cell, hide its smallest non-zero published
 * member too (ties: the first; a zero only when no non-zero one is left) —
 * repeated until nothing changes. Each pass hides at least one more cell, so
 * it ends.
 */
export function suppress({ counts, contributors = counts, equations, k, fixed = new Map() }: SuppressionInput): (SuppressionReason | null)[] {
  const reasons: (SuppressionReason | null)[] = contributors.map((n, i) => (fixed.has(i) ? (fixed.get(i) ?? null) : n > 0 && n < k ? 'below_k' : null));
  const live = equations.filter((equation) => !equation.externalTotal || isPublishable(sumOf(contributors, equation.members), k));
  // Shown elsewhere, or alone in a known sum beside shown margins: hiding such a cell would protect nothing.
  const pinned = new Set([...fixed].filter(([, reason]) => reason === null).map(([i]) => i));
  for (const { members, externalTotal } of live) {
    // A known sum of zero: every member is a known zero.
    if (externalTotal && members.every((i) => (counts[i] ?? 0) === 0)) members.forEach((i) => pinned.add(i));
    const open = members.filter((i) => !(fixed.has(i) && fixed.get(i) === null));
    if (open.length === 1 && open[0] !== undefined && !fixed.has(open[0])) pinned.add(open[0]);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const { members } of live) {
      if (members.filter((i) => reasons[i] !== null).length !== 1) continue;
      const partner = smallestPublished(members, counts, reasons, pinned);
      if (partner === undefined) continue;
      reasons[partner] = 'complementary';
      changed = true;
    }
  }
  return reasons;
}

/** A sum of zero, or of at least k, may be shown. */
export function isPublishable(count: number, k: number): boolean {
  return count === 0 || count >= k;
}

/**
 * The check the property tests run: no equation whose sum is known leaves
 * exactly one hidden member (it could be recomputed), and no count in (0, k)
 * is shown. Returns the offending equations' indexes.
 */
export function disclosures({ counts, contributors = counts, equations, k }: SuppressionInput, reasons: readonly (SuppressionReason | null)[]): number[] {
  const bad: number[] = [];
  equations.forEach((equation, index) => {
    if (equation.externalTotal && !isPublishable(sumOf(contributors, equation.members), k)) return;
    if (equation.members.filter((i) => reasons[i] !== null).length === 1) bad.push(index);
  });
  contributors.forEach((n, i) => {
    if (n > 0 && n < k && reasons[i] === null) bad.push(-1 - i);
  });
  return bad;
}

/** The smallest non-zero published member; failing that a published zero (a last resort: a hidden zero still hides). */
function smallestPublished(
  members: readonly number[],
  counts: readonly number[],
  reasons: readonly (SuppressionReason | null)[],
  pinned: ReadonlySet<number>,
): number | undefined {
  let best: number | undefined;
  for (const i of members) {
    if (reasons[i] !== null || pinned.has(i)) continue;
    const count = counts[i] ?? 0;
    const bestCount = best === undefined ? undefined : (counts[best] ?? 0);
    if (bestCount === undefined || (count > 0 && (bestCount === 0 || count < bestCount))) best = i;
  }
  return best;
}

function sumOf(values: readonly number[], members: readonly number[]): number {
  return members.reduce((sum, i) => sum + (values[i] ?? 0), 0);
}
