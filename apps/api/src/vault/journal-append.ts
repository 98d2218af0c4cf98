import { randomUUID } from 'node:crypto';
import type { CaseEntryKind } from '@mnpddh/shared';
import type { JournalEntry } from './case-entries.js';
import type { CaseRows } from './case-manifest.js';

/**
 * The entry a decision appends: numbered right after the case's last entry
 * (its number is bound into the entry's ciphertext, so the journal's order
 * cannot be changed in the database), written by the reader, now.
 */
export function nextEntry(lastSeq: number | undefined, authorId: string, write: { kind: CaseEntryKind; data: unknown }, now: Date): JournalEntry<unknown> {
  return { id: randomUUID(), seq: (lastSeq ?? 0) + 1, at: now, authorId, kind: write.kind, data: write.data };
}

/** The case's rows with the new entry: the next revision's manifest covers it, so deleting it later is seen. */
export function withEntry(rows: CaseRows, entryId: string): CaseRows {
  return { ...rows, entryIds: [...rows.entryIds, entryId] };
}
