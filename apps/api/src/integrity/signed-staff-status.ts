import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { signStaffStatus, staffStatusVerifies, type StaffStatusClaims } from '../crypto/index.js';
import type { Db } from '../database/db.js';

type Status = StaffStatusClaims['status'];

/**
 * Each staff member's latest status change as a statement signed with the
 * directory key (table staff_status_statement). Consulted with the anchor
 * wherever a person's standing matters (sign-in, every session, every seal
 * and grant): a person whose signed status is not active — or whose stored
 * status no longer verifies, because someone rewrote it — gets nothing,
 * whatever `staff_user.active` says, even on a server that lost its anchor.
 */
@Injectable()
export class SignedStaffStatus {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  /** A new status, one epoch after the last, signed; in the transaction that makes the change. */
  async record(tx: Db, staffId: string, status: Status): Promise<number> {
    const previous = await tx.staffStatusStatement.findUnique({ where: { staffId } });
    const claims: StaffStatusClaims = { tenant: this.runtime.config.TENANT, userId: staffId, status, epoch: (previous?.epoch ?? 0) + 1 };
    const signature = signStaffStatus(claims, this.runtime.secrets.directoryKey.value);
    await tx.staffStatusStatement.upsert({ where: { staffId }, create: { staffId, status, epoch: claims.epoch, signature }, update: { status, epoch: claims.epoch, signature } });
    return claims.epoch;
  }

  /** False when the latest signed status is not active, or when the stored one does not verify (rewritten). */
  async allows(db: Db, staffId: string): Promise<boolean> {
    const row = await db.staffStatusStatement.findUnique({ where: { staffId } });
    if (!row) return true;
    const claims = { tenant: this.runtime.config.TENANT, userId: staffId, status: row.status as Status, epoch: row.epoch };
    return row.status === 'active' && staffStatusVerifies(claims, row.signature, this.runtime.secrets.directoryKey.value.publicKey);
  }
}
