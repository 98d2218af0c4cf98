import { Injectable } from '@nestjs/common';
import type { IntakeChannel } from '@mnpddh/shared';
import type { Db } from '../database/db.js';

/** A case was just created (inside its transaction): what others may react to, and nothing of its content. */
export interface CaseCreatedEvent {
  readonly caseId: string;
  readonly urgent: boolean;
  readonly channel: IntakeChannel;
  /** How many staff members the case was sealed to at intake (0: only the escrow holds it). */
  readonly staffHolders: number;
}

type Listener = (tx: Db, event: CaseCreatedEvent) => Promise<void>;
type CommittedListener = (event: CaseCreatedEvent) => void;

/**
 * Lets other modules (alerts) act in the same transaction as a new case, so
 * an urgent request and its alert are written together or not at all,
 * without the vault knowing who listens.
 */
@Injectable()
export class CaseEvents {
  private readonly listeners: Listener[] = [];
  private readonly committedListeners: CommittedListener[] = [];

  onCreated(listener: Listener): void {
    this.listeners.push(listener);
  }

  async created(tx: Db, event: CaseCreatedEvent): Promise<void> {
    for (const listener of this.listeners) await listener(tx, event);
  }

  /** After the case's transaction committed (e.g. to send its alert at once); listeners must not throw. */
  onCommitted(listener: CommittedListener): void {
    this.committedListeners.push(listener);
  }

  committed(event: CaseCreatedEvent): void {
    for (const listener of this.committedListeners) listener(event);
  }
}
