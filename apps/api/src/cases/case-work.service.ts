import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ASSESSMENT_BUCKETS,
  FIRST_CONTACT_BUCKETS,
  refuseTransition,
  riskScore,
  standingAgendaEvents,
  suggestRiskLevel,
  type THREAT_TYPES,
  type Assignment,
  type CaseNote,
  type CaseStatus,
  type ContactAttempt,
  type LegalBasisCitation,
  type LegalBasisWithdrawal,
  type MeasureUpdate,
  type AgendaEventCancellation,
  type NewAgendaEvent,
  type NewMeasure,
  type RiskAssessmentInput,
  type StatusChange,
  type TransitionRefusal,
} from '@mnpddh/shared';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import type { JournalEntry } from '../vault/case-entries.js';
import { CaseGrantsService } from '../vault/case-grants.service.js';
import { CaseJournal, type JournalWrite } from '../vault/case-journal.js';
import { bucketOf, monthOf, type CounterKey } from '../vault/stat-counters.js';
import { toHour } from '../vault/triage-index.js';
import { PendingCounters } from '../vault/pending-counters.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { ReferenceService } from '../reference/reference.service.js';
import { closureIndex } from '../retention/closure-index.js';
import { CaseClock } from './case-clock.js';
import { endOfDay, foldLegalBases, foldMeasures, measureDeadline } from './case-state.js';
import { checkMeasureDisclosure } from './consent-state.js';
import { StaffNames } from './staff-names.js';
import { CaseEvents } from '../vault/case-events.js';

/** The field a refused transition points at, so the form can show the message beside it. */
const REFUSAL_FIELD: Record<TransitionRefusal, string> = {
  not_a_next_step: 'to',
  supervisor_only: 'to',
  outcome_required: 'outcome',
  defender_not_informed: 'defenderInformed',
  disappearance_still_open: 'overrideReason',
};

/** A little slack for a laptop clock ahead of the server's. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * What staff do on a case, each as one journal entry: the shared
 * workflow decides transitions, the shared risk formula suggests the level,
 * and the clear index follows (status, risk, urgency, deadlines, assignment).
 */
@Injectable()
export class CaseWorkService {
  constructor(
    private readonly journal: CaseJournal,
    private readonly grants: CaseGrantsService,
    private readonly repository: VaultRepository,
    private readonly reference: ReferenceService,
    private readonly staffNames: StaffNames,
    private readonly clock: CaseClock,
    private readonly prisma: PrismaService,
    private readonly events: CaseEvents,
    private readonly pendingCounters: PendingCounters,
  ) {}

  changeStatus(staff: CurrentStaffMember, caseId: string, change: StatusChange): Promise<JournalEntry> {
    const now = this.clock.now();
    return this.journal.append(
      staff,
      caseId,
      (state) => {
        const from = state.index.status as CaseStatus;
        const refusal = refuseTransition(from, change, {
          disappearance: state.categories.threatTypes.includes('abduction_disappearance'),
          actorIsSupervisor: staff.roles.includes('supervisor'),
        });
        if (refusal) throw new AppError('CONFLICT', [{ field: REFUSAL_FIELD[refusal], message: refusal }]);
        const counters = [
          ...(change.to === 'closed' && change.outcome ? [counter(now, 'outcome', change.outcome)] : []),
          ...closureCounters(now, from, change.to),
        ];
        const index = { status: change.to, ...closureIndex(now, change, state.categories.threatTypes) };
        return this.write('status_changed', { ...change, from }, index, 'case.status_changed', { caseId, counters });
      },
      now,
    );
  }

