/**
 * What a database replay would undo, folded from the audit log's verified
 * rows (each authenticated by the keyed chain): who may no longer receive or
 * open cases, which receipts are revoked, which escrow key is the active one,
 * and each case's latest manifest revision. Kept in the anchor file, so a
 * column flipped back in SQL, or an older row put back, gives nobody anything.
 */
import type { AuditRow } from '../audit/audit.repository.js';

export type StaffStatus = 'active' | 'deactivated' | 'revoked_for_cause';

export interface AnchorFacts {
  /** Staff whose latest status is known; `epoch` counts status changes. */
  staff: Record<string, { status: StaffStatus; epoch: number }>;
  revokedReceipts: string[];
  /** The escrow key intake seals to; null before one was made. */
  activeEscrowId: string | null;
  /** Each case's latest manifest revision (and index MAC tag) as the log records it. */
  caseRevisions: Record<string, { revision: number; indexTag: string | null }>;
  /** Each spoken prompt's latest revision (`step:language`), and whether it was taken down (absent in older anchor files). */
  spokenPrompts?: Record<string, SpokenPromptFact>;
  /** Each partner entry's latest revision, by id (absent in older anchor files). */
  partners?: Record<string, number>;
}

export interface SpokenPromptFact {
  revision: number;
  removed: boolean;
}

export function emptyFacts(): AnchorFacts {
  return { staff: {}, revokedReceipts: [], activeEscrowId: null, caseRevisions: {}, spokenPrompts: {}, partners: {} };
}

const STAFF_STATUS_OF: Partial<Record<string, StaffStatus>> = {
  'staff.invited': 'active',
  'staff.deactivated': 'deactivated',
  'staff.revoked_for_cause': 'revoked_for_cause',
};

/** Folds one verified audit row into the facts (in place); true when a fact changed. */
export function foldRow(facts: AnchorFacts, row: AuditRow): boolean {
  const details = detailsOf(row);
  const status = STAFF_STATUS_OF[row.action];
  if (status && row.targetId) return setStaffStatus(facts, row.targetId, status);
  if (row.action === 'staff.reinstated' && row.targetId) return reinstate(facts, row.targetId);
  if (row.action === 'receipt.revoked' && typeof details.receiptId === 'string') {
    if (facts.revokedReceipts.includes(details.receiptId)) return false;
    facts.revokedReceipts.push(details.receiptId);
    return true;
  }
  if (row.action === 'escrow.created' && row.targetId && details.rotatingFrom === undefined) return setEscrow(facts, row.targetId);
  if (row.action === 'custodian.action' && details.step === 'escrow_rotated' && typeof details.toKeyId === 'string') return setEscrow(facts, details.toKeyId);
  if (row.targetType === 'spoken_prompt' && row.targetId) return setSpokenPrompt(facts, row.targetId, row.action === 'spoken_prompt.removed', details.revision);
  if (row.action === 'partner.updated' && row.targetId && typeof details.revision === 'number') {
    facts.partners = { ...facts.partners, [row.targetId]: details.revision };
    return true;
  }
  if ((row.action === 'case.purged' || row.action === 'case.erased') && row.targetId) {
    // The case's rows are gone: nothing left to roll back.
    return delete facts.caseRevisions[row.targetId];
  }
  if (row.targetType === 'case' && row.targetId && typeof details.revision === 'number') {
    const indexTag = typeof details.indexTag === 'string' ? details.indexTag : (facts.caseRevisions[row.targetId]?.indexTag ?? null);
    facts.caseRevisions[row.targetId] = { revision: details.revision, indexTag };
    return true;
  }
  return false;
}

function setStaffStatus(facts: AnchorFacts, staffId: string, status: StaffStatus): boolean {
  const previous = facts.staff[staffId];
  // Deactivation and revocation hold until two people reinstate the person (staff.reinstated), nothing else.
  if (previous && previous.status !== 'active') return false;
  facts.staff[staffId] = { status, epoch: (previous?.epoch ?? 0) + 1 };
  return true;
}

/** Two people gave the account back (the audit row names both): active again, one epoch later. */
function reinstate(facts: AnchorFacts, staffId: string): boolean {
  facts.staff[staffId] = { status: 'active', epoch: (facts.staff[staffId]?.epoch ?? 0) + 1 };
  return true;
}

/** A prompt uploaded (its new revision) or removed (the revision taken down): an older signed recording put back is not served. */
function setSpokenPrompt(facts: AnchorFacts, key: string, removed: boolean, revision: unknown): boolean {
  if (typeof revision !== 'number') return false;
  facts.spokenPrompts = { ...facts.spokenPrompts, [key]: { revision, removed } };
  return true;
}

function setEscrow(facts: AnchorFacts, escrowId: string): boolean {
  facts.activeEscrowId = escrowId;
  return true;
}

function detailsOf(row: AuditRow): Record<string, unknown> {
  return row.details !== null && typeof row.details === 'object' && !Array.isArray(row.details) ? row.details : {};
}

/**
 * After an acknowledged incident: what the anchor held stays (a revocation
 * is never undone by a database put back), completed by what the log holds.
 * A case keeps the higher of the two revisions, so a rolled-back case stays
 * reported as such.
 */
export function mergeFacts(anchored: AnchorFacts, fromLog: AnchorFacts): AnchorFacts {
  const staff = { ...fromLog.staff };
  for (const [id, fact] of Object.entries(anchored.staff)) {
    const other = staff[id];
    // The later signed change wins (a reinstatement made since); at the same epoch, an end of access wins.
    if (!other || fact.epoch > other.epoch || (fact.epoch === other.epoch && fact.status !== 'active')) staff[id] = fact;
  }
  const caseRevisions = { ...fromLog.caseRevisions };
  for (const [id, stamp] of Object.entries(anchored.caseRevisions)) {
    const other = caseRevisions[id];
    if (!other || stamp.revision >= other.revision) caseRevisions[id] = stamp;
  }
  const spokenPrompts = { ...fromLog.spokenPrompts };
  for (const [key, fact] of Object.entries(anchored.spokenPrompts ?? {})) {
    const other = spokenPrompts[key];
    if (!other || fact.revision >= other.revision) spokenPrompts[key] = fact;
  }
  const partners = { ...fromLog.partners };
  for (const [id, revision] of Object.entries(anchored.partners ?? {})) partners[id] = Math.max(revision, partners[id] ?? 0);
  return {
    staff,
    revokedReceipts: [...new Set([...anchored.revokedReceipts, ...fromLog.revokedReceipts])],
    activeEscrowId: anchored.activeEscrowId ?? fromLog.activeEscrowId,
    caseRevisions,
    spokenPrompts,
    partners,
  };
}
