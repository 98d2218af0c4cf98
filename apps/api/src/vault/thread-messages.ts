import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import {
  computeThreadManifestMac,
  CryptoError,
  decryptFieldText,
  deriveReceiptKeys,
  encryptField,
  verifyThreadManifestMac,
  type ThreadKey,
} from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import type { CaseMessage, MessageSender } from '../generated/prisma/client.js';
import { CaseKeysAccess } from './case-keys-access.js';
import { VaultRepository } from './vault.repository.js';

/** Messages are signed "Équipe protection" on the defender's side: the sender bound in is the side, not a person. */
export interface ThreadMessage {
  seq: number;
  sender: MessageSender;
  kind: ThreadEntryKind;
  body: string;
  /** For 'file' and 'voice' entries: the thread file announced. */
  fileId?: string;
  createdAt: Date;
}

/** A message, details added to the request later (JSON), a consent change, or a file or voice message: all under the thread key. */
export type ThreadEntryKind = 'message' | 'details' | 'consent' | 'file' | 'voice';

export interface NewThreadEntry {
  kind: ThreadEntryKind;
  body: string;
  fileId?: string;
}

const MESSAGE_TABLE = 'case_message';

/** Where a message's ciphertext is bound: its case, row, side and sequence number. */
export const messageLocation = (tenant: string, caseId: string, rowId: string, sender: MessageSender, sequence: number) => ({
  tenant,
  caseId,
  table: MESSAGE_TABLE,
  rowId,
  field: 'body',
  sender,
  sequence,
});

/**
 * The conversation between the defender and the mechanism, under the thread
 * key: each message bound to its case, sequence number and side; the thread
 * manifest MAC covers the set of messages so a deleted or replayed one shows.
 */
@Injectable()
export class ThreadMessages {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly keys: CaseKeysAccess,
    private readonly audit: AuditService,
    private readonly anchor: IntegrityAnchor,
  ) {}

  decryptAll(threadKey: ThreadKey, caseId: string, rows: CaseMessage[]): ThreadMessage[] {
    return rows.map((row) => {
      const entry = JSON.parse(decryptFieldText(threadKey, row.body, this.location(caseId, row.id, row.sender, row.seq))) as NewThreadEntry & { at?: string };
      return {
        seq: row.seq,
        sender: row.sender,
        // The precise time is inside the ciphertext (the clear created_at keeps the hour); older messages show their hour.
        createdAt: entry.at ? new Date(entry.at) : row.createdAt,
        kind: entry.kind,
        body: entry.body,
        ...(entry.fileId ? { fileId: entry.fileId } : {}),
      };
    });
  }

  /** Adds a message; the caller holds the thread key (a staff grant or a receipt). */
  async append(threadKey: ThreadKey, caseId: string, sender: MessageSender, entry: NewThreadEntry): Promise<number> {
    return this.prisma.$transaction((tx) => this.appendWithin(tx, threadKey, caseId, sender, entry));
  }

  /**
   * The same inside the caller's transaction; `newFileId` (a thread file
   * inserted in this transaction) joins the manifest with the entry, so the
   * file and the entry that announces it appear together or not at all.
   */
  async appendWithin(tx: Db, threadKey: ThreadKey, caseId: string, sender: MessageSender, entry: NewThreadEntry, newFileId?: string): Promise<number> {
    const thread = await this.repository.lockThread(tx, caseId);
    const sequences = thread.messages.map((m) => m.seq);
    const fileIds = thread.files.map((f) => f.id).filter((id) => id !== newFileId);
    this.verify(threadKey, caseId, thread.threadRevision, sequences, fileIds, thread.threadMac);
    const seq = (sequences.at(-1) ?? 0) + 1;
    const id = randomUUID();
    const at = new Date().toISOString();
    const body = JSON.stringify({ kind: entry.kind, body: entry.body, at, ...(entry.fileId ? { fileId: entry.fileId } : {}) });
    await this.repository.insertMessage(tx, { id, caseId, seq, sender, body: encryptField(threadKey, body, this.location(caseId, id, sender, seq)) });
    const revision = thread.threadRevision + 1;
    const allFiles = newFileId ? [...fileIds, newFileId] : fileIds;
    const mac = computeThreadManifestMac(threadKey, { tenant: this.tenant, caseId, revision, messageSequences: [...sequences, seq], fileIds: allFiles });
    await this.repository.updateThreadMac(tx, caseId, revision, mac);
    return seq;
  }

  /** What a receipt opens: the message thread, and nothing else of the case. */
  async openWithReceipt(
    receipt: string,
    db: Db = this.prisma,
  ): Promise<{ caseId: string; receiptId: string; threadKey: ThreadKey; messages: ThreadMessage[] }> {
    const keys = await deriveReceiptKeys(receipt, this.runtime.secrets.receiptPepper).catch((error: unknown) => {
      if (error instanceof CryptoError) throw new AppError('NOT_FOUND');
      throw error;
    });
    try {
      const found = await this.repository.findThreadByReceipt(db, keys.lookupId);
      // Revoked in the row or in the anchor kept outside the database (clearing revoked_at gives nothing back).
      if (!found || found.revokedAt || (await this.anchor.receiptRevoked(found.id))) throw new AppError('NOT_FOUND');
      const thread = found.protectionCase;
      const threadKey = this.guarded(() => this.keys.openReceiptThreadKey(found, keys, thread.id, thread.threadKeyId));
      try {
        this.verify(
          threadKey,
          thread.id,
          thread.threadRevision,
          thread.messages.map((m) => m.seq),
          thread.files.map((f) => f.id),
          thread.threadMac,
        );
        const messages = this.guarded(() => this.decryptAll(threadKey, thread.id, thread.messages));
        await this.audit.record({ action: 'receipt.opened', actorId: null, targetType: 'receipt', targetId: found.id });
        return { caseId: thread.id, receiptId: found.id, threadKey, messages };
      } catch (error) {
        threadKey.destroy();
        throw error;
      }
    } finally {
      keys.wrappingKey.destroy();
      keys.identity.destroy();
    }
  }

  /** The thread as it stands, checked against its manifest, for a holder of the thread key. */
  async read(threadKey: ThreadKey, caseId: string): Promise<ThreadMessage[]> {
    const thread = await this.repository.findThread(this.prisma, caseId);
    if (!thread) throw new AppError('NOT_FOUND');
    this.verify(
      threadKey,
      caseId,
      thread.threadRevision,
      thread.messages.map((m) => m.seq),
      thread.files.map((f) => f.id),
      thread.threadMac,
    );
    return this.guarded(() => this.decryptAll(threadKey, caseId, thread.messages));
  }

  private guarded<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof CryptoError || error instanceof SyntaxError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }

  private verify(threadKey: ThreadKey, caseId: string, revision: number, messageSequences: number[], fileIds: string[], mac: string): void {
    try {
      verifyThreadManifestMac(threadKey, { tenant: this.tenant, caseId, revision, messageSequences, fileIds }, mac);
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }

  private location(caseId: string, rowId: string, sender: MessageSender, sequence: number) {
    return messageLocation(this.tenant, caseId, rowId, sender, sequence);
  }

  private get tenant(): string {
    return this.runtime.config.TENANT;
  }
}
