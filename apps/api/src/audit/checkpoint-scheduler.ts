import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/interval-job.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { SECURITY_EVENTS, type SecurityEvents } from './security-events.js';

/** Set while a run signs: the commit of the run's own checkpoint runs the anchor's hook inside it. */
const signing = new AsyncLocalStorage<true>();

/** Every AUDIT_CHECKPOINT_MINUTES, and after every security-relevant event, signs the audit log's head if anything was logged since the last checkpoint. */
@Injectable()
export class CheckpointScheduler extends IntervalJob {
  #again = false;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly checkpoints: AuditCheckpoints,
    @Inject(SECURITY_EVENTS) events: SecurityEvents,
  ) {
    super(runtime.logger, 'audit checkpoint failed', undefined);
    // A revocation, an escrow change, a custodian's act: signed at once, not minutes later.
    events.whenSecurityEvent(() => this.afterSecurityEvent());
  }

  /**
   * The checkpoint's own commit brings the anchor up to date, which may fold
   * a security event committed meanwhile by another request. Waiting for the
   * run from inside that run would never end (it held requests until the
   * server's timeout): the run signs once more when it ends instead.
   */
  private afterSecurityEvent(): Promise<void> {
    if (signing.getStore()) {
      this.#again = true;
      return Promise.resolve();
    }
    return this.tick();
  }

  protected intervalMs(): number {
    return this.runtime.config.AUDIT_CHECKPOINT_MINUTES * 60_000;
  }

  protected run(): Promise<void> {
    return signing.run(true, async () => {
      do {
        this.#again = false;
        const signed = await this.checkpoints.signIfChanged();
        if (signed) this.runtime.logger.info({ rowCount: signed.rowCount }, 'audit checkpoint signed');
      } while (this.#again);
    });
  }
}
