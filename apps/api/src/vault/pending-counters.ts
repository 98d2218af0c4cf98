import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { sealPendingIncrement } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PendingCountersRepository } from './pending-counters.repository.js';
import type { PendingIncrement } from './pending-increments.js';

/**
 * Every statistics increment goes through here, in the transaction of the
 * change it counts. It is not applied there: a counter row written in the
 * case's own transaction carries that transaction's id (xmin), which names
 * the case's categories to whoever copies the database. It waits sealed to
 * the statistics key in stat_pending until a batch mixes it with others
 * (reports/statistics-batches.ts); committed with the case, it is never lost.
 */
@Injectable()
export class PendingCounters {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly repository: PendingCountersRepository,
  ) {}

  async queue(tx: Db, increment: PendingIncrement): Promise<void> {
    const id = randomUUID();
    const sealed = sealPendingIncrement(this.runtime.secrets.indexKey, JSON.stringify(increment), this.runtime.config.TENANT, id);
    await this.repository.insertPending(tx, id, sealed);
  }
}
