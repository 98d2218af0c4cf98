import { Injectable } from '@nestjs/common';
import type { CustodianCaseFound, CustodianPeople, EscrowRotationProgress } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { CustodianLookupRepository } from './custodian-lookup.repository.js';
import { CustodianRepository } from './custodian.repository.js';
import { EscrowRotationRepository } from './escrow-rotation.repository.js';

/**
 * What the custodian screens need before a request: whom a restore or a
 * grant can go to, which case a reference names (and whether anyone still
 * holds it), and how far an escrow rotation got. Names, ids and counts only.
 */
@Injectable()
export class CustodianLookupService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly lookups: CustodianLookupRepository,
    private readonly repository: CustodianRepository,
    private readonly directory: DirectoryService,
    private readonly rotations: EscrowRotationRepository,
  ) {}

  async people(): Promise<CustodianPeople> {
    const staff = await this.lookups.findActiveStaff(this.prisma);
    const ids = staff.map((s) => s.id);
    const resets = await this.lookups.latestByTarget(this.prisma, 'staff.password_reset', ids);
    const keys = await this.lookups.latestByTarget(this.prisma, 'staff.key_created', ids);
    const items = [];
    for (const person of staff) {
      const reset = resets.get(person.id) ?? null;
      const keyAt = keys.get(person.id);
      // Sealing to the key from before a reset would give the cases to a key nobody can open any more.
      const signedInSince = reset === null || (keyAt !== undefined && keyAt > reset);
      const certified = (await this.directory.certifiedStaff(this.prisma, person.id)) !== null;
      items.push({ id: person.id, name: person.name, keysReady: certified && signedInSince, passwordResetAt: reset?.toISOString() ?? null });
    }
    return { items };
  }

  async caseByReference(reference: string): Promise<CustodianCaseFound> {
    const found = await this.lookups.findCaseByReference(this.prisma, reference);
    if (!found) throw new AppError('NOT_FOUND');
    const holders = await this.repository.findStaffHolders(this.prisma, found.id);
    const holdersLeft = holders.filter((h) => h.recipient?.active && h.recipient.publicKey === h.recipientPublicKey).length;
    return { caseId: found.id, reference: found.reference, holdersLeft };
  }

  async rotation(): Promise<EscrowRotationProgress> {
    const target = await this.rotations.findUnfinishedTarget(this.prisma);
    const active = target ? await this.rotations.findActiveKey(this.prisma) : null;
    if (!target || !active) return { rotating: false, casesSealed: 0, casesTotal: 0 };
    return {
      rotating: true,
      casesSealed: await this.rotations.countCasesSealedTo(this.prisma, target.id),
      casesTotal: await this.rotations.countCasesSealedTo(this.prisma, active.id),
    };
  }
}
