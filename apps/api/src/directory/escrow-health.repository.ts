import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** The rows the escrow's health is judged from: the active key's shares and the custodians. */
@Injectable()
export class EscrowHealthRepository {
  findActiveEscrowShares(db: Db) {
    return db.escrowShare.findMany({
      where: { escrowKey: { active: true } },
      select: { innerUserId: true, outerUserId: true, innerPublicKey: true, outerPublicKey: true },
    });
  }

  async activeEscrowExists(db: Db): Promise<boolean> {
    return (await db.escrowKey.count({ where: { active: true } })) > 0;
  }

  /** Active custodians with what their certificate is checked against. */
  findCustodians(db: Db) {
    return db.staffUser.findMany({
      where: { active: true, roles: { has: 'custodian' } },
      select: { id: true, name: true, roles: true, onCall: true, active: true, publicKey: true, certificate: true, keyEpoch: true },
      orderBy: { createdAt: 'asc' },
    });
  }
}
