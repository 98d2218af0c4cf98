import { Inject, Injectable } from '@nestjs/common';
import pg from 'pg';
import { RUNTIME, type Runtime } from '../config/runtime.js';

/** Arbitrary, fixed: the advisory lock all portal instances take before an alert tick. */
const ALERT_TICK_LOCK = 0x4d4e5044_4448;

/**
 * A PostgreSQL advisory lock on a connection of its own (a pooled Prisma
 * connection may change between queries), so two portal instances never run
 * an alert tick — and send the same alert — at the same time.
 *
 * Within one instance the lock is re-entrant, as PostgreSQL's session locks
 * are (the tick delivers alerts through the same lock an urgent request's
 * prompt delivery takes): the instance takes it once for all its holders and
 * releases it when the last one leaves. Its queries run one after another
 * and there is one connection, whatever the number of callers at once.
 */
@Injectable()
export class SchedulerLock {
  #client: Promise<pg.Client> | null = null;
  #queries: Promise<unknown> = Promise.resolve();
  #holders = 0;
  #acquiring: Promise<boolean> | null = null;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  /** Runs `work` if no other instance holds the lock; false when it was taken. */
  async whileHeld(work: () => Promise<void>): Promise<boolean> {
    if (!(await this.enter())) return false;
    try {
      await work();
      return true;
    } finally {
      await this.leave();
    }
  }

  /** Closes the lock's connection (the scheduler calls it once its last tick is over). */
  async close(): Promise<void> {
    await this.drop();
  }

  private async enter(): Promise<boolean> {
    if (this.#holders > 0) {
      this.#holders++;
      return true;
    }
    this.#acquiring ??= this.query('SELECT pg_try_advisory_lock($1) AS locked')
      .then(
        (rows) => rows[0]?.locked === true,
        () => false,
      )
      .finally(() => (this.#acquiring = null));
    const locked = await this.#acquiring;
    if (locked) this.#holders++;
    return locked;
  }

  private async leave(): Promise<void> {
    this.#holders--;
    if (this.#holders > 0) return;
    await this.query('SELECT pg_advisory_unlock($1) AS locked').catch(() => this.drop());
  }

  /** One query at a time on the lock's connection (pg refuses to overlap them). */
  private query(sql: string): Promise<{ locked?: boolean }[]> {
    const run = this.#queries.then(async () => (await (await this.connection()).query<{ locked?: boolean }>(sql, [ALERT_TICK_LOCK])).rows);
    this.#queries = run.catch(() => undefined);
    return run;
  }

  private connection(): Promise<pg.Client> {
    this.#client ??= this.connect();
    return this.#client;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.runtime.databaseUrl, connectionTimeoutMillis: 2_000 });
    // A lost connection releases the lock by itself; the next tick reconnects.
    client.on('error', () => void this.drop());
    try {
      await client.connect();
      return client;
    } catch (error) {
      this.#client = null;
      throw error;
    }
  }

  private async drop(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    await (await client?.catch(() => null))?.end().catch(() => undefined);
  }
}
