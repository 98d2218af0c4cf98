import type { IdentityKeyPair } from '../crypto/index.js';

/** A signed-in staff member as the vault sees them: who, and the key pair unwrapped for this request. */
export interface CaseReader {
  readonly id: string;
  readonly keyPair: IdentityKeyPair;
}
