import { randomUUID } from 'node:crypto';
import type { DrasticActKind, DrasticActRequest } from '@mnpddh/shared';
import type { Person } from '../admin/two-people.js';

/** How long a request waits for its second person. */
export const DRASTIC_ACT_LIFETIME_MS = 60 * 60 * 1000;

export interface PendingDrasticAct {
  readonly id: string;
  readonly kind: DrasticActKind;
  readonly staffId: string;
  readonly reason: DrasticActRequest['reason'] | undefined;
  readonly requestedBy: Person;
  readonly expiresAt: Date;
}

/**
 * Requests waiting for their second person, in the server's memory only: a
 * database writer cannot slip in a request under someone else's name, and a
 * restart means asking again. Only the requester's id and name are kept.
 */
export class DrasticActStore {
  private readonly pending = new Map<string, PendingDrasticAct>();

  add(request: DrasticActRequest, requestedBy: Person, now: Date): PendingDrasticAct {
    this.forgetExpired(now);
    const act: PendingDrasticAct = {
      id: randomUUID(),
      kind: request.kind,
      staffId: request.staffId,
      reason: request.reason,
      requestedBy: { id: requestedBy.id, name: requestedBy.name },
      expiresAt: new Date(now.getTime() + DRASTIC_ACT_LIFETIME_MS),
    };
    this.pending.set(act.id, act);
    return act;
  }

  /** Removes and returns a request still alive, or null. */
  take(id: string, now: Date): PendingDrasticAct | null {
    this.forgetExpired(now);
    const act = this.pending.get(id) ?? null;
    this.pending.delete(id);
    return act;
  }

  peek(id: string, now: Date): PendingDrasticAct | null {
    this.forgetExpired(now);
    return this.pending.get(id) ?? null;
  }

  list(now: Date): PendingDrasticAct[] {
    this.forgetExpired(now);
    return [...this.pending.values()];
  }

  private forgetExpired(now: Date): void {
    for (const [id, act] of this.pending) if (act.expiresAt <= now) this.pending.delete(id);
  }
}
