import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/interval-job.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { StoredContent } from '../vault/stored-content.js';
import { ThreadFiles } from '../vault/thread-files.js';

const HOUR_MS = 60 * 60_000;
/** Longer than any transaction that writes a stored object before it commits (60 s at most). */
const ORPHAN_GRACE_MS = HOUR_MS;

/**
 * At start and every hour: expired uploads go (rows, then their pieces),
 * and so does any stored object that no row names any more — what a crash
 * between a write and its commit, or between a delete and the removal of
 * its bytes, left behind. Nothing in the file store outlives its row by
 * more than about two hours.
 */
@Injectable()
export class StoredFilesSweep extends IntervalJob<number> {
  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly threadFiles: ThreadFiles,
    private readonly content: StoredContent,
  ) {
    super(runtime.logger, 'file store sweep failed', 0);
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    void this.tick();
  }

  protected intervalMs(): number {
    return HOUR_MS;
  }

  protected async run(): Promise<number> {
    await this.threadFiles.sweepExpired();
    return this.content.removeOrphans(ORPHAN_GRACE_MS);
  }
}
