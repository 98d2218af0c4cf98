import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** Sealed statistics increments waiting for a batch (PendingCounters seals them). */
@Injectable()
export class PendingCountersRepository {
  async insertPending(tx: Db, id: string, sealed: string): Promise<void> {
    await tx.statPending.create({ data: { id, sealed } });
  }
}
