import { caseStamp } from '../integrity/case-stamp.js';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import {
  computeThreadManifestMac,
  detailsKeyLocation,
  generateCaseKeys,
  reencryptField,
  rewrapFileKey,
  verifyThreadManifestMac,
  type CaseKey,
  type CaseKeyKind,
  type SealRecipient,
  type SecretKey,
  type ThreadKey,
} from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { Granter } from '../vault/grant-statements.js';
import { CASE_TABLE, CONTENT_FIELDS } from '../vault/case-content.js';
import { draftLocation } from '../vault/case-drafts.js';
import { entryLocation } from '../vault/case-entries.js';
import { fileMetadataLocation } from '../vault/case-files.js';
import { CaseKeysAccess } from '../vault/case-keys-access.js';
import { rowsOf } from '../vault/case-manifest.js';
import { CaseVaultService, type CaseRow } from '../vault/case-vault.service.js';
import { sealAndSignGrant } from '../vault/grant-statements.js';
import { messageLocation } from '../vault/thread-messages.js';
import type { TriageIndex } from '../vault/triage-index.js';
import { RekeyRepository, type CaseToRekey, type ReencryptedRows } from './rekey.repository.js';

/** What re-keying one case did: counts only. */
export interface CaseRekeyed {
  readonly outcome: 'rekeyed' | 'not_held' | 'gone';
  readonly holders?: number;
  readonly receiptsResealed?: number;
  /** Receipts issued before receipt certificates: they no longer open the thread; a new one is issued after a call-back. */
  readonly receiptsToReissue?: number;
}

interface Reencrypted extends ReencryptedRows {
  readonly content: Record<string, string>;
}

interface Keys {
  readonly old: { caseKey: CaseKey; threadKey: ThreadKey };
  readonly fresh: { caseKey: CaseKey; threadKey: ThreadKey };
}

/**
 * Re-keys one case in the caller's transaction, with the case locked: the
 * acting holder opens the old keys (grant signatures, index MAC and both
 * manifests checked first), new case and thread keys are drawn, every
 * ciphertext of the case is re-encrypted at its place (request, journal,
 * drafts, messages, file metadata), every file key re-wrapped (the chunks
 * keep their key: what was downloaded before stays what it was), the new
 * keys sealed to the remaining holders and to escrow with grants signed by
 * the actor, the new thread key sealed to each live receipt's certified key,
 * and the manifests re-MAC'd at the next revision. The revoked person's
 * grants are not renewed, and any copy of an old grant opens only the old
 * keys, which no longer open anything. Uploads and follow-up sessions in
 * flight hold the old thread key: they end (the defender signs in again).
 */
