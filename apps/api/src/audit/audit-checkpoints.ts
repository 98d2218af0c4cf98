import { Inject, Injectable } from '@nestjs/common';
import type { AuditCheckpointView } from '@mnpddh/shared';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { signAuditCheckpoint, type AuditCheckpoint } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { AuditRepository, type CheckpointRow } from './audit.repository.js';
import { AuditService } from './audit.service.js';

export { CHECKPOINT_EXPORTED_SETTING } from './audit.repository.js';

/**
 * Signed checkpoints of the audit log: its row count and head hash, signed
 * with the checkpoint key (which never enters the database), to be copied
 * off the server. Each checkpoint is itself logged, and covers its own event.
 */
@Injectable()
export class AuditCheckpoints {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: AuditRepository,
    private readonly audit: AuditService,
  ) {}

  /** On demand: signs the head now. `actorId` null: the scheduler. */
  async signNow(actorId: string | null): Promise<AuditCheckpointView> {
    return this.prisma.$transaction((tx) => this.sign(tx, actorId));
  }

  /** For the scheduler: signs only when something was logged since the latest checkpoint (or the key changed). */
  async signIfChanged(): Promise<AuditCheckpointView | null> {
    return this.prisma.$transaction(async (tx) => {
      // Under the append lock: nothing is logged, and no other instance signs, between the check and the signature.
      const head = await this.repository.lockHead(tx);
      const latest = await this.repository.latestCheckpoint(tx);
      const unchanged = latest !== null && latest.rowCount === (head?.seq ?? 0n) && latest.keyVersion === this.key.version;
      return unchanged ? null : this.sign(tx, null);
    });
  }

  /**
   * The latest checkpoint, for safekeeping off the server. When it was last
   * downloaded is kept as a setting (not an audit event, which would grow the
   * log and so call for a new checkpoint): the operational alerts watch it.
   */
  async exportLatest(): Promise<AuditCheckpointView | null> {
    const row = await this.repository.latestCheckpoint(this.prisma);
    if (!row) return null;
    await this.repository.markCheckpointExported(this.prisma, new Date().toISOString());
    return this.view(row);
  }

  private async sign(tx: Db, actorId: string | null): Promise<AuditCheckpointView> {
    const before = await this.repository.lockHead(tx);
    const rowCount = (before?.seq ?? 0n) + 1n;
    await this.audit.record({ action: 'audit.checkpoint', actorId, details: { rowCount: Number(rowCount), scheduled: actorId === null } }, tx);
    const head = await this.repository.lockHead(tx);
    if (head?.seq !== rowCount) throw new Error('audit head moved while holding the append lock');
    const checkpoint: AuditCheckpoint = {
      tenant: this.runtime.config.TENANT,
      rowCount: Number(rowCount),
      headHash: head.hash,
      signedAt: new Date().toISOString(),
    };
    const row: CheckpointRow = {
      rowCount,
      headHash: head.hash,
      signedAt: new Date(checkpoint.signedAt),
      keyVersion: this.key.version,
      signature: signAuditCheckpoint(checkpoint, this.key.value),
    };
    await this.repository.insertCheckpoint(tx, row);
    return this.view(row);
  }

  private get key() {
    return this.runtime.secrets.auditCheckpointKey;
  }

  private view(row: CheckpointRow): AuditCheckpointView {
    return {
      tenant: this.runtime.config.TENANT,
      rowCount: Number(row.rowCount),
      headHash: row.headHash,
      signedAt: row.signedAt.toISOString(),
      signature: row.signature,
      publicKey: this.key.value.publicKey,
    };
  }
}
