import type { AuditRow } from '../audit/audit.repository.js';
import type { AnchorFacts, SpokenPromptFact, StaffStatus } from './anchor-facts.js';

/**
 * What one anchor update changed: the new head and only the facts the rows
 * folded since the previous update touched. Appended to the anchor file, so
 * an audit append costs a line, not a rewrite of every case's revision.
 */
export interface AnchorDelta {
  head: { seq: string; hash: string };
  /** A case's new stamp, or null when its rows are gone (purged, erased). */
  cases?: Record<string, { revision: number; indexTag: string | null } | null>;
  staff?: Record<string, { status: StaffStatus; epoch: number }>;
  /** Receipts revoked since the previous update. */
  receipts?: string[];
  /** Present only when the escrow key changed. */
  escrow?: string | null;
  /** Spoken prompts uploaded or removed since the previous update. */
  prompts?: Record<string, SpokenPromptFact>;
  /** Partner entries changed since the previous update: their new revisions. */
  partners?: Record<string, number>;
}

/** Notes what the rows folded into the facts touch, then says what changed (the facts are folded in place by foldRow). */
export class FactsChanges {
  private readonly receiptsBefore: number;
  private readonly escrowBefore: string | null;
  private readonly cases = new Set<string>();
  private readonly staff = new Set<string>();
  private readonly prompts = new Set<string>();
  private readonly partners = new Set<string>();

  constructor(private readonly facts: AnchorFacts) {
    this.receiptsBefore = facts.revokedReceipts.length;
    this.escrowBefore = facts.activeEscrowId;
  }

  touch(row: AuditRow): void {
    if (!row.targetId) return;
    if (row.targetType === 'case') this.cases.add(row.targetId);
    else if (row.targetType === 'spoken_prompt') this.prompts.add(row.targetId);
    else if (row.targetType === 'partner') this.partners.add(row.targetId);
    else this.staff.add(row.targetId);
  }

  delta(head: AnchorDelta['head']): AnchorDelta {
    const delta: AnchorDelta = { head };
    if (this.cases.size > 0) delta.cases = Object.fromEntries([...this.cases].map((id) => [id, this.facts.caseRevisions[id] ?? null]));
    const staff = [...this.staff].filter((id) => this.facts.staff[id] !== undefined);
    if (staff.length > 0) delta.staff = Object.fromEntries(staff.map((id) => [id, this.facts.staff[id]!]));
    if (this.facts.revokedReceipts.length > this.receiptsBefore) delta.receipts = this.facts.revokedReceipts.slice(this.receiptsBefore);
    if (this.facts.activeEscrowId !== this.escrowBefore) delta.escrow = this.facts.activeEscrowId;
    const prompts = [...this.prompts].filter((key) => this.facts.spokenPrompts?.[key] !== undefined);
    if (prompts.length > 0) delta.prompts = Object.fromEntries(prompts.map((key) => [key, this.facts.spokenPrompts![key]!]));
    const partners = [...this.partners].filter((id) => this.facts.partners?.[id] !== undefined);
    if (partners.length > 0) delta.partners = Object.fromEntries(partners.map((id) => [id, this.facts.partners![id]!]));
    return delta;
  }
}

/** Replays a delta onto a state read from the file (in place). */
export function applyDelta(facts: AnchorFacts, delta: AnchorDelta): void {
  for (const [id, stamp] of Object.entries(delta.cases ?? {})) {
    if (stamp === null) delete facts.caseRevisions[id];
    else facts.caseRevisions[id] = stamp;
  }
  Object.assign(facts.staff, delta.staff ?? {});
  for (const receipt of delta.receipts ?? []) if (!facts.revokedReceipts.includes(receipt)) facts.revokedReceipts.push(receipt);
  if (delta.escrow !== undefined) facts.activeEscrowId = delta.escrow;
  if (delta.prompts) facts.spokenPrompts = { ...facts.spokenPrompts, ...delta.prompts };
  if (delta.partners) facts.partners = { ...facts.partners, ...delta.partners };
}
