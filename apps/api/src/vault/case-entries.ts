import type { CaseEntryKind } from '@mnpddh/shared';
import { decryptFieldText, encryptField, type CaseKey } from '../crypto/index.js';
import type { CaseEntry } from '../generated/prisma/client.js';
import { ENTRY_TABLE } from './case-manifest.js';

/** One decrypted journal entry: who wrote it, what kind, its data (validated by the shared schema when written). */
export interface JournalEntry<D = Record<string, unknown>> {
  id: string;
  seq: number;
  at: Date;
  authorId: string;
  kind: CaseEntryKind;
  data: D;
}

// The author is inside the ciphertext: the clear row says only that the case has an entry.
export const entryLocation = (tenant: string, caseId: string, id: string, seq: number) => ({
  tenant,
  caseId,
  table: ENTRY_TABLE,
  rowId: id,
  field: 'body',
  sender: 'staff',
  sequence: seq,
});

// The precise time is inside too: the clear created_at keeps only the hour, and a writer who changes it changes nothing shown.
export function encryptEntry(caseKey: CaseKey, tenant: string, caseId: string, entry: JournalEntry<unknown>): string {
  const body = JSON.stringify({ kind: entry.kind, authorId: entry.authorId, at: entry.at.toISOString(), data: entry.data });
  return encryptField(caseKey, body, entryLocation(tenant, caseId, entry.id, entry.seq));
}

/** Throws CryptoError (tampered, moved or renumbered row) or SyntaxError: callers treat both as an integrity failure. */
export function decryptEntries(caseKey: CaseKey, tenant: string, caseId: string, rows: CaseEntry[]): JournalEntry[] {
  return rows.map((row) => {
    const { kind, authorId, at, data } = JSON.parse(decryptFieldText(caseKey, row.body, entryLocation(tenant, caseId, row.id, row.seq))) as {
      kind: CaseEntryKind;
      authorId: string;
      /** Absent from entries written before times moved inside: those show their clear hour. */
      at?: string;
      data: Record<string, unknown>;
    };
    return { id: row.id, seq: row.seq, at: at ? new Date(at) : row.createdAt, authorId, kind, data };
  });
}
