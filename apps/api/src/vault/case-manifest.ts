import type { CaseManifest } from '../crypto/index.js';
import { CASE_TABLE } from './case-content.js';
import { indexValues, type TriageIndex } from './triage-index.js';

export const ENTRY_TABLE = 'case_entry';

/** What the case manifest MAC covers: the clear index, the case row, its receipts, its journal entries and its request files. */
export interface CaseRows {
  receiptIds: readonly string[];
  entryIds: readonly string[];
  caseFileIds: readonly string[];
}

export function caseManifest(tenant: string, caseId: string, revision: number, index: TriageIndex, rows: CaseRows): CaseManifest {
  return {
    tenant,
    caseId,
    revision,
    index: indexValues(index),
    rows: [
      { table: CASE_TABLE, rowId: caseId },
      ...rows.receiptIds.map((rowId) => ({ table: 'receipt', rowId })),
      ...rows.entryIds.map((rowId) => ({ table: ENTRY_TABLE, rowId })),
    ],
    messageSequences: [],
    fileIds: [...rows.caseFileIds],
  };
}

/** The rows of a case as findCaseFor reads them. */
export function rowsOf(row: { receipts: { id: string }[]; entries: { id: string }[]; files: { id: string; keyKind: string }[] }): CaseRows {
  return {
    receiptIds: row.receipts.map((r) => r.id),
    entryIds: row.entries.map((e) => e.id),
    caseFileIds: row.files.filter((f) => f.keyKind === 'case').map((f) => f.id),
  };
}
