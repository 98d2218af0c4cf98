import { Inject, Injectable } from '@nestjs/common';
import type { AuditVerification } from '@mnpddh/shared';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { CryptoError, verifyAuditCheckpoint } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { AuditRepository, type CheckpointRow } from './audit.repository.js';
import { ChainWalk } from './chain-walk.js';

/** Rows read at a time: memory stays flat whatever the log's length. */
const BATCH = 1000;

/**
 * GET /api/audit/verify: the whole chain recomputed, then compared with the
 * latest signed checkpoint, so a truncated tail (fewer rows than signed) or a
 * rewritten one (hashes recomputed by someone without the checkpoint key) is
 * caught as well as an edited, deleted or reordered row.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: AuditRepository,
  ) {}

  async verify(): Promise<AuditVerification> {
    // The checkpoint first: the chain only grows after it, so every row it signed is there to read.
    const checkpoint = await this.repository.latestCheckpoint(this.prisma);
    const walk = new ChainWalk(checkpoint?.rowCount ?? null);
    await this.walkWholeChain(walk);
    return judge(walk, checkpoint, checkpoint !== null && this.signatureHolds(checkpoint));
  }

  private async walkWholeChain(walk: ChainWalk): Promise<void> {
    let after = 0n;
    for (;;) {
      const rows = await this.repository.list(this.prisma, after, BATCH);
      for (const row of rows) if (!walk.step(row)) return;
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) return;
      after = last.seq;
    }
  }

  /** Checked against the configured key's public half, never against anything stored in the database. */
  private signatureHolds(row: CheckpointRow): boolean {
    const { config, secrets } = this.runtime;
    const checkpoint = { tenant: config.TENANT, rowCount: Number(row.rowCount), headHash: row.headHash, signedAt: row.signedAt.toISOString() };
    try {
      verifyAuditCheckpoint(checkpoint, row.signature, secrets.auditCheckpointKey.value.publicKey);
      return true;
    } catch (error) {
      if (error instanceof CryptoError) return false;
      throw error;
    }
  }
}

/**
 * The verdict. firstBrokenId is the first row that is missing or does not
 * verify; when the chain holds together but not the checkpoint's rows
 * (truncated or rewritten tail), it is the checkpoint's last row; for a
 * checkpoint whose signature fails no row can be named (null, still invalid).
 */
export function judge(walk: ChainWalk, checkpoint: CheckpointRow | null, signatureHolds: boolean): AuditVerification {
  const brokenAt = walk.brokenAt;
  if (checkpoint === null) {
    return { valid: brokenAt === null, checked: walk.checked, firstBrokenId: brokenAt?.toString() ?? null, checkpoint: null };
  }
  const matches = signatureHolds && walk.hashAtMark !== null && walk.hashAtMark === checkpoint.headHash;
  const tailBroken = !matches && signatureHolds ? checkpoint.rowCount.toString() : null;
  return {
    valid: brokenAt === null && matches,
    checked: walk.checked,
    firstBrokenId: brokenAt?.toString() ?? tailBroken,
    checkpoint: {
      rowCount: Number(checkpoint.rowCount),
      headHash: checkpoint.headHash,
      signedAt: checkpoint.signedAt.toISOString(),
      matches,
    },
  };
}
