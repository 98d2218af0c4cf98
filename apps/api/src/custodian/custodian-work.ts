import { Injectable } from '@nestjs/common';
import type { CustodianOperationKind } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { IdentityKeyPair, SealRecipient } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { DirectoryService } from '../directory/directory.service.js';
import { EscrowService, type EscrowKeyRecord } from '../vault/escrow.service.js';
import { CustodianRepository } from './custodian.repository.js';
import { EscrowGrants } from './escrow-grants.js';
import type { Granter } from '../vault/grant-statements.js';

/** What a completed operation did. */
export interface WorkDone {
  casesGranted: number;
  casesSkipped: number;
  sharesSealed: number;
}

export interface OperationTarget {
  readonly kind: CustodianOperationKind;
  readonly targetUserId: string | null;
  readonly caseId: string | null;
}

/**
 * The operations themselves, run with the escrow key pair in the second
 * custodian's step: restore a user's cases, grant one case nobody holds,
 * re-seal the escrow key to the current custodians.
 */
@Injectable()
export class CustodianWork {
  constructor(
    private readonly repository: CustodianRepository,
    private readonly directory: DirectoryService,
    private readonly grants: EscrowGrants,
    private readonly escrowService: EscrowService,
    private readonly audit: AuditService,
  ) {}

  /** Refuses, before anything is opened, an operation that cannot be done (REFUSED, with its reason) or names nothing (NOT_FOUND). */
  async check(db: Db, target: OperationTarget): Promise<void> {
    if (target.kind === 'reseal_escrow' || target.kind === 'rotate_escrow') return;
    if (target.kind === 'grant_case' && !(await this.repository.caseExists(db, target.caseId as string))) throw new AppError('NOT_FOUND');
    await this.recipient(db, target.targetUserId);
    if (target.kind === 'grant_case') await this.assertNoHolderLeft(db, target.caseId as string);
  }

  async perform(tx: Db, target: OperationTarget, escrowKey: EscrowKeyRecord, escrow: IdentityKeyPair, granter: Granter): Promise<WorkDone> {
    // Rotation runs in batches of its own (EscrowRotation), never inside one transaction.
    if (target.kind === 'rotate_escrow') throw new AppError('CONFLICT');
    if (target.kind === 'reseal_escrow') {
      const custodians = await this.certifiedCustodianIds(tx);
      return { casesGranted: 0, casesSkipped: 0, sharesSealed: await this.escrowService.reseal(tx, escrowKey, escrow, custodians) };
    }
    const recipient = await this.recipient(tx, target.targetUserId);
    if (target.kind === 'grant_case') {
      await this.assertNoHolderLeft(tx, target.caseId as string);
      const done = await this.grantCases(tx, [target.caseId as string], escrowKey, escrow, recipient, granter);
      if (done.casesGranted !== 1) throw new AppError('INTEGRITY_FAILED');
      return done;
    }
    return this.grantCases(tx, await this.casesToRestore(tx, recipient.certificate.userId), escrowKey, escrow, recipient, granter);
  }

  /**
   * The cases a user held before a password reset (the reset deletes their
   * grants): those assigned to them, those the audit log shows were granted
   * to them or typed in by them, and, for the triage team (supervisors and
   * on-call staff), every open case.
   */
  async casesToRestore(db: Db, userId: string): Promise<string[]> {
    const staff = await this.directory.certifiedStaff(db, userId);
    const triage = staff ? staff.staff.roles.includes('supervisor') || staff.staff.onCall : false;
    const ids = [
      ...(await this.repository.findAssignedCaseIds(db, userId)),
      ...(await this.repository.findCaseIdsOnRecord(db, userId)),
      ...(triage ? await this.repository.findOpenCaseIds(db) : []),
    ];
    return [...new Set(ids)];
  }

  private async grantCases(
    tx: Db,
    caseIds: string[],
    escrowKey: EscrowKeyRecord,
    escrow: IdentityKeyPair,
    recipient: SealRecipient,
    granter: Granter,
  ): Promise<WorkDone> {
    let casesGranted = 0;
    for (const caseId of caseIds) {
      const row = await this.repository.findCaseWithEscrowGrants(tx, caseId, escrowKey.id);
      const keys = row ? this.grants.open(row, escrow) : null;
      if (!keys) continue;
      try {
        await this.grants.grant(tx, caseId, keys, recipient, granter);
        // Like any grant, on the record (a later restore of the same person finds it there).
        const details = { recipientId: recipient.certificate.userId, throughEscrow: true };
        await this.audit.record({ action: 'case.granted', actorId: granter.id, targetType: 'case', targetId: caseId, details }, tx);
        casesGranted += 1;
      } finally {
        keys.destroy();
      }
    }
    return { casesGranted, casesSkipped: caseIds.length - casesGranted, sharesSealed: 0 };
  }

  /** The target as a seal recipient: active (in the anchor too), with a certified key (they signed in after the reset), no integrity incident open; or REFUSED. */
  private async recipient(db: Db, userId: string | null): Promise<SealRecipient> {
    const certified = userId ? await this.directory.sealableStaff(db, userId) : null;
    if (!certified) throw new AppError('REFUSED', [{ field: 'targetUserId', message: 'recipient_not_ready' }]);
    return certified.recipient;
  }

  /** Custodians are the last resort: while an active staff member still holds the case, a supervisor re-grants it. */
  private async assertNoHolderLeft(db: Db, caseId: string): Promise<void> {
    const holders = await this.repository.findStaffHolders(db, caseId);
    const live = holders.filter((h) => h.recipient?.active && h.recipient.publicKey === h.recipientPublicKey);
    if (live.length > 0) throw new AppError('REFUSED', [{ field: 'caseId', message: 'case_still_held' }]);
  }

  /** The active custodians whose certificate still checks out. */
  async certifiedCustodianIds(db: Db): Promise<string[]> {
    const custodians = await this.repository.findCustodians(db);
    // One after the other: `db` may be a transaction, whose connection runs one query at a time.
    const certified = [];
    for (const custodian of custodians) certified.push(await this.directory.certifiedStaff(db, custodian.id));
    return certified.flatMap((c) => (c && c.staff.roles.includes('custodian') ? [c.staff.id] : []));
  }
}
