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

/** Silence after an arrest or a disappearance, found while a case entry is written: the rota must wake (nothing of the content). */
export interface CaseEscalatedEvent {
  readonly caseId: string;
  /** One alert per escalation, ever. */
  readonly dedupeKey: string;
}

type Listener = (tx: Db, event: CaseCreatedEvent) => Promise<void>;
type EscalatedListener = (tx: Db, event: CaseEscalatedEvent) => Promise<void>;
type CommittedListener = (event: CaseCreatedEvent) => void;

/**
 * Lets other modules (alerts) act in the same transaction as a new case or
 * a case entry, so an urgent request and its alert are written together or
 * not at all, without the vault or the case work knowing who listens.
 */
@Injectable()
export class CaseEvents {
  private readonly listeners: Listener[] = [];
  private readonly committedListeners: CommittedListener[] = [];
  private readonly escalatedListeners: EscalatedListener[] = [];

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

  /** In the entry's transaction, so the alert and the entry are written together or not at all. */
  onEscalated(listener: EscalatedListener): void {
    this.escalatedListeners.push(listener);
  }

  async escalated(tx: Db, event: CaseEscalatedEvent): Promise<void> {
    for (const listener of this.escalatedListeners) await listener(tx, event);
  }
}
