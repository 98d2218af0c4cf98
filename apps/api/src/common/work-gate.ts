import { AsyncLocalStorage } from 'node:async_hooks';
import { BusyError } from './busy.js';

export interface LaneLimits {
  /** lanes with a lower number are always served first */
  readonly priority: number;
  /** among lanes of the same priority, the share of free slots this one gets */
  readonly weight: number;
  /** requests allowed to wait in this lane; beyond that the caller gets 503 at once */
  readonly queueLimit: number;
}

export interface WorkGateLimits<Lane extends string> {
  /** units of work running at once (each may hold an Argon2id's memory and a database connection) */
  readonly concurrency: number;
  /** how long a request may wait in line before it is answered 503 with Retry-After */
  readonly maxWaitMs: number;
  readonly lanes: Readonly<Record<Lane, LaneLimits>>;
}

interface Waiter {
  readonly start: () => void;
  readonly timer: NodeJS.Timeout;
}

interface LaneState {
  readonly limits: LaneLimits;
  readonly waiting: Waiter[];
  /** smooth weighted round-robin credit */
  credit: number;
}

export interface GateLoad {
  readonly running: number;
  readonly waiting: number;
  readonly concurrency: number;
}

/**
 * A fixed number of work slots shared by named lanes, so that a flood in one
 * lane cannot starve another: a slot that frees goes to the highest-priority
 * lane with someone waiting, and lanes of equal priority share slots by
 * weight (smooth weighted round-robin). Each lane's line is bounded and first
 * come, first served; past its bound, or after `maxWaitMs` in line, the
 * caller gets 503 BUSY with a Retry-After, never an unbounded wait.
 * Work started inside a slot that runs more gated work runs it at once.
 */
export class WorkGate<Lane extends string> {
  readonly #lanes: Map<Lane, LaneState>;
  readonly #holding = new AsyncLocalStorage<true>();
  #running = 0;
  /** average milliseconds a unit of work takes, to tell a refused caller when to come back */
  #averageMs = 500;

  constructor(private readonly limits: WorkGateLimits<Lane>) {
    this.#lanes = new Map(
      (Object.entries(limits.lanes) as [Lane, LaneLimits][]).map(([lane, laneLimits]) => [lane, { limits: laneLimits, waiting: [], credit: 0 }]),
    );
  }

  async run<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
    if (this.#holding.getStore()) return work();
    await this.acquire(lane);
    const started = performance.now();
    try {
      return await this.#holding.run(true, work);
    } finally {
      this.#averageMs = 0.8 * this.#averageMs + 0.2 * (performance.now() - started);
      this.release();
    }
  }

  get load(): GateLoad {
    let waiting = 0;
    for (const state of this.#lanes.values()) waiting += state.waiting.length;
    return { running: this.#running, waiting, concurrency: this.limits.concurrency };
  }

  waitingIn(lane: Lane): number {
    return this.#lanes.get(lane)?.waiting.length ?? 0;
  }

  /** Milliseconds a unit of work takes on average, lately. */
  get averageMs(): number {
    return this.#averageMs;
  }

  private acquire(lane: Lane): Promise<void> {
    if (this.#running < this.limits.concurrency) {
      this.#running++;
      return Promise.resolve();
    }
    const state = this.#lanes.get(lane);
    if (!state) throw new Error(`unknown lane ${lane}`);
    if (state.waiting.length >= state.limits.queueLimit) throw new BusyError(this.retryAfterSeconds());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          state.waiting.splice(state.waiting.indexOf(waiter), 1);
          reject(new BusyError(this.retryAfterSeconds()));
        }, this.limits.maxWaitMs),
      };
      state.waiting.push(waiter);
    });
  }

  /** The freed slot goes straight to the next waiter (running stays the same), or is given back. */
  private release(): void {
    const next = this.nextLane();
    if (next) next.waiting.shift()?.start();
    else this.#running--;
  }

  private nextLane(): LaneState | null {
    const candidates = [...this.#lanes.values()].filter((state) => state.waiting.length > 0);
    if (candidates.length === 0) return null;
    const top = Math.min(...candidates.map((state) => state.limits.priority));
    const eligible = candidates.filter((state) => state.limits.priority === top);
    const total = eligible.reduce((sum, state) => sum + state.limits.weight, 0);
    let chosen = eligible[0] as LaneState;
    for (const state of eligible) {
      state.credit += state.limits.weight;
      if (state.credit > chosen.credit) chosen = state;
    }
    chosen.credit -= total;
    return chosen;
  }

  /** Roughly how long until the line ahead has drained, in whole seconds (1 to 60). */
  private retryAfterSeconds(): number {
    const seconds = ((this.load.waiting + 1) * this.#averageMs) / this.limits.concurrency / 1000;
    return Math.min(60, Math.max(1, Math.ceil(seconds)));
  }
}
