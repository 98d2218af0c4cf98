import { WorkGate } from '../common/work-gate.js';

/**
 * `proven`: someone who already showed more than a password guess — a valid
 * second factor for an existing account at sign-in, a staff session, an
 * activation link. `anonymous`: every other sign-in, known address or not
 * (one lane for both, so that waiting time does not tell which addresses
 * belong to staff).
 */
export type StaffLane = 'proven' | 'anonymous';

/**
 * The staff side's own work pool, apart from the public side's: a whole
 * sign-in attempt (the password derivation, then the failure count or the new
 * session) holds one slot, so a flood of guesses can neither exhaust memory
 * nor pile transactions up on the database. Proven requests always go first.
 */
export class StaffWork extends WorkGate<StaffLane> {
  constructor() {
    super({
      concurrency: 2,
      maxWaitMs: 30_000,
      lanes: {
        proven: { priority: 0, weight: 1, queueLimit: 50 },
        anonymous: { priority: 1, weight: 1, queueLimit: 100 },
      },
    });
  }
}
