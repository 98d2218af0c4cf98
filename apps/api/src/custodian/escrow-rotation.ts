import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { generateIdentityKeyPair, type IdentityKeyPair, type SealRecipient } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { DirectoryService, ESCROW_ROLE } from '../directory/directory.service.js';
import { EscrowService } from '../vault/escrow.service.js';
import { sealAndSignGrant } from '../vault/grant-statements.js';
import { CustodianRepository } from './custodian.repository.js';
import type { WorkDone } from './custodian-work.js';
import { EscrowGrants, type OpenedCaseKeys } from './escrow-grants.js';
import type { Granter } from '../vault/grant-statements.js';
import { EscrowRotationRepository, type EscrowKeyRow } from './escrow-rotation.repository.js';

/** Cases re-sealed per transaction: small enough to keep locks short, large enough not to crawl. */
export const ROTATION_BATCH_SIZE = 50;

/** Claims the operation and records its completion, in the rotation's first transaction. */
export type ClaimStep = (tx: Db, details: Record<string, string | number | boolean>) => Promise<void>;

interface Run {
  readonly from: EscrowKeyRow;
  readonly to: EscrowKeyRow;
  readonly recipient: SealRecipient;
  readonly oldEscrow: IdentityKeyPair;
  readonly granter: Granter;
  /** cases whose old escrow grant does not verify: never re-sealed (nobody could open them through escrow anyway) */
  readonly skipped: Set<string>;
}

/**
 * Escrow rotation ('rotate_escrow'), in the second custodian's step, with the
 * old escrow key pair in memory.
 *
 * Policy: an interrupted rotation RESUMES. The first transaction creates the
 * new key pair (certified, next epoch, inactive) and seals it at once to every
 * ordered pair of custodians, so the new private key is never needed again
 * and is destroyed; re-sealing a case needs only the new public key. Then
 * each batch of cases gets an escrow grant to the new key (signed by the
 * completing custodian) in its own transaction. A crash leaves the old key
 * active and every case still sealed to it; the next 'rotate_escrow' two
 * custodians complete finds the inactive later-epoch key and carries on with
 * the cases that lack a grant to it. Only when none is left are the keys
 * switched, the old escrow grants and shares deleted, in one transaction.
 *
 * New cases during a rotation: intake keeps sealing to the active (old) key,
 * which holds every case until the switch; the rotation picks those cases up
 * like any other, and the switch first locks the escrow key table (waiting
 * for intakes in flight) and re-seals the last ones, so no case is left
 * sealed only to the key being deleted.
 */
