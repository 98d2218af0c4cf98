import { WorkGate } from '../common/work-gate.js';

/**
 * `assisted`: a caseworker filing for someone who called. The others are
 * anonymous: a submission or a receipt check, with (`-paid`) or without a
 * solved client puzzle at the current difficulty.
 */
export type PublicLane = 'assisted' | 'intake' | 'intake-paid' | 'follow-up' | 'follow-up-paid';

/**
 * The public side's own work pool, apart from staff sign-in: every receipt
 * derivation (issuing one with a new case, checking one at follow-up) costs
 * an Argon2id of 64 MiB. There are no addresses worth throttling on (Tor
 * makes all clients look alike), so there is no budget a stranger could spend
 * for everyone: submissions and follow-ups have lanes of their own (a flood
 * of one does not starve the other), a solved puzzle buys three slots in four
 * of its kind, and a client without JavaScript still waits its turn in line.
 */
export class PublicWork extends WorkGate<PublicLane> {
  constructor() {
    super({
      concurrency: 2,
      // A waiting request costs a socket and a parsed body, not an Argon2id: lines can be long, waits are bounded.
      maxWaitMs: 60_000,
      lanes: {
        assisted: { priority: 0, weight: 1, queueLimit: 20 },
        'intake-paid': { priority: 1, weight: 3, queueLimit: 100 },
        'follow-up-paid': { priority: 1, weight: 3, queueLimit: 100 },
        intake: { priority: 1, weight: 1, queueLimit: 200 },
        'follow-up': { priority: 1, weight: 1, queueLimit: 200 },
      },
    });
  }

  /** Anonymous attempts waiting in line (not the assisted lane): what the puzzle's difficulty follows. */
  get anonymousWaiting(): number {
    return this.load.waiting - this.waitingIn('assisted');
  }
}
