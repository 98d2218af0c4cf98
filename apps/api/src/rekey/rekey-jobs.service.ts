import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseRekeyRequest, RekeyJobView, RevocationForCause } from '@mnpddh/shared';
import { needsTwoPeople, twoNames, type Person } from '../admin/two-people.js';
import { SignedStaffStatus } from '../integrity/signed-staff-status.js';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { SessionService } from '../auth/session.service.js';
import { StaffRepository } from '../auth/staff.repository.js';
import { AppError } from '../common/app-error.js';
import type { Granter } from '../vault/grant-statements.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { CaseGrantsService } from '../vault/case-grants.service.js';
import { CaseRekey } from './case-rekey.js';
import { RekeyRepository } from './rekey.repository.js';

type JobRow = NonNullable<Awaited<ReturnType<RekeyRepository['findJob']>>>;

/**
 * Revocation for cause, as a job: the revocation itself (account off,
 * sessions and grants gone, the cases they held listed) is one transaction;
 * then each case is re-keyed in its own transaction and struck off the list.
 * A crash between two cases loses nothing: each case is either wholly under
 * its old keys or wholly under its new ones, and `resume` carries on with
 * what is left. Cases the acting supervisor does not hold stay on the list
 * for a holder (or for a supervisor two custodians granted them to).
 */
@Injectable()
export class RekeyJobs {
  /** Called after each case committed; tests throw from it to simulate a crash midway. */
  afterCase: ((casesDone: number) => void | Promise<void>) | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: RekeyRepository,
    private readonly caseRekey: CaseRekey,
    private readonly staff: StaffRepository,
    private readonly sessions: SessionService,
    private readonly directory: DirectoryRepository,
    private readonly grants: CaseGrantsService,
    private readonly audit: AuditService,
    private readonly signedStatus: SignedStaffStatus,
  ) {}

  /** `requestedBy`: the first of two people, required when the person revoked is an admin, a custodian or an auditor. */
  async revokeForCause(actor: CurrentStaffMember, request: RevocationForCause, now = new Date(), requestedBy?: Person): Promise<RekeyJobView> {
    if (request.staffId === actor.id) throw new AppError('FORBIDDEN');
    const jobId = randomUUID();
    await this.prisma.$transaction(async (tx) => {
      const target = await this.staff.findById(tx, request.staffId);
      if (!target) throw new AppError('NOT_FOUND');
      if (!requestedBy && needsTwoPeople(target.roles)) throw new AppError('REFUSED', [{ field: 'staffId', message: 'second_person_required' }]);
      const caseIds = await this.repository.heldCaseIds(tx, request.staffId);
      await this.repository.createJob(tx, { id: jobId, reason: request.reason, revokedStaffId: request.staffId, requestedBy: actor.id, caseIds, now });
      await this.staff.update(tx, request.staffId, { active: false, activationHash: null, activationExpires: null });
      const sessionsEnded = await this.sessions.endAllOf(tx, request.staffId);
      const grantsRemoved = await this.staff.deleteGrantsOf(tx, request.staffId);
      const statusEpoch = await this.signedStatus.record(tx, request.staffId, 'revoked_for_cause');
      await this.audit.record(
        {
          action: 'staff.revoked_for_cause',
          actorId: actor.id,
          targetType: 'staff',
          targetId: request.staffId,
          details: { reason: request.reason, jobId, cases: caseIds.length, sessionsEnded, grantsRemoved, statusEpoch, ...twoNames(requestedBy, actor) },
        },
        tx,
      );
    });
    return this.run(actor, jobId);
  }

  /** One case on its own, by someone who holds it (404 otherwise, as for any case they do not hold). */
  async rekeyCase(actor: CurrentStaffMember, caseId: string, request: CaseRekeyRequest, now = new Date()): Promise<RekeyJobView> {
    if (!(await this.grants.holdsCase(this.prisma, caseId, actor.id))) throw new AppError('NOT_FOUND');
    const jobId = randomUUID();
    await this.prisma.$transaction((tx) =>
      this.repository.createJob(tx, { id: jobId, reason: request.reason, revokedStaffId: null, requestedBy: actor.id, caseIds: [caseId], now }),
    );
    return this.run(actor, jobId);
  }

  async resume(actor: CurrentStaffMember, jobId: string): Promise<RekeyJobView> {
    if (!(await this.repository.findJob(this.prisma, jobId))) throw new AppError('NOT_FOUND');
    return this.run(actor, jobId);
  }

  async list(): Promise<RekeyJobView[]> {
    const jobs = await this.repository.listJobs(this.prisma);
    const names = new Map((await this.staff.list(this.prisma)).map((member) => [member.id, member.name]));
    return jobs.map((job) => view(job, names));
  }

  private async run(actor: CurrentStaffMember, jobId: string): Promise<RekeyJobView> {
    const job = await this.repository.findJob(this.prisma, jobId);
    if (!job) throw new AppError('NOT_FOUND');
    const granter = await this.granter(actor);
    const skipped: string[] = [];
    let done = 0;
    for (
      let caseId = await this.repository.nextCase(this.prisma, jobId, skipped);
      caseId;
      caseId = await this.repository.nextCase(this.prisma, jobId, skipped)
    ) {
      const id = caseId;
      const result = await this.prisma.$transaction(
        async (tx) => {
          const rekeyed = await this.caseRekey.rekey(tx, granter, id, job.revokedStaffId, { jobId, reason: job.reason });
          if (rekeyed.outcome !== 'not_held') await this.repository.caseDone(tx, jobId, id);
          return rekeyed;
        },
        { timeout: 120_000 },
      );
      if (result.outcome === 'not_held') skipped.push(id);
      else done += 1;
      await this.afterCase?.(done);
    }
    await this.repository.finishIfDone(this.prisma, jobId, new Date());
    const names = new Map((await this.staff.list(this.prisma)).map((member) => [member.id, member.name]));
    return view((await this.repository.findJob(this.prisma, jobId)) as JobRow, names);
  }

  /** The actor signs the new grants with their own key, as any granter does. */
  private async granter(actor: CurrentStaffMember): Promise<Granter> {
    const record = await this.directory.findStaff(this.prisma, actor.id);
    if (!record?.certificate) throw new AppError('CONFLICT');
    return { id: actor.id, keyPair: actor.keyPair, certificate: record.certificate };
  }
}

function view(job: JobRow, names: ReadonlyMap<string, string>): RekeyJobView {
  return {
    id: job.id,
    reason: job.reason as RekeyJobView['reason'],
    revokedStaffId: job.revokedStaffId,
    revokedStaffName: job.revokedStaffId ? (names.get(job.revokedStaffId) ?? null) : null,
    requestedBy: job.requestedBy,
    requestedByName: names.get(job.requestedBy) ?? null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    casesTotal: job.casesTotal,
    casesLeft: job._count.cases,
  };
}
