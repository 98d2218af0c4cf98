import { computeCaseManifestMac, generateCaseKeys, verifyCaseManifestMac, type CaseKey } from '../crypto/index.js';
import { codeOf } from '../crypto/error-code.testing.js';
import type { CaseEntry } from '../generated/prisma/client.js';
import { decryptEntries, encryptEntry, type JournalEntry } from './case-entries.js';
import { caseManifest, rowsOf, type CaseRows } from './case-manifest.js';
import { nextEntry, withEntry } from './journal-append.js';
import { newCaseIndex, type TriageIndex } from './triage-index.js';

/*
 * The journal's rules that hold whatever reads it: every entry is appended
 * under the next revision, whose manifest MAC covers the clear index and
 * every row of the case; each entry's ciphertext binds its tenant, case, id
 * and number. SECURITY.md's database writer holds none of the keys: a row
 * deleted, added, moved to another case, renumbered or a case put back to an
 * earlier revision must not verify.
 */
const tenant = 'ml';
const caseId = '3d0c5e7a-1b2f-4c8d-9e6a-5f4b3c2d1e0f';
const otherCase = '3d0c5e7a-1b2f-4c8d-9e6a-5f4b3c2d1e10';
const author = 'a7e1c0d2-9b3f-4e5a-8c6d-1f2e3d4c5b6a';
const index: TriageIndex = newCaseIndex('K7MQ-XR4T', true, new Date('2026-11-29T14:37:12Z'));

let caseKey: CaseKey;
beforeEach(() => ({ caseKey } = generateCaseKeys()));
afterEach(() => caseKey.destroy());

/** A case's rows and its manifest MAC at a revision, as the journal writes them. */
function sealed(revision: number, rows: CaseRows, at: TriageIndex = index) {
  return computeCaseManifestMac(caseKey, caseManifest(tenant, caseId, revision, at, rows));
}
const check = (revision: number, rows: CaseRows, mac: string, at: TriageIndex = index) =>
  codeOf(() => verifyCaseManifestMac(caseKey, caseManifest(tenant, caseId, revision, at, rows), mac));

/** The stored row of an entry, as the journal inserts it. */
function stored(entry: JournalEntry<unknown>, inCase = caseId): CaseEntry {
  return { id: entry.id, caseId: inCase, seq: entry.seq, body: encryptEntry(caseKey, tenant, inCase, entry), createdAt: new Date('2026-11-29T15:00:00Z') };
}

describe('the journal: appending an entry', () => {
  const note = { kind: 'note' as const, data: { text: 'Appel au défenseur : en sécurité.' } };
  const now = new Date('2026-11-30T09:12:45.678Z');

  it('numbers the first entry 1 and each next one right after the last, by the reader, now', () => {
    const first = nextEntry(undefined, author, note, now);
    expect(first).toEqual({ id: expect.any(String), seq: 1, at: now, authorId: author, kind: 'note', data: note.data });
    expect(nextEntry(7, author, note, now).seq).toBe(8);
    expect(nextEntry(7, author, note, now).id).not.toBe(nextEntry(7, author, note, now).id);
  });

  it('seals the next revision over the rows with the new entry: that manifest verifies, and only with the entry in it', () => {
    const receipt = { receiptIds: ['9f8e7d6c-5b4a-4321-8fed-cba987654321'], entryIds: [], caseFileIds: [] };
    const entry = nextEntry(undefined, author, note, now);
    const rows = withEntry(receipt, entry.id);
    const mac = sealed(2, rows);
    expect(rows.entryIds).toEqual([entry.id]);
    expect(check(2, rows, mac)).toBe('NO_ERROR');
    // The entry deleted in SQL, or the case put back to the revision before it, does not verify.
    expect(check(2, receipt, mac)).toBe('INTEGRITY_FAILED');
    expect(check(1, rows, mac)).toBe('INTEGRITY_FAILED');
  });

  it('reads the rows of a case as the manifest covers them: its receipts, every entry, the request’s files only', () => {
    const sut = rowsOf({
      receipts: [{ id: 'r1' }],
      entries: [{ id: 'e1' }, { id: 'e2' }],
      files: [
        { id: 'f-request', keyKind: 'case' },
        { id: 'f-thread', keyKind: 'thread' },
      ],
    });
    expect(sut).toEqual({ receiptIds: ['r1'], entryIds: ['e1', 'e2'], caseFileIds: ['f-request'] });
  });
});

