/**
 * WebAuthn challenges waiting for their answer, in memory (one API process,
 * like the used TOTP steps). Each is bound to what it was issued for (an
 * e-mail address at sign-in, a user id at enrolment), lives two minutes and
 * is taken once. Bounded: under a flood the oldest go first, and the person
 * simply asks again (TOTP remains the fallback).
 */
export const CHALLENGE_TTL_MS = 120_000;

interface Pending {
  readonly binding: string;
  readonly expiresAt: number;
}

export type ChallengePurpose = 'sign-in' | 'enrol';

export class ChallengeStore {
  readonly #pending = new Map<string, Pending>();

  constructor(private readonly capacity = 10_000) {}

  remember(purpose: ChallengePurpose, challenge: string, binding: string, now: Date): void {
    if (this.#pending.size >= this.capacity) this.dropOldest(now);
    this.#pending.set(`${purpose}:${challenge}`, { binding, expiresAt: now.getTime() + CHALLENGE_TTL_MS });
  }

  /** Whether the challenge is pending, unexpired and bound to `binding` (without using it up). */
  isValid(purpose: ChallengePurpose, challenge: string, binding: string, now: Date): boolean {
    const pending = this.#pending.get(`${purpose}:${challenge}`);
    return pending !== undefined && pending.binding === binding && pending.expiresAt > now.getTime();
  }

  /** Uses the challenge up: true once, for the first caller that still finds it valid. */
  take(purpose: ChallengePurpose, challenge: string, binding: string, now: Date): boolean {
    const valid = this.isValid(purpose, challenge, binding, now);
    if (valid) this.#pending.delete(`${purpose}:${challenge}`);
    return valid;
  }

  private dropOldest(now: Date): void {
    for (const [key, pending] of this.#pending) {
      if (pending.expiresAt <= now.getTime()) this.#pending.delete(key);
    }
    if (this.#pending.size < this.capacity) return;
    const oldest = this.#pending.keys().next().value;
    if (oldest !== undefined) this.#pending.delete(oldest);
  }
}
