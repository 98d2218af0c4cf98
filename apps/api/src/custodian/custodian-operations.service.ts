import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CUSTODIAN_REQUEST_LIFETIME_MS,
  CustodianOperationKind,
  type CustodianOperationList,
  type CustodianOperationRequest,
  type CustodianOperationResult,
  type CustodianOperationView,
} from '@mnpddh/shared';
import { twoNames } from '../admin/two-people.js';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { CustodianOperation } from '../generated/prisma/client.js';
import { CustodianRepository } from './custodian.repository.js';
import { CustodianWork, type OperationTarget } from './custodian-work.js';
import { EscrowRotation } from './escrow-rotation.js';
import { PendingIntermediates } from './pending-intermediates.js';
import { rebuildEscrowKey, removeOuterLayers } from './escrow-steps.js';

/**
 * Two-custodian operations. The first custodian removes the outer layer of
 * each share they hold as the outer custodian (one per other custodian); the
 * result, still sealed to that other custodian, waits in the server's memory
 * only (PendingIntermediates), never in the database. A
 * different custodian, the inner one of one of those shares, completes it:
 * the escrow key pair exists only during that step and is destroyed after.
 */
@Injectable()
export class CustodianOperationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: CustodianRepository,
    private readonly directory: DirectoryService,
    private readonly work: CustodianWork,
    private readonly audit: AuditService,
    private readonly rotation: EscrowRotation,
    private readonly pendingSteps: PendingIntermediates,
  ) {}

  async request(custodian: CurrentStaffMember, body: CustodianOperationRequest, now = new Date()): Promise<CustodianOperationView> {
    const target = targetOf(body);
    await this.work.check(this.prisma, target);
    await this.rotation.assertAllows(this.prisma, target.kind);
    const escrowKey = await this.repository.findActiveEscrowKey(this.prisma);
    if (!escrowKey) throw refusal('no_escrow_key');
    const shares = (await this.repository.findSharesWithOuter(this.prisma, escrowKey.id, custodian.id)).filter((s) => s.innerUserId !== custodian.id);
    const intermediates = removeOuterLayers(shares, custodian.keyPair, this.context(escrowKey.publicKey));
    // No share opens with this key (none held as the outer custodian, or a key changed since): another custodian must start.
    if (intermediates.length === 0) throw refusal('custodian_share_does_not_open');
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + CUSTODIAN_REQUEST_LIFETIME_MS);
    await this.prisma.$transaction(async (tx) => {
      await this.repository.insertOperation(tx, {
        id,
        kind: target.kind,
        targetUserId: target.targetUserId,
        caseId: target.caseId,
        escrowKeyId: escrowKey.id,
        requestedBy: custodian.id,
        requestedAt: now,
        expiresAt,
        intermediates: [],
      });
      await this.audit.record(
        {
          action: 'custodian.requested',
          actorId: custodian.id,
          targetType: 'escrow',
          targetId: escrowKey.id,
          details: { operationId: id, ...auditDetails(target, custodian.id) },
        },
        tx,
      );
    });
    this.pendingSteps.keep(
      id,
      intermediates.map((i) => ({ innerUserId: i.innerUserId, value: i.value })),
      expiresAt,
      now,
    );
    const operation = await this.repository.findOperation(this.prisma, id);
    return (await this.views([operation as CustodianOperation], custodian.id))[0] as CustodianOperationView;
  }

  async pending(custodian: CurrentStaffMember, now = new Date()): Promise<CustodianOperationList> {
    // A request whose first step this process no longer holds (a restart) can only be started again.
    const alive = (await this.repository.findPendingOperations(this.prisma, now)).filter((o) => this.pendingSteps.of(o.id).length > 0);
    return { items: await this.views(alive, custodian.id) };
  }

  async complete(custodian: CurrentStaffMember, id: string, now = new Date()): Promise<CustodianOperationResult> {
    const operation = await this.repository.findOperation(this.prisma, id);
    if (!operation) throw new AppError('NOT_FOUND');
    if (operation.completedAt) throw new AppError('CONFLICT', [{ field: 'id', message: 'custodian_operation_completed' }]);
    if (operation.expiresAt <= now) throw refusal('custodian_operation_expired');
    // The second step is someone else's: never the requester, nor the person the operation benefits.
    if (operation.requestedBy === custodian.id) throw new AppError('FORBIDDEN', [{ field: 'id', message: 'custodian_own_request' }]);
    if (operation.targetUserId === custodian.id) throw new AppError('FORBIDDEN', [{ field: 'id', message: 'custodian_benefits_self' }]);
    const held = this.pendingSteps.of(id);
    // Nothing in memory: the server restarted since the first step, which must be made again.
    if (held.length === 0) throw refusal('custodian_operation_expired');
    const intermediate = held.find((i) => i.innerUserId === custodian.id);
    if (!intermediate) throw new AppError('FORBIDDEN', [{ field: 'id', message: 'custodian_no_share_with_requester' }]);
    const granter = await this.directory.certifiedStaff(this.prisma, custodian.id);
    const escrowKey = await this.repository.findEscrowKey(this.prisma, operation.escrowKeyId);
    if (!granter?.staff.certificate || !escrowKey) throw new AppError('CONFLICT');
    const target = { kind: CustodianOperationKind.parse(operation.kind), targetUserId: operation.targetUserId, caseId: operation.caseId };
    await this.rotation.assertAllows(this.prisma, target.kind);
    const escrow = rebuildEscrowKey(intermediate, custodian.keyPair, this.context(escrowKey.publicKey));
    // Once used, or failed, the first step is spent either way.
    this.pendingSteps.forget(id);
    const signer = { id: custodian.id, keyPair: custodian.keyPair, certificate: granter.staff.certificate as string };
    const names = await this.repository.names(this.prisma, [operation.requestedBy, custodian.id]);
    // The one entry names both custodians: whoever reads the log sees the two people who opened the escrow.
    const bothCustodians = twoNames(
      { id: operation.requestedBy, name: names.get(operation.requestedBy) ?? '' },
      { id: custodian.id, name: names.get(custodian.id) ?? '' },
    );
    const completed = (result: object) => ({
      operationId: id,
      ...auditDetails(target, operation.requestedBy),
      completedBy: custodian.id,
      ...bothCustodians,
      ...result,
    });
    try {
      if (target.kind === 'rotate_escrow') {
        // Batches in their own transactions (an interruption resumes): the claim goes in the first one.
        const claim = async (tx: Db, rotation: Record<string, string | number | boolean>) => {
          if (!(await this.repository.claimOperation(tx, id, custodian.id, now))) throw new AppError('CONFLICT');
          await this.audit.record(
            { action: 'custodian.completed', actorId: custodian.id, targetType: 'escrow', targetId: escrowKey.id, details: completed(rotation) },
            tx,
          );
        };
        const custodians = await this.work.certifiedCustodianIds(this.prisma);
        const done = await this.rotation.complete(escrowKey.id, escrow, signer, custodians, claim, now);
        return { id, kind: target.kind, completedAt: now.toISOString(), ...done };
      }
      const done = await this.prisma.$transaction(
        async (tx) => {
          if (!(await this.repository.claimOperation(tx, id, custodian.id, now))) throw new AppError('CONFLICT');
          const result = await this.work.perform(tx, target, escrowKey, escrow, signer);
          await this.audit.record(
            { action: 'custodian.completed', actorId: custodian.id, targetType: 'escrow', targetId: escrowKey.id, details: completed(result) },
            tx,
          );
          return result;
        },
        { timeout: 120_000 },
      );
      return { id, kind: target.kind, completedAt: now.toISOString(), ...done };
    } finally {
      escrow.destroy();
    }
  }

  private context(escrowPublicKey: string) {
    return { tenant: this.directory.tenant, escrowPublicKey };
  }

  private async views(operations: CustodianOperation[], viewerId: string): Promise<CustodianOperationView[]> {
    const names = await this.repository.names(
      this.prisma,
      operations.flatMap((o) => [o.requestedBy, ...(o.targetUserId ? [o.targetUserId] : [])]),
    );
    const references = await this.repository.references(
      this.prisma,
      operations.flatMap((o) => (o.caseId ? [o.caseId] : [])),
    );
    const person = (id: string) => ({ id, name: names.get(id) ?? '' });
    return operations.map((o) => ({
      id: o.id,
      kind: CustodianOperationKind.parse(o.kind),
      requestedBy: person(o.requestedBy),
      requestedAt: o.requestedAt.toISOString(),
      expiresAt: o.expiresAt.toISOString(),
      targetUser: o.targetUserId ? person(o.targetUserId) : null,
      caseId: o.caseId,
      caseReference: o.caseId ? (references.get(o.caseId) ?? null) : null,
      canComplete: o.requestedBy !== viewerId && o.targetUserId !== viewerId && this.pendingSteps.of(o.id).some((i) => i.innerUserId === viewerId),
    }));
  }
}

function targetOf(body: CustodianOperationRequest): OperationTarget {
  if (body.kind === 'reseal_escrow' || body.kind === 'rotate_escrow') return { kind: body.kind, targetUserId: null, caseId: null };
  if (body.kind === 'grant_case') return { kind: body.kind, targetUserId: body.targetUserId, caseId: body.caseId };
  return { kind: body.kind, targetUserId: body.targetUserId, caseId: null };
}

/** Who asked, for what: ids only, never key material. */
function auditDetails(target: OperationTarget, requestedBy: string) {
  return { kind: target.kind, requestedBy, targetUserId: target.targetUserId, caseId: target.caseId };
}

/** A refusal that names its reason (worded in the shared messages). */
function refusal(reason: string): AppError {
  return new AppError('REFUSED', [{ field: 'kind', message: reason }]);
}
