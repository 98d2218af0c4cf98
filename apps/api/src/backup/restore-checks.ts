import { NestFactory } from '@nestjs/core';
import { AuditVerifier } from '../audit/audit-verifier.js';
import type { Runtime } from '../config/runtime.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { BackupHeader } from './header.js';
import { RestoreChecksModule } from './restore-checks.module.js';

export interface RestoreReport {
  readonly staffCertificates: number;
  readonly escrowCertificates: number;
  readonly auditRows: number;
  readonly checkpointRowCount: number | null;
}

/**
 * After the rows are in: every staff and escrow certificate verifies with
 * the directory key from configuration, and the audit chain verifies and
 * matches its latest signed checkpoint, the one the backup recorded.
 * Throws naming what failed; the portal must not go live then.
 */
export async function checkRestoredDatabase(runtime: Runtime, header: BackupHeader): Promise<RestoreReport> {
  const context = await NestFactory.createApplicationContext(RestoreChecksModule.forRoot(runtime), { logger: false });
  try {
    const prisma = context.get(PrismaService);
    const directory = context.get(DirectoryService);
    const rows = context.get(DirectoryRepository);
    const problems: string[] = [];
    const staff = await rows.findCertifiedStaff(prisma);
    // A deactivated account's certificate must verify too: it is checked as if active.
    for (const member of staff) if (directory.staffRecipient({ ...member, active: true }) === null) problems.push(`staff certificate ${member.id}`);
    const escrows = await rows.findEscrowKeys(prisma);
    for (const escrow of escrows) if (directory.escrowRecipient(escrow) === null) problems.push(`escrow certificate ${escrow.id}`);
    const audit = await context.get(AuditVerifier).verify();
    if (!audit.valid) problems.push(`audit chain (first broken row: ${audit.firstBrokenId ?? 'checkpoint signature'})`);
    if (
      header.checkpoint !== null &&
      (audit.checkpoint === null ||
        String(audit.checkpoint.rowCount) !== header.checkpoint.rowCount ||
        audit.checkpoint.headHash !== header.checkpoint.headHash)
    ) {
      problems.push('latest audit checkpoint differs from the one recorded in the backup');
    }
    if (problems.length > 0) throw new Error(`Restore checks failed, do not start the portal: ${problems.join('; ')}`);
    return {
      staffCertificates: staff.length,
      escrowCertificates: escrows.length,
      auditRows: audit.checked,
      checkpointRowCount: audit.checkpoint?.rowCount ?? null,
    };
  } finally {
    await context.close();
  }
}
