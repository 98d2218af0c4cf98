import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { CryptoError, openCaseKey, unwrapThreadKeyWithReceipt, type CaseKey, type ReceiptKeys, type ThreadKey } from '../crypto/index.js';
import { DirectoryService, INTAKE_ID } from '../directory/directory.service.js';
import type { CaseKeyGrant, Receipt } from '../generated/prisma/client.js';
import type { CaseReader } from './case-reader.js';
import { grantStatement, verifyGrantSignature } from './grant-statements.js';
import { VerifiedMemo } from './verified-memo.js';

/** What of a receipt row opens its thread key. */
export type ReceiptKeyRow = Pick<Receipt, 'id' | 'wrappedThreadKey' | 'sealedThreadKey' | 'sealedBy' | 'sealerCertificate' | 'sealSignature'>;

/**
 * Opens the keys a staff member was granted, after checking each grant's
 * signature: a grant row written in SQL (a database writer redirecting a case
 * to a key of their own, or moving a grant between cases) opens nothing.
 */
@Injectable()
export class CaseKeysAccess {
  /** Grants whose signature (and granter certificate) verified: two Ed25519 checks a case, not repeated on every list. */
  private readonly verifiedGrants = new VerifiedMemo();

  constructor(private readonly directory: DirectoryService) {}

  openCaseKey(grants: CaseKeyGrant[], reader: CaseReader, caseId: string, keyId: string): CaseKey {
    const grant = this.checkedGrant(grants, 'case', reader, caseId);
    return this.unseal(() => openCaseKey(grant.sealedKey, 'case', this.context(caseId), reader.keyPair, keyId));
  }

  openThreadKey(grants: CaseKeyGrant[], reader: CaseReader, caseId: string, keyId: string): ThreadKey {
    const grant = this.checkedGrant(grants, 'thread', reader, caseId);
    return this.unseal(() => openCaseKey(grant.sealedKey, 'thread', this.context(caseId), reader.keyPair, keyId));
  }

  /**
   * The thread key a receipt opens: the wrap made when it was issued, or,
   * once the case was re-keyed, the new thread key sealed to the receipt's
   * own key pair, whose seal must carry a valid signature by the staff member
   * who re-keyed (a database writer cannot slip the defender a key of theirs).
   */
  openReceiptThreadKey(receipt: ReceiptKeyRow, keys: ReceiptKeys, caseId: string, threadKeyId: string): ThreadKey {
    const tenant = this.directory.tenant;
    if (receipt.wrappedThreadKey) return unwrapThreadKeyWithReceipt(receipt.wrappedThreadKey, keys.wrappingKey, { tenant, caseId, receiptId: receipt.id });
    if (!receipt.sealedThreadKey || !receipt.sealedBy || !receipt.sealerCertificate || !receipt.sealSignature) {
      throw new CryptoError('BAD_FORMAT', 'receipt holds no thread key');
    }
    const statement = grantStatement({ tenant, caseId }, 'thread', receipt.id, keys.identity.publicKey, receipt.sealedThreadKey);
    verifyGrantSignature(this.directory, statement, receipt.sealSignature, { grantedBy: receipt.sealedBy, granterCertificate: receipt.sealerCertificate });
    return openCaseKey(receipt.sealedThreadKey, 'thread', { tenant, caseId }, keys.identity, threadKeyId);
  }

  context(caseId: string) {
    return { tenant: this.directory.tenant, caseId };
  }

  private checkedGrant(grants: CaseKeyGrant[], keyKind: 'case' | 'thread', reader: CaseReader, caseId: string): CaseKeyGrant {
    const grant = grants.find((g) => g.keyKind === keyKind && g.recipientId === reader.id && g.caseId === caseId);
    if (!grant || grant.recipientPublicKey !== reader.keyPair.publicKey) throw new AppError('FORBIDDEN');
    const statement = grantStatement(this.context(caseId), keyKind, reader.id, grant.recipientPublicKey, grant.sealedKey);
    // Every input of the check, exactly: a grant changed in any of them (moved, re-sealed, re-signed) is verified again.
    const inputs = [caseId, keyKind, reader.id, grant.recipientPublicKey, grant.sealedKey, grant.signature, grant.grantedBy, grant.granterCertificate].join(
      '\n',
    );
    if (this.verifiedGrants.has(grant.id, inputs)) return grant;
    try {
      verifyGrantSignature(this.directory, statement, grant.signature, grant);
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
    this.verifiedGrants.remember(grant.id, inputs);
    return grant;
  }

  private unseal<T>(open: () => T): T {
    try {
      return open();
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }
}

export { INTAKE_ID };
