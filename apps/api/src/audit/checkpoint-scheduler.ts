import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/interval-job.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import { AuditCheckpoints } from './audit-checkpoints.js';

/** Every AUDIT_CHECKPOINT_MINUTES, and after every security-relevant event, signs the audit log's head if anything was logged since the last checkpoint. */
@Injectable()
export class CheckpointScheduler extends IntervalJob {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly checkpoints: AuditCheckpoints,
    anchor: IntegrityAnchor,
  ) {
    super(runtime.logger, 'audit checkpoint failed', undefined);
    // A revocation, an escrow change, a custodian's act: signed at once, not minutes later.
    anchor.whenSecurityEvent(() => this.tick());
  }

  protected intervalMs(): number {
    return this.runtime.config.AUDIT_CHECKPOINT_MINUTES * 60_000;
  }

  protected async run(): Promise<void> {
    const signed = await this.checkpoints.signIfChanged();
    if (signed) this.runtime.logger.info({ rowCount: signed.rowCount }, 'audit checkpoint signed');
  }
}