describe('the journal: the manifest check', () => {
  const rows: CaseRows = { receiptIds: ['r1'], entryIds: ['e1', 'e2'], caseFileIds: ['f1'] };

  it('refuses a case whose rows are not those it was sealed with: an entry, receipt or file added or removed', () => {
    const mac = sealed(3, rows);
    expect(check(3, rows, mac)).toBe('NO_ERROR');
    expect(check(3, { ...rows, entryIds: ['e1'] }, mac)).toBe('INTEGRITY_FAILED');
    expect(check(3, { ...rows, entryIds: ['e1', 'e2', 'e3'] }, mac)).toBe('INTEGRITY_FAILED');
    expect(check(3, { ...rows, receiptIds: [] }, mac)).toBe('INTEGRITY_FAILED');
    expect(check(3, { ...rows, caseFileIds: ['f1', 'f2'] }, mac)).toBe('INTEGRITY_FAILED');
  });

  it('refuses a clear index changed in SQL (the case made less urgent, reassigned) and another case’s manifest', () => {
    const mac = sealed(3, rows);
    expect(check(3, rows, mac, { ...index, urgent: false })).toBe('INTEGRITY_FAILED');
    expect(check(3, rows, mac, { ...index, assignedTo: author })).toBe('INTEGRITY_FAILED');
    const elsewhere = computeCaseManifestMac(caseKey, caseManifest(tenant, otherCase, 3, index, rows));
    expect(check(3, rows, elsewhere)).toBe('INTEGRITY_FAILED');
  });
});

describe('the journal: what an entry’s ciphertext binds', () => {
  const entries = [1, 2].map((seq) => ({
    ...nextEntry(seq - 1, author, { kind: 'note', data: { text: `entrée ${seq}` } }, new Date(Date.UTC(2026, 10, 30, 9, seq))),
  }));

  it('opens the entries as written, the author and the precise time from inside the ciphertext', () => {
    const [first] = decryptEntries(
      caseKey,
      tenant,
      caseId,
      entries.map((entry) => stored(entry)),
    );
    expect(first).toEqual(entries[0]);
  });

  it('refuses entries renumbered (the order changed), moved to another case or given another id', () => {
    const [first, second] = entries.map((entry) => stored(entry)) as [CaseEntry, CaseEntry];
    const swapped = [
      { ...first, seq: second.seq },
      { ...second, seq: first.seq },
    ];
    expect(codeOf(() => decryptEntries(caseKey, tenant, caseId, swapped))).not.toBe('NO_ERROR');
    expect(codeOf(() => decryptEntries(caseKey, tenant, otherCase, [first]))).not.toBe('NO_ERROR');
    expect(codeOf(() => decryptEntries(caseKey, 'sn', caseId, [first]))).not.toBe('NO_ERROR');
    expect(codeOf(() => decryptEntries(caseKey, tenant, caseId, [{ ...first, id: second.id }]))).not.toBe('NO_ERROR');
    expect(codeOf(() => decryptEntries(caseKey, tenant, caseId, [{ ...first, body: second.body }]))).not.toBe('NO_ERROR');
  });

  it('keeps the time written inside: the clear hour changed in SQL changes nothing shown', () => {
    const [row] = entries.map((entry) => stored(entry)) as [CaseEntry];
    const [opened] = decryptEntries(caseKey, tenant, caseId, [{ ...row, createdAt: new Date('2020-01-01T00:00:00Z') }]);
    expect(opened?.at).toEqual(entries[0]?.at);
  });
});
