import { AppError } from '../common/app-error.js';
import type { CaseKey, SealRecipient, ThreadKey } from '../crypto/index.js';
import type { CaseReader } from './case-reader.js';
import { sealAndSignGrant, type GrantContext, type GrantKeyKind, type SignedSeal } from './grant-statements.js';

/** A grant row from one staff member to another. */
export interface StaffGrant extends SignedSeal {
  readonly caseId: string;
  readonly keyKind: GrantKeyKind;
  readonly recipientId: string;
  readonly escrowKeyId: null;
  readonly grantedBy: string;
  readonly granterCertificate: string;
}

/** Who may take part in a grant: a sealable recipient, and a granter whose certificate signs it (CONFLICT otherwise). */
export function grantParties(
  recipient: SealRecipient | null,
  granterCertificate: string | null | undefined,
): { recipient: SealRecipient; granterCertificate: string } {
  if (!recipient || !granterCertificate) throw new AppError('CONFLICT');
  return { recipient, granterCertificate };
}

/**
 * One key sealed to the recipient's certified key and signed by the granter,
 * who is named with the certificate they hold now: the signature is checked
 * against it each time the grant is opened.
 */
export function signedStaffGrant(
  granter: CaseReader,
  granterCertificate: string,
  context: GrantContext,
  recipientId: string,
  keyKind: GrantKeyKind,
  key: CaseKey | ThreadKey,
  recipient: SealRecipient,
): StaffGrant {
  return {
    caseId: context.caseId,
    keyKind,
    recipientId,
    escrowKeyId: null,
    grantedBy: granter.id,
    granterCertificate,
    ...sealAndSignGrant(key, context, keyKind, recipientId, recipient, granter.keyPair),
  };
}
