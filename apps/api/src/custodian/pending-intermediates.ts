import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Intermediate } from './custodian.repository.js';

interface Pending {
  readonly intermediates: Intermediate[];
  readonly timer: NodeJS.Timeout;
}

/**
 * What a first custodian's step produced — the escrow seed with their layer
 * removed, still sealed to each possible second custodian, which that one
 * custodian alone would open — held only in this process's memory until the
 * second step takes it or the request expires. Never in the database, so
 * never in its WAL or backups: a database copy and one coerced custodian open
 * nothing. A restart forgets it: the custodians start again.
 */
@Injectable()
export class PendingIntermediates implements OnModuleDestroy {
  private readonly pending = new Map<string, Pending>();

  keep(operationId: string, intermediates: Intermediate[], expiresAt: Date, now = new Date()): void {
    this.forget(operationId);
    const timer = setTimeout(() => this.forget(operationId), Math.max(0, expiresAt.getTime() - now.getTime()));
    timer.unref();
    this.pending.set(operationId, { intermediates, timer });
  }

  /** The intermediates of a pending request, or none (expired, completed, or the server restarted since). */
  of(operationId: string): Intermediate[] {
    return this.pending.get(operationId)?.intermediates ?? [];
  }

  /** Taken by the second step (or dropped at expiry): gone from memory. */
  forget(operationId: string): void {
    const found = this.pending.get(operationId);
    if (!found) return;
    clearTimeout(found.timer);
    this.pending.delete(operationId);
  }

  onModuleDestroy(): void {
    for (const id of [...this.pending.keys()]) this.forget(id);
  }
}
