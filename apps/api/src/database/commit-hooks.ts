import { Injectable } from '@nestjs/common';

/**
 * Work to run once a transaction that appended to the audit log has
 * committed: the integrity anchor is brought up to date then, before the
 * request that made the change answers, so the anchor never trails the
 * database by more than the transactions in flight.
 */
@Injectable()
export class CommitHooks {
  private readonly appendedIn = new WeakSet<object>();
  private listener: (() => Promise<void>) | null = null;

  /** Called by the audit log when it appends a row in `transaction` (not yet committed). */
  auditAppended(transaction: object): void {
    this.appendedIn.add(transaction);
  }

  onAuditCommitted(listener: () => Promise<void>): void {
    this.listener = listener;
  }

  /** Called after every transaction; a failure here never undoes a commit (the next check catches up). */
  async committed(transaction: object | null): Promise<void> {
    if (transaction === null || !this.appendedIn.has(transaction) || !this.listener) return;
    await this.listener().catch(() => undefined);
  }
}
