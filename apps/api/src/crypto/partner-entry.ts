/**
 * A partner of the directory as a signed fact: the directory key's Ed25519
 * signature over (tenant, id, name, kind, contact notes, active, revision).
 * A referral sheet goes to the partner the directory names, with how to reach
 * them: a database writer who rewrites a contact, adds a partner of their
 * own or moves a name to another row cannot make the signature verify, so
 * the portal offers no referral to it.
 */
import { CryptoError } from './errors.js';
import { directoryStatement } from './signing.js';

const LABEL = 'mnpddh/partner-entry/v1';

export interface PartnerEntryClaims {
  readonly tenant: string;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly contactNotes: string | null;
  readonly active: boolean;
  /** increases with every change of the entry */
  readonly revision: number;
}

function values(claims: PartnerEntryClaims) {
  if (!Number.isSafeInteger(claims.revision) || claims.revision < 1) throw new CryptoError('INVALID_INPUT', 'partner revision must be a positive integer');
  // A null and an empty contact are different statements: the flag says which one was signed.
  return [
    claims.tenant,
    claims.id,
    claims.name,
    claims.kind,
    claims.contactNotes === null ? 'none' : 'some',
    claims.contactNotes ?? '',
    claims.active ? 'active' : 'inactive',
    claims.revision,
  ];
}

const statement = directoryStatement(LABEL, values);

export const signPartnerEntry = statement.sign;

/** Whether the signature is the directory key's over exactly these claims (`directoryPublicKey`: the pinned public half). */
export const partnerEntryVerifies = statement.verifies;
