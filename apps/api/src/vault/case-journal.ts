import { caseStamp } from '../integrity/case-stamp.js';
import { Injectable } from '@nestjs/common';
import type { AuditAction, CaseEntryKind } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { CryptoError, decryptFieldText, encryptField, openDetails, verifyThreadManifestMac, type CaseKey } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { CASE_TABLE, type CaseCategories } from './case-content.js';
import { decryptEntries, encryptEntry, type JournalEntry } from './case-entries.js';
import { CaseKeysAccess } from './case-keys-access.js';
import { rowsOf } from './case-manifest.js';
import { nextEntry, withEntry } from './journal-append.js';
import type { CaseReader } from './case-reader.js';
import { CaseVaultService, type CaseRow } from './case-vault.service.js';
import { ThreadMessages, type ThreadMessage } from './thread-messages.js';
import type { TriageIndex } from './triage-index.js';
import { VaultRepository } from './vault.repository.js';
import { JournalCache } from './journal-cache.js';

/** What a decision sees: the case as it stands, checked and decrypted. */
export interface JournalState {
  readonly caseId: string;
  readonly index: TriageIndex;
  readonly categories: CaseCategories;
  readonly entries: readonly JournalEntry[];
  /** The thread, decrypted on demand with the reader's thread grant and checked against its manifest (e.g. a defender's consent withdrawal). */
  thread(): Promise<readonly ThreadMessage[]>;
  /** Opens details the defender added through a receipt (sealed to the case's details key) with this case key. */
  openDetails(sealed: string): string;
}

/** What a decision writes: one entry, the index changes it implies, and how the audit log names it. */
export interface JournalWrite {
  readonly kind: CaseEntryKind;
  readonly data: unknown;
  readonly index?: Partial<TriageIndex>;
  readonly audit: AuditAction;
  /** Runs in the same transaction once the entry is written (e.g. statistics counters). */
  readonly alsoWithin?: (tx: Db) => Promise<void>;
  /** The case's categories changed (details the defender added later): re-encrypted in place. */
  readonly categories?: CaseCategories;
}

/**
 * The case's journal: every staff write is one encrypted entry under the
 * case key. A write locks the case, checks the index MAC and the manifest,
 * lets the caller decide against the decrypted state (a refused decision
 * throws and writes nothing), then writes the entry, the new index values,
 * their MAC, the next revision and the manifest MAC in one transaction, and
 * audits it by kind only (never content).
 */
