import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import {
  CryptoError,
  openCaseKey,
  parseCertificate,
  verifyGrant,
  type CaseKey,
  type ThreadKey,
} from '../crypto/index.js';
import { DirectoryService, INTAKE_ID } from '../directory/directory.service.js';
import type { CaseKeyGrant } from '../generated/prisma/client.js';
import type { CaseReader } from './case-reader.js';

/**
 * Opens the keys a staff member was granted, after checking each grant's
 * signature: a grant row written in SQL (a database writer redirecting a case
 * to a key of their own, or moving a grant between cases) opens nothing.
 */
@Injectable()
export class CaseKeysAccess {
  constructor(private readonly directory: DirectoryService) {}

  openCaseKey(grants: CaseKeyGrant[], reader: CaseReader, caseId: string, keyId: string): CaseKey {
    const grant = this.checkedGrant(grants, 'case', reader, caseId);
    return this.unseal(() => openCaseKey(grant.sealedKey, 'case', this.context(caseId), reader.keyPair, keyId));
  }

  openThreadKey(grants: CaseKeyGrant[], reader: CaseReader, caseId: string, keyId: string): ThreadKey {
    const grant = this.checkedGrant(grants, 'thread', reader, caseId);
    return this.unseal(() => openCaseKey(grant.sealedKey, 'thread', this.context(caseId), reader.keyPair, keyId));
  }

  context(caseId: string) {
    return { tenant: this.directory.tenant, caseId };
  }

  private checkedGrant(grants: CaseKeyGrant[], keyKind: 'case' | 'thread', reader: CaseReader, caseId: string): CaseKeyGrant {
    const grant = grants.find((g) => g.keyKind === keyKind && g.recipientId === reader.id && g.caseId === caseId);
    if (!grant || grant.recipientPublicKey !== reader.keyPair.publicKey) throw new AppError('FORBIDDEN');
    const statement = {
      tenant: this.directory.tenant,
      caseId,
      keyKind,
      recipientId: reader.id,
      recipientPublicKey: grant.recipientPublicKey,
      sealedKey: grant.sealedKey,
    };
    try {
      verifyGrant(statement, grant.signature, this.granter(grant));
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
    return grant;
  }

  /** The intake identity, or the staff granter as certified when they granted. */
  private granter(grant: CaseKeyGrant) {
    if (grant.grantedBy === null) return this.directory.intakeSigner();
    if (!grant.granterCertificate) throw new CryptoError('BAD_CERTIFICATE', 'grant without granter certificate');
    const certificate = parseCertificate(grant.granterCertificate);
    return {
      certificate,
      directoryPublicKey: this.directory.directoryPublicKey,
      expect: { tenant: this.directory.tenant, userId: grant.grantedBy, roles: [certificate.role] },
    };
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
