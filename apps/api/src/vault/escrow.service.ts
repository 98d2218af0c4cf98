import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { generateIdentityKeyPair, sealEscrowForCustodians } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { DirectoryService, ESCROW_ROLE } from '../directory/directory.service.js';

/**
 * The escrow key: every case is sealed to it, and its private key is sealed
 * to every pair of custodians (seal_B(seal_A(seed))), never to one person.
 * It exists in memory only while it is being created.
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
    const custodians = await Promise.all(custodianIds.map((id) => this.staff.findStaff(this.prisma, id)));
    const recipients = custodians.map((record) =>
      record && record.roles.includes('custodian') ? this.directory.staffRecipient(record) : null,
    );
    if (recipients.length < 2 || recipients.some((r) => r === null)) throw new AppError('CONFLICT');
    const escrow = generateIdentityKeyPair();
    try {
      return await this.prisma.$transaction(async (tx) => {
        const epoch = await this.staff.nextEscrowEpoch(tx);
        const id = randomUUID();
        const certificate = this.directory.issue(id, ESCROW_ROLE, escrow.publicKey, epoch);
        const context = { tenant: this.directory.tenant, escrowPublicKey: escrow.publicKey };
        await this.staff.insertEscrowKey(tx, { id, publicKey: escrow.publicKey, certificate, epoch });
        for (const [first, second] of pairs(recipients.filter((r) => r !== null))) {
          await this.staff.insertEscrowShare(tx, {
            escrowKeyId: id,
            innerUserId: first.certificate.userId,
            outerUserId: second.certificate.userId,
            sealed: sealEscrowForCustodians(escrow, context, first, second),
          });
        }
        await this.audit.record({ action: 'escrow.created', actorId, targetType: 'escrow', targetId: id, details: { custodians: recipients.length } }, tx);
        return id;
      });
    } finally {
      escrow.destroy();
    }
  }
}

/** Every unordered pair, once. */
function pairs<T>(items: T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as [T, T]));
}
