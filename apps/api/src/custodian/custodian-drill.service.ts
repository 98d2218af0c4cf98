import { Injectable } from '@nestjs/common';
import type { CustodianDrillResult, CustodianDrillStatus } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { EscrowHealthService } from '../directory/escrow-health.service.js';
import { CustodianRepository } from './custodian.repository.js';
import { drillDueAt } from './drill-due.js';
import { custodianDrillFacts } from './drill-facts.js';
import { outerLayersOpened } from './escrow-steps.js';

/**
 * The custodian drill: proves a custodian's key still opens the outer layer
 * of every share they hold as the outer custodian, without ever rebuilding
 * the escrow key (the opened layers are dropped at once). Passing drills are
 * recorded in the audit log, which is also where their dates are read from.
 */
@Injectable()
export class CustodianDrillService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: CustodianRepository,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly health: EscrowHealthService,
  ) {}

  async drill(custodian: CurrentStaffMember, now = new Date()): Promise<CustodianDrillResult> {
    const escrowKey = await this.repository.findActiveEscrowKey(this.prisma);
    if (!escrowKey) throw new AppError('REFUSED', [{ field: 'kind', message: 'no_escrow_key' }]);
    const shares = (await this.repository.findSharesWithOuter(this.prisma, escrowKey.id, custodian.id)).filter((s) => s.innerUserId !== custodian.id);
    const results = outerLayersOpened(shares, custodian.keyPair, { tenant: this.directory.tenant, escrowPublicKey: escrowKey.publicKey });
    const opened = results.filter(Boolean).length;
    // No share at all also fails: a custodian the escrow was never sealed to (not yet re-sealed) cannot take part.
    const passed = shares.length > 0 && opened === shares.length;
    await this.audit.record({
      action: 'custodian.drill',
      actorId: custodian.id,
      targetType: 'escrow',
      targetId: escrowKey.id,
      details: { shares: shares.length, opened, passed },
    });
    // Which pairs work is the whole team's state (another custodian's reset breaks their pairs): said with the drill.
    const escrow = await this.health.health(this.prisma);
    const names = await this.repository.names(
      this.prisma,
      shares.map((s) => s.innerUserId),
    );
    const shareResults = shares.map((share, index) => ({
      innerCustodian: { id: share.innerUserId, name: names.get(share.innerUserId) ?? '' },
      opens: results[index] === true,
    }));
    return { checkedAt: now.toISOString(), shares: shares.length, opened, passed, shareResults, workingPairs: escrow.workingPairs };
  }

  async status(): Promise<CustodianDrillStatus> {
    const custodians = await custodianDrillFacts(this.prisma);
    return {
      custodians: custodians.map((c) => ({ id: c.id, name: c.name, lastDrillAt: c.lastDrillAt?.toISOString() ?? null, dueAt: drillDueAt(c).toISOString() })),
    };
  }
}