@Injectable()
export class EscrowRotation {
  batchSize = ROTATION_BATCH_SIZE;
  /** Called after each committed batch with the cases done so far; tests throw from it to simulate a crash midway. */
  afterBatch: ((casesDone: number) => void | Promise<void>) | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly store: EscrowRotationRepository,
    private readonly repository: CustodianRepository,
    private readonly directory: DirectoryService,
    private readonly directoryKeys: DirectoryRepository,
    private readonly escrowService: EscrowService,
    private readonly grants: EscrowGrants,
    private readonly audit: AuditService,
  ) {}

  /** While a rotation is unfinished the escrow shares must not move: reseal_escrow waits for it (CONFLICT). */
  async assertAllows(db: Db, kind: string): Promise<void> {
    if (kind === 'reseal_escrow' && (await this.store.findUnfinishedTarget(db)))
      throw new AppError('CONFLICT', [{ field: 'kind', message: 'escrow_rotation_unfinished' }]);
  }

  /** Starts or resumes the rotation away from `fromKeyId`, then runs it to the end. The caller destroys oldEscrow. */
  async complete(fromKeyId: string, oldEscrow: IdentityKeyPair, granter: Granter, custodianIds: string[], claim: ClaimStep, now: Date): Promise<WorkDone> {
    const from = await this.store.findKey(this.prisma, fromKeyId);
    // Only the active key rotates (a request made before a rotation finished names a retired key).
    if (!from?.active || from.publicKey !== oldEscrow.publicKey) throw new AppError('CONFLICT');
    const { to, sharesSealed } = await this.prisma.$transaction(async (tx) => {
      const started = await this.begin(tx, from, granter, custodianIds);
      await claim(tx, { rotationTo: started.to.id, epoch: started.to.epoch, resumed: started.resumed });
      return started;
    });
    const recipient = this.directory.escrowRecipient(to);
    if (!recipient) throw new AppError('INTEGRITY_FAILED');
    const run: Run = { from, to, recipient, oldEscrow, granter, skipped: new Set() };
    const resealed = await this.resealAll(run);
    const last = await this.finish(run, now);
    return { casesGranted: resealed + last, casesSkipped: run.skipped.size, sharesSealed };
  }

  /** The unfinished rotation's target, or a new key pair sealed to the custodians (its private half destroyed here). */
  private async begin(
    tx: Db,
    from: EscrowKeyRow,
    granter: Granter,
    custodianIds: string[],
  ): Promise<{ to: EscrowKeyRow; sharesSealed: number; resumed: boolean }> {
    // Two completions at once must not start two new keys: the second waits, then resumes the first one's.
    await this.store.lockKey(tx, from.id);
    const unfinished = await this.store.findUnfinishedTarget(tx);
    if (unfinished) {
      const details = { step: 'escrow_rotation_resumed', fromKeyId: from.id, toKeyId: unfinished.id, epoch: unfinished.epoch };
      await this.audit.record({ action: 'custodian.action', actorId: granter.id, targetType: 'escrow', targetId: unfinished.id, details }, tx);
      return { to: unfinished, sharesSealed: 0, resumed: true };
    }
    const next = generateIdentityKeyPair();
    try {
      const id = randomUUID();
      const epoch = await this.directoryKeys.nextEscrowEpoch(tx);
      const to = { id, publicKey: next.publicKey, certificate: this.directory.issue(id, ESCROW_ROLE, next.publicKey, epoch), epoch, active: false };
      await this.store.insertInactiveKey(tx, to);
      const sharesSealed = await this.escrowService.reseal(tx, to, next, custodianIds);
      const details = { custodians: custodianIds.length, rotatingFrom: from.id, epoch };
      await this.audit.record({ action: 'escrow.created', actorId: granter.id, targetType: 'escrow', targetId: id, details }, tx);
      return { to, sharesSealed, resumed: false };
    } finally {
      next.destroy();
    }
  }

  /** Batch after batch, each committed on its own, until no case is left to re-seal. */
  private async resealAll(run: Run): Promise<number> {
    let done = 0;
    for (;;) {
      const batch = await this.prisma.$transaction(
        async (tx) => {
          await this.store.lockKey(tx, run.to.id);
          return this.resealBatch(tx, run, this.batchSize);
        },
        { timeout: 120_000 },
      );
      done += batch.resealed;
      if (batch.found === 0) return done;
      await this.afterBatch?.(done);
    }
  }

  /** Re-seals up to `take` cases in the caller's transaction. */
  private async resealBatch(tx: Db, run: Run, take: number): Promise<{ found: number; resealed: number }> {
    const caseIds = await this.store.findCasesToReseal(tx, run.from.id, run.to.id, [...run.skipped], take);
    let resealed = 0;
    for (const caseId of caseIds) {
      const row = await this.repository.findCaseWithEscrowGrants(tx, caseId, run.from.id);
      const keys = row ? this.grants.open(row, run.oldEscrow) : null;
      if (!keys) {
        run.skipped.add(caseId);
        continue;
      }
      try {
        await this.sealToNewKey(tx, caseId, keys, run);
        resealed += 1;
      } finally {
        keys.destroy();
      }
    }
    return { found: caseIds.length, resealed };
  }

  /** Both keys of the case sealed to the new escrow key, signed by the completing custodian (as EscrowGrants checks them). */
  private async sealToNewKey(tx: Db, caseId: string, keys: OpenedCaseKeys, run: Run): Promise<void> {
    const context = { tenant: this.directory.tenant, caseId };
    for (const [keyKind, key] of [
      ['case', keys.caseKey],
      ['thread', keys.threadKey],
    ] as const) {
      await this.store.insertEscrowGrant(tx, {
        caseId,
        keyKind,
        escrowKeyId: run.to.id,
        grantedBy: run.granter.id,
        granterCertificate: run.granter.certificate,
        ...sealAndSignGrant(key, context, keyKind, run.to.id, run.recipient, run.granter.keyPair),
      });
    }
  }

  /**
   * The switch, in one transaction: intakes in flight drained, the last cases
   * re-sealed, the new key active, the old escrow grants and shares deleted.
   */
  private async finish(run: Run, now: Date): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        await this.store.lockAllKeys(tx);
        let resealed = 0;
        for (;;) {
          const batch = await this.resealBatch(tx, run, this.batchSize);
          resealed += batch.resealed;
          if (batch.found === 0) break;
        }
        await this.store.switchActive(tx, run.from.id, run.to.id);
        const deleted = await this.store.deleteOldSeals(tx, run.from.id);
        await this.store.expireRequestsOn(tx, run.from.id, now);
        const details = {
          step: 'escrow_rotated',
          fromKeyId: run.from.id,
          toKeyId: run.to.id,
          epoch: run.to.epoch,
          casesSealed: await this.store.countCasesSealedTo(tx, run.to.id),
          casesSkipped: run.skipped.size,
          skippedCaseIds: [...run.skipped].join(','),
          grantsDeleted: deleted.grants,
          sharesDeleted: deleted.shares,
        };
        await this.audit.record({ action: 'custodian.action', actorId: run.granter.id, targetType: 'escrow', targetId: run.to.id, details }, tx);
        return resealed;
      },
      { timeout: 120_000 },
    );
  }
}
