import { Inject, Injectable } from '@nestjs/common';
import pg from 'pg';
import { RUNTIME, type Runtime } from '../config/runtime.js';

/** Arbitrary, fixed: the advisory lock all portal instances take before an alert tick. */
const ALERT_TICK_LOCK = 0x4d4e5044_4448;

/**
 * A PostgreSQL advisory lock on a connection of its own (a pooled Prisma
 * connection may change between queries), so two portal instances never run
 * an alert tick — and send the same alert — at the same time.
 */
@Injectable()
export class SchedulerLock {
  private client: pg.Client | null = null;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  /** Runs `work` if no other instance holds the lock; false when it was taken. */
  async whileHeld(work: () => Promise<void>): Promise<boolean> {
    const client = await this.connection();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [ALERT_TICK_LOCK]);
    if (!rows[0]?.locked) return false;
    try {
      await work();
      return true;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ALERT_TICK_LOCK]).catch(() => this.drop());
    }
  }

  /** Closes the lock's connection (the scheduler calls it once its last tick is over). */
  async close(): Promise<void> {
    await this.drop();
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.runtime.databaseUrl, connectionTimeoutMillis: 2_000 });
    // A lost connection releases the lock by itself; the next tick reconnects.
    client.on('error', () => void this.drop());
    await client.connect();
    this.client = client;
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
