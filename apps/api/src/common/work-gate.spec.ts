import { BusyError } from './busy.js';
import { WorkGate } from './work-gate.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

type Lane = 'first' | 'fast' | 'slow';

function gate(concurrency: number, queueLimit = 10, maxWaitMs = 60_000) {
  return new WorkGate<Lane>({
    concurrency,
    maxWaitMs,
    lanes: {
      first: { priority: 0, weight: 1, queueLimit },
      fast: { priority: 1, weight: 3, queueLimit },
      slow: { priority: 1, weight: 1, queueLimit },
    },
  });
}

/** Holds the only slot, queues `lanes` in order, then frees slots one by one: the order they ran in. */
async function servedOrder(sut: WorkGate<Lane>, lanes: Lane[]): Promise<string[]> {
  const hold = deferred();
  const holding = sut.run('slow', () => hold.promise);
  const order: string[] = [];
  const runs = lanes.map((lane, index) => sut.run(lane, async () => void order.push(`${lane}${index}`)));
  hold.resolve();
  await Promise.all([holding, ...runs]);
  return order;
}

describe('WorkGate', () => {
  it('runs at most `concurrency` units at once and queues the rest', async () => {
    const sut = gate(2);
    const holds = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = holds.map((hold, index) =>
      sut.run('slow', async () => {
        started.push(index);
        await hold.promise;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(sut.load).toEqual({ running: 2, waiting: 1, concurrency: 2 });
    holds[0]?.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    holds[1]?.resolve();
    holds[2]?.resolve();
    await Promise.all(runs);
    expect(sut.load).toEqual({ running: 0, waiting: 0, concurrency: 2 });
  });

  it('serves a higher-priority lane first, whoever queued before it', async () => {
    expect(await servedOrder(gate(1), ['slow', 'slow', 'fast', 'first'])).toEqual(['first3', 'fast2', 'slow0', 'slow1']);
  });

  it('shares slots between lanes of equal priority by weight, first come first served within a lane', async () => {
    const order = await servedOrder(gate(1, 20), [...Array<Lane>(8).fill('slow'), ...Array<Lane>(8).fill('fast')]);
    // Of the first eight served, six are fast and two slow: a flood in one lane does not stop the other.
    const firstEight = order.slice(0, 8);
    expect(firstEight.filter((name) => name.startsWith('fast'))).toHaveLength(6);
    expect(firstEight.filter((name) => name.startsWith('slow'))).toEqual(['slow0', 'slow1']);
  });

  it('answers 503 BUSY with a Retry-After at once when a lane is full, without running the work', async () => {
    const sut = gate(1, 1);
    const hold = deferred();
    const first = sut.run('slow', () => hold.promise);
    const second = sut.run('slow', () => Promise.resolve());
    let ran = false;
    const refused = await sut.run('slow', async () => void (ran = true)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BusyError);
    expect((refused as BusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(ran).toBe(false);
    // Another lane still has room.
    const other = sut.run('fast', () => Promise.resolve('fast'));
    hold.resolve();
    await expect(Promise.all([first, second, other])).resolves.toEqual([undefined, undefined, 'fast']);
  });

  it('gives up on a wait longer than maxWaitMs with 503 BUSY, and the line moves on', async () => {
    const sut = gate(1, 10, 50);
    const hold = deferred();
    const first = sut.run('slow', () => hold.promise);
    await expect(sut.run('slow', () => Promise.resolve())).rejects.toBeInstanceOf(BusyError);
    expect(sut.load.waiting).toBe(0);
    hold.resolve();
    await first;
    await expect(sut.run('slow', () => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('runs gated work started inside a slot at once instead of waiting for a second slot', async () => {
    const sut = gate(1);
    await expect(sut.run('slow', () => sut.run('first', () => Promise.resolve('nested')))).resolves.toBe('nested');
  });

  it('frees its slot when the work fails', async () => {
    const sut = gate(1, 0);
    await expect(sut.run('slow', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run('slow', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
