import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { signStaffStatus, staffStatusVerifies, type StaffStatusClaims } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { StaffStatusRepository } from './staff-status.repository.js';

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
  /**
   * Statements already verified, by their exact bytes: a session's every
   * request reads the row again (a change on another connection must count at
   * once) but checks a signature only the first time it sees it. The key is
   * the whole signed statement, so a rewritten row is a new key and is verified.
   */
  private readonly verified = new Set<string>();

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly repository: StaffStatusRepository,
  ) {}

  /** A new status, one epoch after the last, signed; in the transaction that makes the change. */
  async record(tx: Db, staffId: string, status: Status): Promise<number> {
    const previous = await this.repository.findStatement(tx, staffId);
    const claims: StaffStatusClaims = { tenant: this.runtime.config.TENANT, userId: staffId, status, epoch: (previous?.epoch ?? 0) + 1 };
    const signature = signStaffStatus(claims, this.runtime.secrets.directoryKey.value);
    await this.repository.saveStatement(tx, { staffId, status, epoch: claims.epoch, signature });
    return claims.epoch;
  }

  /** False when the latest signed status is not active, or when the stored one does not verify (rewritten). */
  async allows(db: Db, staffId: string): Promise<boolean> {
    const row = await this.repository.findStatement(db, staffId);
    if (!row) return true;
    if (row.status !== 'active') return false;
    const publicKey = this.runtime.secrets.directoryKey.value.publicKey;
    // The verifying key is part of the statement's identity: a rotated directory key verifies everything again.
    const statement = `${Buffer.from(publicKey).toString('base64')}|${staffId}|${row.epoch}|${row.signature}`;
    if (this.verified.has(statement)) return true;
    const claims = { tenant: this.runtime.config.TENANT, userId: staffId, status: row.status as Status, epoch: row.epoch };
    if (!staffStatusVerifies(claims, row.signature, publicKey)) return false;
    // Bounded by the staff's size in practice; cleared whole if a flood of rewrites ever grew it.
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.add(statement);
    return true;
  }
}
