import { caseStamp, matchesStamp, type CaseStamp } from '../integrity/case-stamp.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import { rowIdentity, VerifiedMemo } from './verified-memo.js';
import { sealAndSignGrant } from './grant-statements.js';
import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { responseTargetsOf } from '../config/response-targets.js';
import { hourlyLoggerOf } from '../common/public-side-log.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import {
  computeCaseManifestMac,
  computeIndexRowMac,
  computeThreadManifestMac,
  createDetailsKey,
  CryptoError,
  decryptFieldText,
  deriveReceiptKeys,
  encryptField,
  generateCaseKeys,
  generateReceipt,
  verifyCaseManifestMac,
  verifyIndexRowMac,
  verifyThreadManifestMac,
  wrapThreadKeyForReceipt,
  type CaseKey,
  type SealRecipient,
  type ThreadKey,
} from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { CASE_TABLE, CONTENT_FIELDS, type CaseCategories, type CaseContent } from './case-content.js';
import { openCategories } from './case-categories.js';
import { CaseEvents } from './case-events.js';
import { decryptEntries, type JournalEntry } from './case-entries.js';
import { caseManifest, rowsOf, type CaseRows } from './case-manifest.js';
import { CaseKeysAccess } from './case-keys-access.js';
import type { CaseReader } from './case-reader.js';
import { PendingCounters } from './pending-counters.js';
import { intakeTally } from './stat-counters.js';
import { indexValues, newCaseIndex, newReference, type TriageIndex } from './triage-index.js';
import { ThreadMessages, type ThreadMessage } from './thread-messages.js';
import { VaultRepository } from './vault.repository.js';
import { JournalCache } from './journal-cache.js';
import { pageBefore } from './journal-page.js';

export interface NewCase {
  urgent: boolean;
  content: CaseContent;
  /** A hash of the browser's idempotency key: a retry finds this case instead of making another. */
  submissionHash?: string;
  /** The staff member who typed it in (assisted intake); null for the public form. */
  createdBy?: string;
  /** Runs inside the case's transaction (e.g. to keep the first answer for a retry). */
  onCreated?: (tx: Db, created: CreatedCase) => Promise<void>;
}

export interface CreatedCase {
  caseId: string;
  reference: string;
  /** Shown once to the requester; never stored. */
  receipt: string;
  /** How many staff received the case at once (the triage team). */
  triageTeamSize: number;
}

/** A held case as the list reads it (VaultRepository.findHeldCases). */
export type HeldCaseRow = Awaited<ReturnType<VaultRepository['findHeldCases']>>[number];
/** What decrypting a listed case's categories needs: its index row (checked first), its grants, key id and ciphertext. */
export type SealedCategoriesRow = TriageIndex & Pick<HeldCaseRow, 'id' | 'indexMac' | 'grants' | 'caseKeyId' | 'categories'>;

export interface OpenedCase {
  id: string;
  index: TriageIndex;
  content: CaseContent;
  messages: ThreadMessage[];
  entries: JournalEntry[];
  files: { id: string; keyKind: 'case' | 'thread'; createdAt: Date }[];
}

/** A case row as findCaseFor reads it (with the reader's grants). */
export type CaseRow = NonNullable<Awaited<ReturnType<VaultRepository['findCaseFor']>>>;

/**
 * The encrypted case vault: a case is written with fresh case and thread
 * keys, sealed to escrow and the triage team with grants signed by the
 * intake key, its clear index MAC'd under the index key, its rows covered by
 * manifest MACs, and its statistics counted — all in one transaction.
 */