  logContactAttempt(staff: CurrentStaffMember, caseId: string, attempt: ContactAttempt): Promise<JournalEntry> {
    const now = this.clock.now();
    const at = attempt.at ? new Date(attempt.at) : now;
    if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw new AppError('VALIDATION_FAILED', [{ field: 'at', message: 'date_in_future' }]);
    return this.journal.append(
      staff,
      caseId,
      (state) => {
        const index = {
          // Reaching the person meets the first-contact target.
          ...(attempt.result === 'reached' && state.index.firstContactDue ? { firstContactDue: null } : {}),
          ...(attempt.nextContactOn ? { nextContactAt: toHour(new Date(`${attempt.nextContactOn}T09:00:00Z`)) } : {}),
        };
        // The first time someone is reached within the first-contact target's watch: how long it took, in a bucket.
        const firstReached =
          attempt.result === 'reached' && state.index.firstContactDue
            ? [counter(at, 'first_contact_hours', bucketOf(FIRST_CONTACT_BUCKETS, hoursSince(state.index.receivedAt, at)))]
            : [];
        const write = this.write('contact_attempt', { ...attempt, at: at.toISOString() }, index, 'case.updated', { caseId, counters: firstReached });
        if (!escalates(state.index.urgent, state.categories.threatTypes, attempt)) return write;
        // Silence after an arrest or disappearance wakes the rota: a content-free alert, one per attempt, in the entry's transaction.
        const dedupeKey = `contact:${caseId}:${randomUUID()}`;
        return {
          ...write,
          alsoWithin: async (tx) => {
            await write.alsoWithin?.(tx);
            await this.events.escalated(tx, { caseId, dedupeKey });
          },
        };
      },
      now,
    );
  }

  assessRisk(staff: CurrentStaffMember, caseId: string, input: RiskAssessmentInput): Promise<JournalEntry> {
    const now = this.clock.now();
    const factors = [input.threats.score, input.vulnerabilities.score, input.capacities.score] as const;
    const data = { ...input, suggested: suggestRiskLevel(...factors), score: Math.round(riskScore(...factors) * 100) / 100 };
    return this.journal.append(
      staff,
      caseId,
      (state) => {
        const firstAssessment = state.index.riskLevel === 'unknown';
        const index = { riskLevel: input.level, urgent: input.urgentProcedure, assessmentDue: endOfDay(input.reassessmentDue) };
        const counters = firstAssessment
          ? [
              counter(now, 'risk_level', input.level),
              counter(now, 'assessment_days', bucketOf(ASSESSMENT_BUCKETS, hoursSince(state.index.receivedAt, now) / 24)),
            ]
          : [];
        return this.write('risk_assessed', data, index, 'case.updated', { caseId, counters });
      },
      now,
    );
  }

