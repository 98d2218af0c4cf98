import { Argon2Gate } from './argon2-gate.js';
import { RateLimitedError } from './rate-limited.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('Argon2Gate', () => {
  it('runs at most `concurrency` derivations at once and queues the rest in order', async () => {
    const sut = new Argon2Gate({ concurrency: 2, queueLimit: 5 });
    const started: number[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, index) =>
      sut.run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(sut.load).toEqual({ running: 2, waiting: 1 });
    gates[0]?.resolve();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.resolve();
    gates[2]?.resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
    expect(sut.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with 429 once the queue is full, without running the derivation', async () => {
    const sut = new Argon2Gate({ concurrency: 1, queueLimit: 1 });
    const hold = deferred();
    const first = sut.run(() => hold.promise);
    const second = sut.run(() => Promise.resolve());
    let ran = false;
    await expect(
      sut.run(async () => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect(ran).toBe(false);
    hold.resolve();
    await Promise.all([first, second]);
  });

  it('frees its slot when a derivation fails', async () => {
    const sut = new Argon2Gate({ concurrency: 1, queueLimit: 0 });
    await expect(sut.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
