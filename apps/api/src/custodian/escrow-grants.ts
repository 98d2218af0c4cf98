import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { CryptoError, openCaseKey, verifyIndexRowMac, type CaseKey, type IdentityKeyPair, type SealRecipient, type ThreadKey } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { CaseKeyGrant } from '../generated/prisma/client.js';
import { CaseGrantsService } from '../vault/case-grants.service.js';
import { grantStatement, sealAndSignGrant, verifyGrantSignature, type Granter } from '../vault/grant-statements.js';
import { indexValues } from '../vault/triage-index.js';
import type { CustodianRepository } from './custodian.repository.js';

type EscrowCaseRow = NonNullable<Awaited<ReturnType<CustodianRepository['findCaseWithEscrowGrants']>>>;

/** Both keys of a case, opened with the escrow key; destroy() them. */
export interface OpenedCaseKeys {
  readonly caseKey: CaseKey;
  readonly threadKey: ThreadKey;
  destroy(): void;
}

/**
 * Case keys through the escrow: the escrow grant is opened only when its
 * signature (by the intake key, or the staff member who sealed it) and the
 * case's clear index MAC check out, so a row written in SQL cannot make the
 * custodians hand a case to anyone. New grants are signed by the completing
 * custodian, as any staff grant is by its granter.
 */
@Injectable()
export class EscrowGrants {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly directory: DirectoryService,
    private readonly grants: CaseGrantsService,
  ) {}

  /** null when the case has no intact escrow grant for this key (it is skipped, not guessed at). */
  open(row: EscrowCaseRow, escrow: IdentityKeyPair): OpenedCaseKeys | null {
    try {
      this.checkIndex(row);
      const caseKey = openCaseKey(this.checkedGrant(row, 'case', escrow).sealedKey, 'case', this.context(row.id), escrow, row.caseKeyId);
      try {
        const threadKey = openCaseKey(this.checkedGrant(row, 'thread', escrow).sealedKey, 'thread', this.context(row.id), escrow, row.threadKeyId);
        return { caseKey, threadKey, destroy: () => [caseKey, threadKey].forEach((key) => key.destroy()) };
      } catch (error) {
        caseKey.destroy();
        throw error;
      }
    } catch (error) {
      if (error instanceof CryptoError) return null;
      throw error;
    }
  }

  /** Seals both keys to the recipient's certified key, signed by the custodian (upserted: a stale grant is replaced). */
  async grant(tx: Db, caseId: string, keys: OpenedCaseKeys, recipient: SealRecipient, granter: Granter): Promise<void> {
    const recipientId = recipient.certificate.userId;
    for (const [keyKind, key] of [
      ['case', keys.caseKey],
      ['thread', keys.threadKey],
    ] as const) {
      await this.grants.saveSignedGrant(tx, {
        caseId,
        keyKind,
        recipientId,
        escrowKeyId: null,
        grantedBy: granter.id,
        granterCertificate: granter.certificate,
        ...sealAndSignGrant(key, this.context(caseId), keyKind, recipientId, recipient, granter.keyPair),
      });
    }
  }

  private context(caseId: string) {
    return { tenant: this.directory.tenant, caseId };
  }

  private checkIndex(row: EscrowCaseRow): void {
    verifyIndexRowMac(this.runtime.secrets.indexKey, { tenant: this.directory.tenant, caseId: row.id, values: indexValues(row) }, row.indexMac);
  }

  private checkedGrant(row: EscrowCaseRow, keyKind: 'case' | 'thread', escrow: IdentityKeyPair): CaseKeyGrant {
    const grant = row.grants.find((g) => g.keyKind === keyKind && g.recipientId === null && g.escrowKeyId !== null);
    if (!grant || grant.recipientPublicKey !== escrow.publicKey) throw new CryptoError('KEY_MISMATCH', 'no escrow grant for this key');
    const statement = grantStatement(this.context(row.id), keyKind, grant.escrowKeyId as string, grant.recipientPublicKey, grant.sealedKey);
    verifyGrantSignature(this.directory, statement, grant.signature, grant);
    return grant;
  }
}
