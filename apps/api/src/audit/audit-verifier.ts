import { Inject, Injectable } from '@nestjs/common';
import type { AuditVerification, AuditVerifyRequest } from '@mnpddh/shared';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { CryptoError, verifyAuditCheckpoint, type AuditCheckpoint } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { AuditRepository, type CheckpointRow } from './audit.repository.js';
import { ChainWalk } from './chain-walk.js';

/** Rows read at a time: memory stays flat whatever the log's length. */
const BATCH = 1000;

type Exported = AuditVerifyRequest['checkpoint'];

/**
 * GET /api/audit/verify: the whole chain recomputed under the chain key,
 * then compared with the latest signed checkpoint, so a truncated tail
 * (fewer rows than signed) or a rewritten one is caught as well as an edited,
 * deleted, reordered or forged row. POST with the checkpoint the auditor
 * exported earlier compares the chain with that one too: deleting the latest
 * checkpoints and the rows after an older one does not fool it.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: AuditRepository,
  ) {}

  async verify(exported: Exported | null = null): Promise<AuditVerification> {
    // The checkpoint first: the chain only grows after it, so every row it signed is there to read.
    const checkpoint = await this.repository.latestCheckpoint(this.prisma);
    const marks = [checkpoint?.rowCount, exported ? BigInt(exported.rowCount) : undefined].filter((mark) => mark !== undefined);
    const walk = new ChainWalk(this.runtime.secrets.auditChainKey, marks);
    await this.walkWholeChain(walk);
    const verdict = judge(walk, checkpoint, checkpoint !== null && this.signatureHolds(stored(this.runtime.config.TENANT, checkpoint), checkpoint.signature));
    return exported
      ? withExported(verdict, walk, exported, this.signatureHolds(exported, exported.signature) && exported.tenant === this.runtime.config.TENANT)
      : verdict;
  }

  private async walkWholeChain(walk: ChainWalk): Promise<void> {
    let after = 0n;
    for (;;) {
      const rows = await this.repository.list(this.prisma, after, BATCH);
      for (const row of rows) if (!walk.step(row)) return;
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) return walk.finish();
      after = last.seq;
    }
  }

  /** Checked against the configured key's public half, never against anything stored in the database or uploaded. */
  private signatureHolds(checkpoint: AuditCheckpoint, signature: string): boolean {
    try {
      verifyAuditCheckpoint(checkpoint, signature, this.runtime.secrets.auditCheckpointKey.value.publicKey);
      return true;
    } catch (error) {
      if (error instanceof CryptoError) return false;
      throw error;
    }
  }
}

function stored(tenant: string, row: CheckpointRow): AuditCheckpoint {
  return { tenant, rowCount: Number(row.rowCount), headHash: row.headHash, signedAt: row.signedAt.toISOString() };
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
    return { valid: brokenAt === null, checked: walk.checked, firstBrokenId: brokenAt?.toString() ?? null, checkpoint: null, exported: null };
  }
  const hash = walk.hashAt(checkpoint.rowCount);
  const matches = signatureHolds && hash !== null && hash === checkpoint.headHash;
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
    exported: null,
  };
}

/** The verdict once compared with the auditor's own copy of a checkpoint. */
export function withExported(verdict: AuditVerification, walk: ChainWalk, exported: Exported, signatureValid: boolean): AuditVerification {
  const hash = walk.hashAt(BigInt(exported.rowCount));
  const matches = signatureValid && hash !== null && hash === exported.headHash;
  return {
    ...verdict,
    valid: verdict.valid && matches,
    firstBrokenId: verdict.firstBrokenId ?? (matches || !signatureValid ? null : String(exported.rowCount)),
    exported: { rowCount: exported.rowCount, signedAt: exported.signedAt, signatureValid, matches },
  };
}