  async citeLegalBasis(staff: CurrentStaffMember, caseId: string, citation: LegalBasisCitation): Promise<JournalEntry> {
    if (!(await this.reference.isActive('legal_basis', citation.basis))) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'basis', message: 'unknown_legal_basis' }]);
    }
    return this.journal.append(staff, caseId, () => this.write('legal_basis_cited', citation, {}, 'case.updated'), this.clock.now());
  }

  withdrawLegalBasis(staff: CurrentStaffMember, caseId: string, withdrawal: LegalBasisWithdrawal): Promise<JournalEntry> {
    return this.journal.append(
      staff,
      caseId,
      (state) => {
        if (!foldLegalBases(state.entries).some((cited) => cited.citationId === withdrawal.citationId)) {
          throw new AppError('VALIDATION_FAILED', [{ field: 'citationId', message: 'unknown_citation' }]);
        }
        return this.write('legal_basis_withdrawn', withdrawal, {}, 'case.updated');
      },
      this.clock.now(),
    );
  }

  async addMeasure(staff: CurrentStaffMember, caseId: string, measure: NewMeasure): Promise<JournalEntry> {
    await this.checkOwner(measure.ownerId);
    const now = this.clock.now();
    const measureId = randomUUID();
    return this.journal.append(
      staff,
      caseId,
      async (state) => {
        // A measure that reveals the defender needs their consent for its recipient, or a recorded emergency exception.
        await checkMeasureDisclosure(state, measure.measure);
        const measures = [...foldMeasures(state.entries), { id: measureId, ...measure }];
        const counters = measure.status === 'done' ? [counter(now, 'measure_delivered', measure.measure)] : [];
        return this.write(
          'measure_added',
          { ...measure, measureId },
          { measureDue: measureDeadline(measures) },
          'case.updated',
          { caseId, counters: [counter(now, 'measure_decided', measure.measure), ...counters] },
          this.ownerHolds(staff, caseId, measure.ownerId),
        );
      },
      now,
    );
  }

  async updateMeasure(staff: CurrentStaffMember, caseId: string, measureId: string, update: MeasureUpdate): Promise<JournalEntry> {
    if (update.ownerId) await this.checkOwner(update.ownerId);
    const now = this.clock.now();
    return this.journal.append(
      staff,
      caseId,
      async (state) => {
        const measures = foldMeasures(state.entries);
        const current = measures.find((m) => m.id === measureId);
        if (!current) throw new AppError('NOT_FOUND');
        // Carrying it out is the disclosure: checked again when it starts or is done (a consent may have been withdrawn since).
        if ((update.status === 'in_progress' || update.status === 'done') && update.status !== current.status)
          await checkMeasureDisclosure(state, current.measure);
        const next = measures.map((m) => (m.id === measureId ? { ...m, ...definedOf(update) } : m));
        const delivered = update.status === 'done' && current.status !== 'done' ? [counter(now, 'measure_delivered', current.measure)] : [];
        return this.write(
          'measure_updated',
          { ...update, measureId },
          { measureDue: measureDeadline(next) },
          'case.updated',
          { caseId, counters: delivered },
          this.ownerHolds(staff, caseId, update.ownerId ?? null),
        );
      },
      now,
    );
  }

  /** Supervisors and the on-call staff assign; assigning grants the case keys to the assignee first. */
  async assign(staff: CurrentStaffMember, caseId: string, { assigneeId }: Assignment): Promise<JournalEntry> {
    if (!canAssign(staff)) throw new AppError('FORBIDDEN', [{ field: 'assigneeId', message: 'assign_not_allowed' }]);
    if (!(await this.staffNames.isAssignee(assigneeId))) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'assigneeId', message: 'assignee_not_certified' }]);
    }
    const holds = await this.repository.findGrant(this.prisma, caseId, 'case', assigneeId);
    if (!holds) await this.grants.grant(staff, caseId, assigneeId);
    const assigneeName = (await this.staffNames.names([assigneeId])).get(assigneeId) ?? '';
    return this.journal.append(
      staff,
      caseId,
      () => this.write('assigned', { assigneeId, assigneeName }, { assignedTo: assigneeId }, 'case.assigned'),
      this.clock.now(),
    );
  }

  addNote(staff: CurrentStaffMember, caseId: string, note: CaseNote): Promise<JournalEntry> {
    return this.journal.append(staff, caseId, () => this.write('note', note, {}, 'case.updated'), this.clock.now());
  }

  /** A hearing, detention review or other date: content (encrypted in the journal), nothing added to the clear index. */
  addAgendaEvent(staff: CurrentStaffMember, caseId: string, event: NewAgendaEvent): Promise<JournalEntry> {
    return this.journal.append(staff, caseId, () => this.write('agenda_event', event, {}, 'case.updated'), this.clock.now());
  }

  /** A postponed hearing or a cancelled review leaves the agenda; an event already cancelled, or none, is refused. */
  cancelAgendaEvent(staff: CurrentStaffMember, caseId: string, eventId: string, cancellation: AgendaEventCancellation): Promise<JournalEntry> {
    return this.journal.append(
      staff,
      caseId,
      (state) => {
        if (!state.entries.some((entry) => entry.id === eventId && entry.kind === 'agenda_event')) throw new AppError('NOT_FOUND');
        if (!standingAgendaEvents(state.entries).some((entry) => entry.id === eventId)) {
          throw new AppError('CONFLICT', [{ field: 'eventId', message: 'agenda_event_already_cancelled' }]);
        }
        return this.write('agenda_event_cancelled', { ...cancellation, eventId }, {}, 'case.updated');
      },
      this.clock.now(),
    );
  }

  private async checkOwner(ownerId: string | null): Promise<void> {
    if (ownerId && !(await this.staffNames.isAssignee(ownerId))) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'ownerId', message: 'assignee_not_certified' }]);
    }
  }

  /**
   * A measure's owner must be able to read the case: one who does not hold it
   * yet receives it through the ordinary audited grant, in the measure's own
   * transaction (a refused grant writes no measure, a refused measure grants
   * nothing).
   */
  private ownerHolds(staff: CurrentStaffMember, caseId: string, ownerId: string | null): ((tx: Db) => Promise<void>) | undefined {
    if (!ownerId) return undefined;
    return async (tx) => {
      if (await this.repository.findGrant(tx, caseId, 'case', ownerId)) return;
      await this.grants.grantWithin(tx, staff, caseId, ownerId).catch((error: unknown) => {
        // No sealable key (deactivated since, or an integrity incident open): said plainly, beside the owner field.
        if (error instanceof AppError && error.code === 'CONFLICT')
          throw new AppError('VALIDATION_FAILED', [{ field: 'ownerId', message: 'assignee_not_certified' }]);
        throw error;
      });
    };
  }

  private write(
    kind: JournalWrite['kind'],
    data: unknown,
    index: JournalWrite['index'],
    audit: JournalWrite['audit'],
    counted?: { caseId: string; counters: CounterKey[] },
    also?: (tx: Db) => Promise<void>,
  ): JournalWrite {
    const counters = counted?.counters.length ? counted : null;
    if (!counters && !also) return { kind, data, index, audit };
    return {
      kind,
      data,
      index,
      audit,
      alsoWithin: async (tx) => {
        if (counters) await this.pendingCounters.queue(tx, counters);
        await also?.(tx);
      },
    };
  }
}

