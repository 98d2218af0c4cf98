import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { generateIdentityKeyPair, sealEscrowForCustodians, type IdentityKeyPair, type SealRecipient } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { DirectoryService, ESCROW_ROLE } from '../directory/directory.service.js';

/** An escrow key row as the shares name it. */
export interface EscrowKeyRecord {
  readonly id: string;
  readonly publicKey: string;
}

/**
 * The escrow key: every case is sealed to it, and its private key is sealed
 * to every ordered pair of custodians (seal_B(seal_A(seed)) and
 * seal_A(seal_B(seed))), never to one person: whichever custodian starts an
 * operation, any other can finish it. It exists in memory only while it is
 * being created or re-sealed.
 */
@Injectable()
export class EscrowService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly staff: DirectoryRepository,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string | null, custodianIds: string[]): Promise<string> {
    const recipients = await this.custodianRecipients(this.prisma, custodianIds);
    const escrow = generateIdentityKeyPair();
    try {
      return await this.prisma.$transaction(async (tx) => {
        const epoch = await this.staff.nextEscrowEpoch(tx);
        const id = randomUUID();
        const certificate = this.directory.issue(id, ESCROW_ROLE, escrow.publicKey, epoch);
        await this.staff.insertEscrowKey(tx, { id, publicKey: escrow.publicKey, certificate, epoch });
        await this.sealShares(tx, { id, publicKey: escrow.publicKey }, escrow, recipients);
        await this.audit.record({ action: 'escrow.created', actorId, targetType: 'escrow', targetId: id, details: { custodians: recipients.length } }, tx);
        return id;
      });
    } finally {
      escrow.destroy();
    }
  }

  /**
   * Custodian enrolment: the escrow key pair (rebuilt by two custodians, for
   * this call only; the caller destroys it) is sealed again to every ordered
   * pair of the custodians named, and the key's older shares are deleted, in
   * the caller's transaction. Returns the number of shares written.
   */
  async reseal(tx: Db, escrowKey: EscrowKeyRecord, escrow: IdentityKeyPair, custodianIds: string[]): Promise<number> {
    const recipients = await this.custodianRecipients(tx, custodianIds);
    await this.staff.deleteEscrowShares(tx, escrowKey.id);
    return this.sealShares(tx, escrowKey, escrow, recipients);
  }

  /** Each custodian's certified key; CONFLICT unless there are two or more, all certified custodians. */
  private async custodianRecipients(db: Db, custodianIds: string[]): Promise<SealRecipient[]> {
    // One after the other: `db` may be a transaction, whose connection runs one query at a time.
    const custodians = [];
    for (const id of new Set(custodianIds)) custodians.push(await this.staff.findStaff(db, id));
    const recipients = [];
    for (const record of custodians) {
      const sealable = record && record.roles.includes('custodian') ? await this.directory.sealableStaff(db, record.id) : null;
      recipients.push(sealable?.recipient ?? null);
    }
    if (recipients.length < 2 || recipients.some((r) => r === null)) throw new AppError('CONFLICT');
    return recipients.filter((r) => r !== null);
  }

  private async sealShares(tx: Db, escrowKey: EscrowKeyRecord, escrow: IdentityKeyPair, recipients: SealRecipient[]): Promise<number> {
    const context = { tenant: this.directory.tenant, escrowPublicKey: escrowKey.publicKey };
    const ordered = orderedPairs(recipients);
    for (const [inner, outer] of ordered) {
      await this.staff.insertEscrowShare(tx, {
        escrowKeyId: escrowKey.id,
        innerUserId: inner.certificate.userId,
        outerUserId: outer.certificate.userId,
        sealed: sealEscrowForCustodians(escrow, context, inner, outer),
        // Which keys it was sealed to: after a password reset the share no longer opens, and the escrow's health says so.
        innerPublicKey: inner.certificate.publicKey,
        outerPublicKey: outer.certificate.publicKey,
      });
    }
    return ordered.length;
  }
}

/** Every ordered pair of two different items: (a, b) and (b, a). */
export function orderedPairs<T>(items: T[]): [T, T][] {
  return items.flatMap((a, i) => items.flatMap((b, j) => (i === j ? [] : [[a, b] as [T, T]])));
}