@Injectable()
export class CaseVaultService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly thread: ThreadMessages,
    private readonly audit: AuditService,
    private readonly events: CaseEvents,
    private readonly counters: PendingCounters,
    private readonly anchor: IntegrityAnchor,
    private readonly journals: JournalCache,
  ) {}

  /** Index rows whose MAC verified, memoised across lists (process-wide: the index key is the server's, not a reader's). */
  private readonly intactRows = new VerifiedMemo();

  async createCase(input: NewCase, now = new Date()): Promise<CreatedCase> {
    const caseId = randomUUID();
    const reference = newReference(randomInt);
    const receiptId = randomUUID();
    const receipt = generateReceipt();
    // Argon2id before the transaction: it is the slow part.
    const receiptKeys = await deriveReceiptKeys(receipt, this.runtime.secrets.receiptPepper);
    const receiptCertificate = this.directory.certifyReceipt(receiptId, receiptKeys.identity);
    const { caseKey, threadKey } = generateCaseKeys();
    try {
      // Whoever typed the request in (assisted intake) is responsible for it until a supervisor reassigns it: it is theirs, in their list and agenda.
      const index = { ...newCaseIndex(reference, input.urgent, now, responseTargetsOf(this.runtime.config)), assignedTo: input.createdBy ?? null };
      const tenant = this.directory.tenant;
      const channel = input.content.categories.channel ?? 'web';
      const triageTeamSize = await this.prisma.$transaction(async (tx) => {
        const recipients = await this.recipients(tx, input.createdBy);
        const indexMac = computeIndexRowMac(this.runtime.secrets.indexKey, { tenant, caseId, values: indexValues(index) });
        await this.repository.insertCase(tx, {
          id: caseId,
          ...index,
          riskLevel: 'unknown',
          status: 'received',
          indexMac,
          caseKeyId: caseKey.id,
          threadKeyId: threadKey.id,
          // The precise arrival goes inside, with the categories the list decrypts: the clear index keeps only its hour.
          ...this.encryptContent(caseKey, caseId, { ...input.content, categories: { ...input.content.categories, arrivedAt: now.toISOString() } }),
          revision: 1,
          manifestMac: computeCaseManifestMac(caseKey, caseManifest(tenant, caseId, 1, index, { receiptIds: [receiptId], entryIds: [], caseFileIds: [] })),
          threadRevision: 1,
          threadMac: computeThreadManifestMac(threadKey, { tenant, caseId, revision: 1, messageSequences: [], fileIds: [] }),
          submissionHash: input.submissionHash ?? null,
          ...this.detailsKeyColumns(caseKey, caseId),
        });
        await this.repository.insertGrants(tx, this.intakeGrants(caseId, caseKey, threadKey, recipients));
        await this.repository.insertReceipt(tx, {
          id: receiptId,
          caseId,
          lookupId: receiptKeys.lookupId,
          pepperVersion: receiptKeys.pepperVersion,
          wrappedThreadKey: wrapThreadKeyForReceipt(threadKey, receiptKeys.wrappingKey, { tenant, caseId, receiptId }),
          certificate: receiptCertificate,
        });
        await this.counters.queue(tx, { caseId, intake: intakeTally(input.content.categories, input.urgent, index.receivedAt) });
        await this.audit.record(
          {
            action: 'case.created',
            actorId: input.createdBy ?? null,
            targetType: 'case',
            targetId: caseId,
            details: { urgent: input.urgent, channel, ...caseStamp(1, indexMac) },
          },
          tx,
        );
        await this.events.created(tx, { caseId, urgent: input.urgent, channel, staffHolders: recipients.staff.length });
        const created = { caseId, reference, receipt, triageTeamSize: recipients.staff.length };
        await input.onCreated?.(tx, created);
        return created.triageTeamSize;
      });
      this.events.committed({ caseId, urgent: input.urgent, channel, staffHolders: triageTeamSize });
      // Logged with the hour only: the line is written at the moment a request arrives.
      if (triageTeamSize < 2) hourlyLoggerOf(this.runtime.logger).warn({ triageTeamSize }, 'triage team has fewer than two members');
      return { caseId, reference, receipt, triageTeamSize };
    } finally {
      caseKey.destroy();
      threadKey.destroy();
      receiptKeys.wrappingKey.destroy();
    }
  }

  /** Decrypts a case for a staff member who holds its grants; every read is audited. */
  async openCase(reader: CaseReader, caseId: string): Promise<OpenedCase> {
    const row = await this.repository.findCaseFor(this.prisma, caseId, reader.id);
    if (!row) throw new AppError('NOT_FOUND');
    const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
    const threadKey = this.keys.openThreadKey(row.grants, reader, caseId, row.threadKeyId);
    try {
      const index: TriageIndex = { ...row };
      await this.verifyIntegrity(reader, row, index, caseKey, threadKey);
      await this.verifyCurrent(reader, row);
      const opened = await this.integrityChecked(reader, caseId, () => ({
        id: caseId,
        index,
        content: this.decryptContent(caseKey, caseId, row),
        messages: this.thread.decryptAll(threadKey, caseId, row.messages),
        entries: this.journalOf(reader, row, caseKey),
        files: row.files,
      }));
      await this.audit.record({ action: 'case.decrypted', actorId: reader.id, targetType: 'case', targetId: caseId });
      return opened;
    } finally {
      caseKey.destroy();
      threadKey.destroy();
    }
  }

  /** Locks the case row until the caller's transaction ends, then reads it as findCaseFor does: for a writer that rewrites the whole case. */
  async lockedCaseFor(tx: Db, caseId: string, readerId: string): Promise<CaseRow | null> {
    await this.repository.lockCase(tx, caseId);
    return this.repository.findCaseFor(tx, caseId, readerId);
  }

  /**
   * The whole journal of a case whose MACs just verified. When the reader's
   * session decrypted it for exactly this state (revision, manifest MAC, case
   * key), the kept copy is used and only the latest page's ciphertexts are
   * decrypted again (what the page shows stays checked); otherwise every
   * entry is decrypted and kept for the session.
   */
  journalOf(reader: CaseReader, row: CaseRow, caseKey: CaseKey): JournalEntry[] {
    const tenant = this.directory.tenant;
    const kept = this.journals.get(reader, row.id, row);
    if (kept) {
      decryptEntries(caseKey, tenant, row.id, pageBefore(row.entries, null).entries);
      return [...kept];
    }
    const entries = decryptEntries(caseKey, tenant, row.id, row.entries);
    this.journals.set(reader, row.id, row, entries);
    return entries;
  }

  /**
   * The case's revision and index row must be the latest the anchored audit
   * log records for it: a whole case put back to an earlier revision (row and
   * journal as they were, every MAC valid) or an older index row replayed is
   * a tampered case, audited and shown as such.
   */
  async verifyCurrent(reader: CaseReader, row: { id: string; revision: number; indexMac: string }): Promise<void> {
    const current = await this.isCurrent(row);
    await this.integrityChecked(reader, row.id, () => {
      if (!current) throw new CryptoError('INTEGRITY_FAILED', 'case behind the revision its anchored audit log records');
    });
  }

  async isCurrent(row: { id: string; revision: number; indexMac: string }): Promise<boolean> {
    return matchesStamp(row, (await this.anchoredStamps())[row.id]);
  }

  /** Each case's latest revision and index tag as anchored (read once for a whole list). */
  async anchoredStamps(): Promise<Readonly<Record<string, CaseStamp | { revision: number; indexTag: null }>>> {
    return (await this.anchor.facts()).caseRevisions;
  }

  /** Whether a clear index row still carries its MAC under the index key (a database writer cannot change it unnoticed). */
  indexRowIntact(row: TriageIndex & { id: string; indexMac: string }): boolean {
    // The exact row that verified, every column read: any other (a replayed row, one column changed) is checked again.
    const inputs = rowIdentity(row);
    if (this.intactRows.has(row.id, inputs)) return true;
    try {
      verifyIndexRowMac(this.runtime.secrets.indexKey, { tenant: this.directory.tenant, caseId: row.id, values: indexValues(row) }, row.indexMac);
    } catch (error) {
      if (error instanceof CryptoError) return false;
      throw error;
    }
    this.intactRows.remember(row.id, inputs);
    return true;
  }

  /**
   * Decrypts only the categories concern of a held case, for the list's
   * filters: the same grant check (signature included) and index-row check
   * as openCase, the case key opened and destroyed here, nothing else
   * decrypted. Not a read of the case (not audited as one); a failed check
   * is audited as a tampered case and raised as INTEGRITY_FAILED, a missing
   * or foreign grant as FORBIDDEN.
   */
  async decryptCategories(reader: CaseReader, row: SealedCategoriesRow): Promise<CaseCategories> {
    const tenant = this.directory.tenant;
    // The index row alone, as the list read it: its memoised check then applies (the ciphertext and grant are checked below).
    const { grants: _grants, categories: _categories, ...indexRow } = row;
    if (!this.indexRowIntact(indexRow)) {
      // Fails again here, audited as a tampered case.
      await this.integrityChecked(reader, row.id, () =>
        verifyIndexRowMac(this.runtime.secrets.indexKey, { tenant, caseId: row.id, values: indexValues(row) }, row.indexMac),
      );
    }
    const caseKey = this.keys.openCaseKey(row.grants, reader, row.id, row.caseKeyId);
    try {
      return await this.integrityChecked(reader, row.id, () => openCategories(caseKey, tenant, row));
    } finally {
      caseKey.destroy();
    }
  }

  private async verifyIntegrity(reader: CaseReader, row: CaseRow, index: TriageIndex, caseKey: CaseKey, threadKey: ThreadKey): Promise<void> {
    const tenant = this.directory.tenant;
    const threadFiles = row.files.filter((f) => f.keyKind === 'thread').map((f) => f.id);
    await this.integrityChecked(reader, row.id, () => {
      this.verifyCaseRow(row, index, caseKey);
      verifyThreadManifestMac(
        threadKey,
        { tenant, caseId: row.id, revision: row.threadRevision, messageSequences: row.messages.map((m) => m.seq), fileIds: threadFiles },
        row.threadMac,
      );
    });
  }

  /** The clear index row's MAC and the case manifest (index, rows, entries, request files): throws CryptoError when either fails. */
  verifyCaseRow(
    row: Pick<CaseRow, 'id' | 'revision' | 'indexMac' | 'manifestMac' | 'receipts' | 'entries' | 'files'>,
    index: TriageIndex,
    caseKey: CaseKey,
  ): void {
    const tenant = this.directory.tenant;
    verifyIndexRowMac(this.runtime.secrets.indexKey, { tenant, caseId: row.id, values: indexValues(index) }, row.indexMac);
    verifyCaseManifestMac(caseKey, caseManifest(tenant, row.id, row.revision, index, rowsOf(row)), row.manifestMac);
  }

  /** The MACs of a changed case: its index row under the index key, its manifest under the case key. */
  sealedIndex(caseId: string, revision: number, index: TriageIndex, rows: CaseRows, caseKey: CaseKey): { indexMac: string; manifestMac: string } {
    const tenant = this.directory.tenant;
    return {
      indexMac: computeIndexRowMac(this.runtime.secrets.indexKey, { tenant, caseId, values: indexValues(index) }),
      manifestMac: computeCaseManifestMac(caseKey, caseManifest(tenant, caseId, revision, index, rows)),
    };
  }

  /** Runs a check or a decryption; a crypto failure is a tampered case: audited, and shown as such. */
  async integrityChecked<T>(reader: CaseReader, caseId: string, work: () => T): Promise<T> {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof CryptoError) && !(error instanceof SyntaxError)) throw error;
      const code = error instanceof CryptoError ? error.code : 'BAD_PAYLOAD';
      await this.audit.record({ action: 'case.integrity_failed', actorId: reader.id, targetType: 'case', targetId: caseId, details: { code } });
      throw new AppError('INTEGRITY_FAILED');
    }
  }

  /**
   * Escrow and the triage team, each certificate checked; intake never stops
   * for lack of a team. A caseworker who typed the request in (assisted
   * intake) receives it too, so they can go on with it.
   */
  private async recipients(tx: Prisma.TransactionClient, createdBy?: string) {
    const escrow = await this.directory.activeEscrow(tx);
    if (!escrow) hourlyLoggerOf(this.runtime.logger).error('no valid escrow key: the case is sealed to the triage team only');
    const staff = await this.directory.triageTeam(tx);
    if (createdBy && !staff.some((member) => member.staff.id === createdBy)) {
      const creator = await this.directory.sealableStaff(tx, createdBy);
      if (creator) staff.push(creator);
    }
    return { escrow, staff };
  }

  private intakeGrants(
    caseId: string,
    caseKey: CaseKey,
    threadKey: ThreadKey,
    recipients: Awaited<ReturnType<CaseVaultService['recipients']>>,
  ): Prisma.CaseKeyGrantCreateManyInput[] {
    const targets: { recipientId: string | null; escrowKeyId: string | null; grantee: string; recipient: SealRecipient }[] = [
      ...(recipients.escrow
        ? [{ recipientId: null, escrowKeyId: recipients.escrow.escrow.id, grantee: recipients.escrow.escrow.id, recipient: recipients.escrow.recipient }]
        : []),
      ...recipients.staff.map(({ staff, recipient }) => ({ recipientId: staff.id, escrowKeyId: null, grantee: staff.id, recipient })),
    ];
    const context = this.keys.context(caseId);
    return targets.flatMap(({ recipientId, escrowKeyId, grantee, recipient }) =>
      (
        [
          ['case', caseKey],
          ['thread', threadKey],
        ] as const
      ).map(([keyKind, key]) => {
        return {
          caseId,
          keyKind,
          recipientId,
          escrowKeyId,
          grantedBy: null,
          granterCertificate: null,
          ...sealAndSignGrant(key, context, keyKind, grantee, recipient, this.runtime.secrets.intakeKey),
        };
      }),
    );
  }

  /** The case's details key: what the defender adds later through a receipt is sealed to it (crypto/details-seal.ts). */
  private detailsKeyColumns(caseKey: CaseKey, caseId: string) {
    const key = createDetailsKey(caseKey, { tenant: this.directory.tenant, caseId }, this.runtime.secrets.intakeKey);
    return { detailsPublicKey: key.publicKey, detailsKeySignature: key.signature, detailsKey: key.encryptedSeed };
  }

  private encryptContent(caseKey: CaseKey, caseId: string, content: CaseContent): Record<(typeof CONTENT_FIELDS)[number], string> {
    const location = (field: string) => ({ tenant: this.directory.tenant, caseId, table: CASE_TABLE, rowId: caseId, field });
    return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, encryptField(caseKey, JSON.stringify(content[field]), location(field))])) as Record<
      (typeof CONTENT_FIELDS)[number],
      string
    >;
  }

  decryptContent(caseKey: CaseKey, caseId: string, row: Record<(typeof CONTENT_FIELDS)[number], string>): CaseContent {
    const location = (field: string) => ({ tenant: this.directory.tenant, caseId, table: CASE_TABLE, rowId: caseId, field });
    return Object.fromEntries(
      CONTENT_FIELDS.map((field) => [field, JSON.parse(decryptFieldText(caseKey, row[field], location(field)))]),
    ) as unknown as CaseContent;
  }
}
