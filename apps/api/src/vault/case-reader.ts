import type { IdentityKeyPair } from '../crypto/index.js';

/** The session a reader acts in: what it decrypts may be kept for it (JournalCache), and dies with it. */
export interface ReaderSession {
  readonly idHash: string;
  readonly expiresAt: Date;
}

/** A signed-in staff member as the vault sees them: who, and the key pair unwrapped for this request. */
export interface CaseReader {
  readonly id: string;
  readonly keyPair: IdentityKeyPair;
  /** Absent for work done outside a staff session (the scheduler, custodians' escrow operations): nothing is kept for it. */
  readonly session?: ReaderSession;
}
