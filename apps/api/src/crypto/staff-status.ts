/**
 * A staff member's standing as a signed fact: the directory key's Ed25519
 * signature over (tenant, user id, status, epoch), written when they are
 * deactivated or revoked for cause (and when two people reinstate them).
 * A database writer who sets `active` back and rewrites the stored status
 * cannot make the signature verify, so the portal refuses them even without
 * its anchor; putting back an older signed status is a replay, which the
 * anchor (its epoch) catches.
 */
import { CryptoError } from './errors.js';
import { directoryStatement } from './signing.js';

const LABEL = 'mnpddh/staff-status/v1';

export interface StaffStatusClaims {
  readonly tenant: string;
  readonly userId: string;
  readonly status: 'active' | 'deactivated' | 'revoked_for_cause';
  /** increases with every signed change of the same person's status */
  readonly epoch: number;
}

function values(claims: StaffStatusClaims) {
  if (!Number.isSafeInteger(claims.epoch) || claims.epoch < 1) throw new CryptoError('INVALID_INPUT', 'status epoch must be a positive integer');
  return [claims.tenant, claims.userId, claims.status, claims.epoch];
}

const statement = directoryStatement(LABEL, values);

export const signStaffStatus = statement.sign;

/** Whether the signature is the directory key's over exactly these claims (`directoryPublicKey`: the pinned public half). */
export const staffStatusVerifies = statement.verifies;
