import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { DirectoryService } from '../directory/directory.service.js';
import { CaseKeysAccess } from './case-keys-access.js';
import type { CaseReader } from './case-reader.js';
import { grantParties, signedStaffGrant } from './staff-grants.js';
import { VaultRepository } from './vault.repository.js';
import type { Db } from '../database/db.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Anyone who holds a case can grant it to another certified staff member:
 * the granter opens both keys, seals them to the recipient's certified key
 * and signs the grant with their own key. Audited.
 */
@Injectable()
export class CaseGrantsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly vault: VaultRepository,
    private readonly staff: DirectoryRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly audit: AuditService,
  ) {}

  async grant(granter: CaseReader, caseId: string, recipientId: string): Promise<void> {
    await this.prisma.$transaction((tx) => this.grantWithin(tx, granter, caseId, recipientId));
  }

  /**
   * Whether the person has a case-key grant row for the case: the gate that
   * answers 404 for a case they do not hold. Opening the key checks the
   * grant's signature; this only says whether there is one to check.
   */
  async holdsCase(db: Db, caseId: string, staffId: string): Promise<boolean> {
    return (await this.vault.findGrant(db, caseId, 'case', staffId)) !== null;
  }

  /** A grant sealed and signed by its caller (a custodian's recovery): stored as given, replacing a stale one. */
  async saveSignedGrant(tx: Db, grant: Prisma.CaseKeyGrantUncheckedCreateInput & { recipientId: string }): Promise<void> {
    await this.vault.upsertGrant(tx, grant);
  }

  /** The same grant inside a caller's transaction: it stands or falls with the write that needs it (e.g. naming a measure's owner). */
  async grantWithin(tx: Db, granter: CaseReader, caseId: string, recipientId: string): Promise<void> {
    const row = await this.vault.findCaseFor(tx, caseId, granter.id);
    if (!row) throw new AppError('NOT_FOUND');
    const granterRecord = await this.staff.findStaff(tx, granter.id);
    // A recipient without a valid certificate (no key yet, deactivated, or a row changed in SQL), not active in the
    // anchor kept outside the database, or any recipient while an integrity incident is open, receives nothing.
    const { recipient, granterCertificate } = grantParties(
      (await this.directory.sealableStaff(tx, recipientId))?.recipient ?? null,
      granterRecord?.certificate,
    );
    const caseKey = this.keys.openCaseKey(row.grants, granter, caseId, row.caseKeyId);
    const threadKey = this.keys.openThreadKey(row.grants, granter, caseId, row.threadKeyId);
    try {
      for (const [keyKind, key] of [
        ['case', caseKey],
        ['thread', threadKey],
      ] as const) {
        await this.vault.upsertGrant(tx, signedStaffGrant(granter, granterCertificate, this.keys.context(caseId), recipientId, keyKind, key, recipient));
      }
      await this.audit.record({ action: 'case.granted', actorId: granter.id, targetType: 'case', targetId: caseId, details: { recipientId } }, tx);
    } finally {
      caseKey.destroy();
      threadKey.destroy();
    }
  }
}