/** Threats that mean the person may be held or missing: silence on the phone is then itself an alarm. */
const DETENTION_THREATS: readonly string[] = ['arrest', 'abduction_disappearance', 'arbitrary_detention'] satisfies (typeof THREAT_TYPES)[number][];
const SILENT_RESULTS: readonly ContactAttempt['result'][] = ['phone_off', 'no_answer'];

/** An urgent case whose person may be detained or missing, and a phone switched off or not answered: escalate. */
export function escalates(urgent: boolean, threatTypes: readonly string[], attempt: Pick<ContactAttempt, 'result'>): boolean {
  return urgent && SILENT_RESULTS.includes(attempt.result) && threatTypes.some((threat) => DETENTION_THREATS.includes(threat));
}

export function canAssign(staff: Pick<CurrentStaffMember, 'roles' | 'onCall'>): boolean {
  return staff.roles.includes('supervisor') || staff.onCall;
}

/** A statistics counter for the month of the event: no case id, nothing finer than the month. */
function counter(now: Date, dimension: string, value: string): CounterKey {
  return { period: monthOf(now), dimension1: dimension, value1: value, dimension2: '', value2: '' };
}

/** Cases reaching closed or inadmissible, and reopened ones (so carried-over counts stay right). */
function closureCounters(now: Date, from: CaseStatus, to: CaseStatus): CounterKey[] {
  const ended = (status: CaseStatus) => status === 'closed' || status === 'inadmissible';
  if (ended(to) && !ended(from)) return [counter(now, 'closed', to)];
  if (ended(from) && !ended(to)) return [counter(now, 'closed', 'reopened')];
  return [];
}

function hoursSince(start: Date, end: Date): number {
  return Math.max(0, (end.getTime() - start.getTime()) / 3_600_000);
}

function definedOf<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