@Injectable()
export class CaseJournal {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly vault: CaseVaultService,
    private readonly audit: AuditService,
    private readonly threadMessages: ThreadMessages,
    private readonly journals: JournalCache,
  ) {}

  async append(
    reader: CaseReader,
    caseId: string,
    decide: (state: JournalState) => JournalWrite | Promise<JournalWrite>,
    now = new Date(),
  ): Promise<JournalEntry> {
    return this.prisma.$transaction((tx) => this.appendWithin(tx, reader, caseId, decide, now));
  }

  /** The same inside the caller's transaction (e.g. one entry in each of two linked cases, both or neither). */
  async appendWithin(
    tx: Db,
    reader: CaseReader,
    caseId: string,
    decide: (state: JournalState) => JournalWrite | Promise<JournalWrite>,
    now = new Date(),
  ): Promise<JournalEntry> {
    await this.repository.lockCase(tx, caseId);
    const row = await this.repository.findCaseFor(tx, caseId, reader.id);
    if (!row) throw new AppError('NOT_FOUND');
    const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
    try {
      const index: TriageIndex = { ...row };
      const tenant = this.directory.tenant;
      const state = await this.vault.integrityChecked(reader, caseId, () => {
        this.vault.verifyCaseRow(row, index, caseKey);
        const location = { tenant, caseId, table: CASE_TABLE, rowId: caseId, field: 'categories' };
        return {
          caseId,
          index,
          categories: JSON.parse(decryptFieldText(caseKey, row.categories, location)) as CaseCategories,
          // Kept by the writer's session for this exact state, else decrypted whole (and kept).
          entries: this.journals.get(reader, caseId, row) ?? this.decryptedJournal(reader, row, caseKey),
          thread: this.threadLoader(reader, row),
          openDetails: (sealed: string) => this.openDetails(row, caseKey, sealed),
        };
      });
      // A case put back to an earlier revision is not written on (the next revision would hide the rollback).
      await this.vault.verifyCurrent(reader, row);
      const write = await decide(state);
      const entry = nextEntry(row.entries.at(-1)?.seq, reader.id, write, now);
      const body = encryptEntry(caseKey, tenant, caseId, entry);
      await this.repository.insertEntry(tx, { id: entry.id, caseId, seq: entry.seq, body, createdAt: now });
      const nextIndex: TriageIndex = { ...index, ...write.index };
      const revision = row.revision + 1;
      const macs = this.vault.sealedIndex(caseId, revision, nextIndex, withEntry(rowsOf(row), entry.id), caseKey);
      const categories = write.categories
        ? { categories: encryptField(caseKey, JSON.stringify(write.categories), { tenant, caseId, table: CASE_TABLE, rowId: caseId, field: 'categories' }) }
        : {};
      await this.repository.updateCaseIndex(tx, caseId, { ...(write.index as Prisma.ProtectionCaseUncheckedUpdateInput), ...categories, revision, ...macs });
      // Kept under the new state: should the transaction roll back, no case row ever carries that manifest MAC (the entry id was fresh), so it is never served.
      this.journals.set(
        reader,
        caseId,
        { revision, manifestMac: macs.manifestMac, caseKeyId: row.caseKeyId, entries: [...row.entries, { id: entry.id, seq: entry.seq, body }] },
        [...state.entries, entry as JournalEntry],
      );
      await write.alsoWithin?.(tx);
      await this.audit.record(
        { action: write.audit, actorId: reader.id, targetType: 'case', targetId: caseId, details: { kind: write.kind, ...caseStamp(revision, macs.indexMac) } },
        tx,
      );
      return entry as JournalEntry;
    } finally {
      caseKey.destroy();
    }
  }

  private decryptedJournal(reader: CaseReader, row: CaseRow, caseKey: CaseKey): JournalEntry[] {
    const entries = decryptEntries(caseKey, this.directory.tenant, row.id, row.entries);
    this.journals.set(reader, row.id, row, entries);
    return entries;
  }

  /** A case made before details keys has none: nothing was ever sealed to it. */
  private openDetails(row: CaseRow, caseKey: CaseKey, sealed: string): string {
    if (!row.detailsKey || !row.detailsPublicKey) throw new CryptoError('KEY_MISMATCH', 'this case has no details key');
    return openDetails(sealed, caseKey, { tenant: this.directory.tenant, caseId: row.id }, { publicKey: row.detailsPublicKey, encryptedSeed: row.detailsKey });
  }

  /** Decrypts the thread once, on first call: most decisions never need it. The thread key is opened and wiped here. */
  private threadLoader(reader: CaseReader, row: NonNullable<Awaited<ReturnType<VaultRepository['findCaseFor']>>>): () => Promise<readonly ThreadMessage[]> {
    let loaded: Promise<readonly ThreadMessage[]> | undefined;
    return () =>
      (loaded ??= this.vault.integrityChecked(reader, row.id, () => {
        const threadKey = this.keys.openThreadKey(row.grants, reader, row.id, row.threadKeyId);
        try {
          const fileIds = row.files.filter((file) => file.keyKind === 'thread').map((file) => file.id);
          const manifest = {
            tenant: this.directory.tenant,
            caseId: row.id,
            revision: row.threadRevision,
            messageSequences: row.messages.map((m) => m.seq),
            fileIds,
          };
          verifyThreadManifestMac(threadKey, manifest, row.threadMac);
          return this.threadMessages.decryptAll(threadKey, row.id, row.messages);
        } finally {
          threadKey.destroy();
        }
      }));
  }
}