@Injectable()
export class CaseRekey {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly repository: RekeyRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly vault: CaseVaultService,
    private readonly audit: AuditService,
  ) {}

  async rekey(tx: Db, actor: Granter, caseId: string, revokedStaffId: string | null, details: { jobId: string; reason: string }): Promise<CaseRekeyed> {
    const row = await this.vault.lockedCaseFor(tx, caseId, actor.id);
    if (!row) return { outcome: 'gone' };
    if (!row.grants.some((grant) => grant.keyKind === 'case')) return { outcome: 'not_held' };
    const old = {
      caseKey: this.keys.openCaseKey(row.grants, actor, caseId, row.caseKeyId),
      threadKey: this.keys.openThreadKey(row.grants, actor, caseId, row.threadKeyId),
    };
    const fresh = generateCaseKeys();
    const keys = { old, fresh };
    try {
      await this.vault.integrityChecked(actor, caseId, () => this.verify(row, old));
      // The case row, its entries and messages came with findCaseFor; only the rest is read here.
      const stored = await this.repository.caseToRekey(tx, caseId);
      const reencrypted = await this.vault.integrityChecked(actor, caseId, () => this.reencrypt(row, stored, keys));
      await this.repository.writeReencrypted(tx, caseId, reencrypted);
      const holders = await this.regrant(tx, caseId, stored, fresh, actor, revokedStaffId);
      const receipts = await this.resealReceipts(tx, caseId, stored, fresh.threadKey, actor);
      await this.repository.endThreadSessions(tx, caseId);
      await this.updateCase(tx, row, fresh, reencrypted.content);
      const counts = { holders, ...receipts };
      // The index is unchanged, so is its MAC; the revision moves on.
      const stamp = caseStamp(row.revision + 1, row.indexMac);
      await this.audit.record(
        { action: 'case.rekeyed', actorId: actor.id, targetType: 'case', targetId: caseId, details: { ...details, ...counts, ...stamp } },
        tx,
      );
      return { outcome: 'rekeyed', ...counts };
    } finally {
      [old.caseKey, old.threadKey, fresh.caseKey, fresh.threadKey].forEach((key) => key.destroy());
    }
  }

  private verify(row: CaseRow, old: Keys['old']): void {
    this.vault.verifyCaseRow(row, { ...row } as TriageIndex, old.caseKey);
    const threadFiles = row.files.filter((f) => f.keyKind === 'thread').map((f) => f.id);
    verifyThreadManifestMac(
      old.threadKey,
      { tenant: this.tenant, caseId: row.id, revision: row.threadRevision, messageSequences: row.messages.map((m) => m.seq), fileIds: threadFiles },
      row.threadMac,
    );
  }

  /**
   * Every ciphertext of the case under the new keys, at the same place:
   * computed in memory first (a value that fails to open is a tampered case
   * and nothing is written), then written by writeRows.
   */
  private reencrypt(row: CaseRow, stored: CaseToRekey, { old, fresh }: Keys): Reencrypted {
    const tenant = this.tenant;
    const caseId = row.id;
    const parent = (kind: 'case' | 'thread'): [SecretKey<CaseKeyKind>, SecretKey<CaseKeyKind>] =>
      kind === 'case' ? [old.caseKey, fresh.caseKey] : [old.threadKey, fresh.threadKey];
    const contentAt = (field: string) => ({ tenant, caseId, table: CASE_TABLE, rowId: caseId, field });
    return {
      content: {
        ...Object.fromEntries(CONTENT_FIELDS.map((field) => [field, reencryptField(old.caseKey, fresh.caseKey, row[field], contentAt(field))])),
        // The details key pair stays (details already sealed to it still open); only its seed moves under the new case key.
        ...(row.detailsKey ? { detailsKey: reencryptField(old.caseKey, fresh.caseKey, row.detailsKey, detailsKeyLocation({ tenant, caseId })) } : {}),
      },
      entries: row.entries.map((e) => ({ id: e.id, body: reencryptField(old.caseKey, fresh.caseKey, e.body, entryLocation(tenant, caseId, e.id, e.seq)) })),
      drafts: stored.drafts.map((d) => ({
        authorId: d.authorId,
        body: reencryptField(old.caseKey, fresh.caseKey, d.body, draftLocation(tenant, caseId, d.authorId)),
      })),
      messages: row.messages.map((m) => ({
        id: m.id,
        body: reencryptField(old.threadKey, fresh.threadKey, m.body, messageLocation(tenant, caseId, m.id, m.sender, m.seq)),
      })),
      files: stored.files.map((f) => {
        const [from, to] = parent(f.keyKind);
        return {
          id: f.id,
          wrappedFileKey: rewrapFileKey(f.wrappedFileKey, from, to, { tenant, caseId, fileId: f.id }),
          metadata: reencryptField(from, to, f.metadata, fileMetadataLocation(tenant, caseId, f.id)),
        };
      }),
    };
  }

  /**
   * Both new keys to every remaining holder with a valid certificate, and to
   * the active escrow key; the old grants (the revoked person's included) go.
   */
  private async regrant(tx: Db, caseId: string, stored: CaseToRekey, fresh: Keys['fresh'], actor: Granter, revokedStaffId: string | null): Promise<number> {
    const holderIds = [...new Set(stored.holderIds)].filter((id) => id !== revokedStaffId);
    // One query at a time: a transaction is one connection (pg refuses concurrent queries on it).
    const staff = [];
    for (const id of holderIds) {
      const found = await this.directory.certifiedStaff(tx, id);
      if (found) staff.push(found);
    }
    const escrow = await this.directory.activeEscrow(tx);
    const targets = [
      ...staff.map(({ staff: member, recipient }) => ({ recipientId: member.id, escrowKeyId: null, grantee: member.id, recipient })),
      ...(escrow ? [{ recipientId: null, escrowKeyId: escrow.escrow.id, grantee: escrow.escrow.id, recipient: escrow.recipient }] : []),
    ];
    const grants = targets.flatMap((target) =>
      (['case', 'thread'] as const).map((keyKind) => ({
        caseId,
        keyKind,
        recipientId: target.recipientId,
        escrowKeyId: target.escrowKeyId,
        grantedBy: actor.id,
        granterCertificate: actor.certificate,
        ...this.signedSeal(caseId, keyKind, keyKind === 'case' ? fresh.caseKey : fresh.threadKey, target.grantee, target.recipient, actor),
      })),
    );
    await this.repository.replaceGrants(tx, caseId, grants);
    if (!escrow) this.runtime.logger.error({ caseId }, 're-keyed case has no escrow grant: no active escrow key');
    return staff.length;
  }

  /** Live receipts get the new thread key sealed to their certified key; revoked ones keep nothing. */
  private async resealReceipts(tx: Db, caseId: string, stored: CaseToRekey, threadKey: ThreadKey, actor: Granter) {
    let receiptsResealed = 0;
    let receiptsToReissue = 0;
    for (const receipt of stored.receipts) {
      const recipient = receipt.revokedAt ? null : this.directory.receiptRecipient(receipt);
      const seal = recipient ? this.signedSeal(caseId, 'thread', threadKey, receipt.id, recipient, actor) : null;
      if (seal) receiptsResealed += 1;
      else if (!receipt.revokedAt) receiptsToReissue += 1;
      await this.repository.resealReceipt(tx, receipt.id, {
        sealedThreadKey: seal?.sealedKey ?? null,
        sealedBy: seal ? actor.id : null,
        sealerCertificate: seal ? actor.certificate : null,
        sealSignature: seal?.signature ?? null,
      });
    }
    return { receiptsResealed, receiptsToReissue };
  }

  private signedSeal(caseId: string, keyKind: 'case' | 'thread', key: CaseKey | ThreadKey, grantee: string, recipient: SealRecipient, actor: Granter) {
    return sealAndSignGrant(key, { tenant: this.tenant, caseId }, keyKind, grantee, recipient, actor.keyPair);
  }

  /** The request's concerns under the new key, new key ids, next revisions, and both manifests and the index row MAC'd again. */
  private async updateCase(tx: Db, row: CaseRow, fresh: Keys['fresh'], content: Reencrypted['content']): Promise<void> {
    const revision = row.revision + 1;
    const threadRevision = row.threadRevision + 1;
    const index = { ...row } as TriageIndex;
    const threadFiles = row.files.filter((f) => f.keyKind === 'thread').map((f) => f.id);
    await this.repository.updateCase(tx, row.id, {
      ...content,
      caseKeyId: fresh.caseKey.id,
      threadKeyId: fresh.threadKey.id,
      revision,
      ...this.vault.sealedIndex(row.id, revision, index, rowsOf(row), fresh.caseKey),
      threadRevision,
      threadMac: computeThreadManifestMac(fresh.threadKey, {
        tenant: this.tenant,
        caseId: row.id,
        revision: threadRevision,
        messageSequences: row.messages.map((m) => m.seq),
        fileIds: threadFiles,
      }),
    });
  }

  private get tenant(): string {
    return this.directory.tenant;
  }
}
