/**
 * The alert tick's advisory lock, on the real database: two portal instances
 * never hold it at once; within one instance it is re-entrant (the tick
 * delivers through the same lock an urgent request's prompt delivery takes),
 * callers arriving together share one connection, and its queries never
 * overlap on that connection (pg deprecates overlapping queries).
 */
import pg from 'pg';
import type { Runtime } from '../../apps/api/src/config/runtime.js';
import { SchedulerLock } from '../../apps/api/src/notify/scheduler-lock.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
const locks: SchedulerLock[] = [];

function instance(): SchedulerLock {
  const lock = new SchedulerLock({ databaseUrl: database.appUrl } as Runtime);
  locks.push(lock);
  return lock;
}

/** Connections this test's portal instances opened (as the application role, to this database). */
async function lockConnections(): Promise<number> {
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user',
    );
    return rows[0]?.n ?? -1;
  } finally {
    await owner.end();
  }
}

function latch(): { wait: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(locks.map((lock) => lock.close()));
});

it('keeps a second instance out while the first holds it, and lets the first in again', async () => {
  const first = instance();
  const second = instance();
  const holding = latch();
  const entered = latch();
  const held = first.whileHeld(async () => {
    entered.open();
    await holding.wait;
  });
  await entered.wait;

  expect(await second.whileHeld(async () => undefined)).toBe(false);
  let nested = false;
  expect(await first.whileHeld(async () => void (nested = true))).toBe(true);
  expect(nested).toBe(true);
  // The nested holder left; the lock stays with the first instance until its tick ends.
  expect(await second.whileHeld(async () => undefined)).toBe(false);

  holding.open();
  expect(await held).toBe(true);
  expect(await second.whileHeld(async () => undefined)).toBe(true);
});

it('opens one connection and never overlaps queries when many callers arrive at once', async () => {
  const before = await lockConnections();
  const lock = instance();
  let inFlight = 0;
  let overlapped = 0;
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => Promise<unknown> };
  const query = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (inFlight > 0) overlapped++;
    inFlight++;
    return query.apply(this, args).finally(() => inFlight--);
  };
  try {
    const ran = await Promise.all(Array.from({ length: 20 }, () => lock.whileHeld(() => new Promise((resolve) => setImmediate(resolve)))));
    expect(ran.every(Boolean)).toBe(true);
    expect(await lockConnections()).toBe(before + 1);
    expect(overlapped).toBe(0);
  } finally {
    prototype.query = query;
  }
  // Released once the last caller left: another instance can take it.
  expect(await instance().whileHeld(async () => undefined)).toBe(true);
});
