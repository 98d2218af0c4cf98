import { matchesStamp } from '../integrity/case-stamp.js';
import { Inject, Injectable } from '@nestjs/common';
import type { CaseDetail, CaseList, CaseListQuery, CaseListStatus, CaseSummary } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import type { CaseCategories } from '../vault/case-content.js';
import type { CaseReader } from '../vault/case-reader.js';
import { CaseVaultService, type SealedCategoriesRow } from '../vault/case-vault.service.js';
import { VaultRepository } from '../vault/vault.repository.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { CaseDrafts } from '../vault/case-drafts.js';
import { CaseFiles } from '../vault/case-files.js';
import { ThreadFiles } from '../vault/thread-files.js';
import { CaseClock } from './case-clock.js';
import { foldLegalBases, foldMeasures, measureOverdue } from './case-state.js';
import { AssigneeAccess } from './assignee-access.js';
import { canAssign } from './case-work.service.js';
import { foldConsents } from './consent-state.js';
import { referralViews } from './referral-views.js';
import { requestConsents } from './request-consents.js';
import { StaffNames } from './staff-names.js';
import { CategoryCache, fingerprintOf, type SessionCategories } from './category-cache.js';
import { clearFiltersOf, hasEncryptedFilter, matchesCategories } from './case-list-filters.js';
import { byPriority } from './case-list-priority.js';
import { DetailsMerge, mergedSeqs } from './details-merge.js';
import { withAddedDetails } from './added-details-view.js';
import { pendingDetails } from '../vault/sealed-details.js';
import { arrivalOf } from '../vault/case-categories.js';
import { CaseLinksService } from './case-links.service.js';
import { collectiveOf, foldLinks } from './case-links-state.js';
import { fromArrival, overdueTargets } from '../vault/response-targets.js';
import { responseTargetsOf, type ResponseTargets } from '../config/response-targets.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { pageBefore } from '../vault/journal-page.js';
import { agendaEventViews, closingOutcomeOf, dataSubjectRequestsOf, documentViews, entryView } from './journal-views.js';

/** The session a list call belongs to: its cache lives and dies with it. */
export interface ListSession {
  readonly idHash: string;
  readonly expiresAt: Date;
}

const STATUSES: readonly CaseListStatus[] = ['received', 'under_assessment', 'measures_in_progress', 'monitoring', 'closed', 'inadmissible'];
const OPEN = (status: string) => status !== 'closed' && status !== 'inadmissible';

/** A held case's clear index row, as the list reads it for every held case. */
type HeldIndexRow = Awaited<ReturnType<VaultRepository['findHeldIndex']>>[number];

interface Listed {
  row: HeldIndexRow;
  overdue: CaseSummary['overdueTargets'];
  /** The clear index row carries its MAC (checked for every case listed, decrypted or not). */
  intact: boolean;
  /** undefined: not decrypted (not needed); null: failed its integrity check. */
  categories?: CaseCategories | null;
  /** The precise arrival, once decrypted. */
  arrivedAt?: Date;
}

/**
 * The staff case list and case view. The list reads the clear triage index
 * of the cases the caller holds a grant for (filters on it in SQL; no
 * ciphertext), checks each row's index MAC (memoised for the exact row) and
 * anchored revision (every time), and decrypts only the categories concern —
 * and only of the cases it needs (all held cases when an encrypted filter is
 * on, the page otherwise), through the session's cache, reading their
 * ciphertext and grants only then. Listing is not a read of a
 * case's content: not audited per case. The view is CaseVaultService.openCase
 * (integrity-checked, audited as case.decrypted).
 */
@Injectable()
export class CasesService {
  private readonly targets: ResponseTargets;

  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly vault: CaseVaultService,
    private readonly cache: CategoryCache,
    private readonly clock: CaseClock,
    private readonly staffNames: StaffNames,
    private readonly drafts: CaseDrafts,
    private readonly caseFiles: CaseFiles,
    private readonly threadFiles: ThreadFiles,
    private readonly caseLinks: CaseLinksService,
    private readonly details: DetailsMerge,
    private readonly assigneeAccess: AssigneeAccess,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    this.targets = responseTargetsOf(runtime.config);
  }

  async list(reader: CaseReader, session: ListSession, query: CaseListQuery): Promise<CaseList> {
    const now = this.clock.now();
    // Details the defender added later count as part of the request: merged before anything is filtered.
    await this.details.mergeHeld(reader);
    const rows = await this.repository.findHeldIndex(this.prisma, reader.id, clearFiltersOf(reader.id, query));
    const cached = this.cache.session(session.idHash, reader.id, session.expiresAt);
    const stamps = await this.vault.anchoredStamps();
    let listed: Listed[] = rows.map((row) => ({
      row,
      overdue: overdueTargets(row, now, this.targets),
      // MAC'd under the index key, and the revision and index row the anchored log last recorded (no replay).
      intact: this.vault.indexRowIntact(row) && matchesStamp(row, stamps[row.id]),
    }));

    if (hasEncryptedFilter(query)) {
      listed = await this.withCategories(reader, cached, listed);
      listed = listed.filter((item) => item.categories === null || matchesCategories(item.categories as CaseCategories, query));
    }
    // Only a case whose target falls inside the uncertain hour needs its precise arrival to be ranked right.
    listed = await this.timedWhereUncertain(reader, cached, listed, now);
    listed.sort(byPriority);

    const start = (query.page - 1) * query.pageSize;
    let page = listed.slice(start, start + query.pageSize);
    page = (await this.withCategories(reader, cached, page)).map((item) => this.timedFromArrival(item, now));

    const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<CaseListStatus, number>;
    for (const { row } of listed) byStatus[row.status as CaseListStatus] += 1;
    const names = await this.staffNames.names(page.flatMap(({ row }) => (row.assignedTo ? [row.assignedTo] : [])));
    const lost = await this.assigneeAccess.lost(page.map(({ row }) => row));
    return {
      items: page.map((item) => summary(item, names, lost.has(item.row.id))),
      total: listed.length,
      page: query.page,
      pageSize: query.pageSize,
      counts: {
        byStatus,
        urgent: listed.filter(({ row }) => row.urgent && OPEN(row.status)).length,
        overdue: listed.filter(({ overdue }) => overdue.length > 0).length,
      },
    };
  }

  async view(staff: CurrentStaffMember, caseId: string): Promise<CaseDetail> {
    let opened = await this.vault.openCase(staff, caseId);
    if (pendingDetails(opened.messages, mergedSeqs(opened.entries)).length > 0) {
      await this.details.merge(staff, caseId);
      opened = await this.vault.openCase(staff, caseId);
    }
    const { index } = opened;
    const content = withAddedDetails(opened.content, opened.entries);
    const now = this.clock.now();
    const arrivedAt = arrivalOf(content.categories);
    const overdue = overdueTargets(index, now, this.targets, arrivedAt);
    const timed = arrivedAt ? fromArrival(index, arrivedAt) : index;
    const measures = foldMeasures(opened.entries);
    const names = await this.staffNames.names([
      ...opened.entries.map((entry) => entry.authorId),
      ...measures.flatMap((m) => (m.ownerId ? [m.ownerId] : [])),
      ...(index.assignedTo ? [index.assignedTo] : []),
    ]);
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    const latest = pageBefore(opened.entries, null);
    return {
      id: opened.id,
      index: {
        reference: index.reference,
        status: index.status as CaseListStatus,
        urgent: index.urgent,
        riskLevel: index.riskLevel as CaseDetail['index']['riskLevel'],
        receivedAt: index.receivedAt.toISOString(),
        arrivedAt: iso(arrivedAt),
        firstContactDue: iso(timed.firstContactDue),
        assessmentDue: iso(timed.assessmentDue),
        nextContactAt: iso(index.nextContactAt),
        measureDue: iso(index.measureDue),
        assignedTo: index.assignedTo,
        assignedToName: nameOf(index.assignedTo),
        assigneeLostAccess: (await this.assigneeAccess.lost([{ id: opened.id, assignedTo: index.assignedTo }])).has(opened.id),
        overdue: overdue.length > 0,
        overdueTargets: overdue,
      },
      identity: content.identity,
      contact: content.contact,
      narrative: content.narrative,
      situation: content.situation,
      categories: content.categories,
      thread: opened.messages.map((message) => ({
        seq: message.seq,
        from: message.sender === 'staff' ? ('protection_team' as const) : ('defender' as const),
        kind: message.kind,
        // Details are shown merged into the case and as their journal entry, never as the stored value.
        body: message.kind === 'details' ? '' : message.body,
        ...(message.fileId ? { fileId: message.fileId } : {}),
        at: message.createdAt.toISOString(),
      })),
      entries: latest.entries.map((entry) => entryView(entry, nameOf)),
      olderEntriesBefore: latest.olderEntriesBefore,
      documents: documentViews(opened.entries, nameOf),
      agendaEvents: agendaEventViews(opened.entries),
      dataSubjectRequests: dataSubjectRequestsOf(opened.entries).map((entry) => entryView(entry, nameOf)),
      closingOutcome: closingOutcomeOf(opened.entries),
      measures: measures.map((m) => ({ ...m, ownerName: nameOf(m.ownerId), overdue: measureOverdue(m, now) })),
      legalBases: foldLegalBases(opened.entries),
      consents: [
        ...requestConsents(caseId, content.categories, (content.identity.submitter as { kind?: unknown } | undefined)?.kind, index.receivedAt, opened.messages),
        ...foldConsents(opened.entries, opened.messages),
      ],
      referrals: referralViews({ entries: opened.entries, thread: opened.messages }),
      links: await this.caseLinks.views(staff, foldLinks(opened.entries), nameOf),
      collectiveSubject: collectiveOf(opened.entries),
      attachments: await this.attachments(staff, caseId, opened.files),
      canAssign: canAssign(staff),
      draft: await this.drafts.load(staff, caseId),
    };
  }

  private async attachments(reader: CaseReader, caseId: string, files: { id: string; keyKind: 'case' | 'thread'; createdAt: Date }[]) {
    const described: CaseDetail['attachments'] = [];
    for (const file of files) {
      if (file.keyKind === 'case') {
        const meta = await this.caseFiles.describe(reader, caseId, file.id);
        described.push({
          id: file.id,
          source: 'request',
          name: meta.name,
          type: meta.type,
          size: meta.size,
          sha256: meta.sha256,
          at: file.createdAt.toISOString(),
        });
      } else {
        const meta = await this.threadFiles.describe(reader, caseId, file.id);
        described.push({
          id: file.id,
          source: 'thread',
          name: meta.name,
          type: meta.type,
          size: meta.size,
          sha256: meta.sha256,
          at: file.createdAt.toISOString(),
        });
      }
    }
    return described;
  }

  /** Cases overdue if they arrived at hh:00 but not if at hh:59:59 are decrypted and counted from the real minute; the rest are certain already. */
  private async timedWhereUncertain(reader: CaseReader, cached: SessionCategories, items: Listed[], now: Date): Promise<Listed[]> {
    const uncertain = (item: Listed) =>
      item.categories === undefined && overdueTargets(item.row, now, this.targets, item.row.receivedAt).length !== item.overdue.length;
    const decrypted = new Map((await this.withCategories(reader, cached, items.filter(uncertain))).map((item) => [item.row.id, item]));
    return items.map((item) => this.timedFromArrival(decrypted.get(item.row.id) ?? item, now));
  }

  /** A decrypted case's targets counted from its precise arrival (the scan over every row erred late). */
  private timedFromArrival(item: Listed, now: Date): Listed {
    const arrivedAt = item.intact && item.categories ? arrivalOf(item.categories) : null;
    return arrivedAt ? { ...item, arrivedAt, overdue: overdueTargets(item.row, now, this.targets, arrivedAt) } : item;
  }

  /**
   * Decrypts (or finds in the session's cache) the categories of these
   * cases, reading the ciphertext and grant of only the cases the cache
   * lacks; cases whose grant does not open for this key are dropped.
   */
  private async withCategories(reader: CaseReader, cached: SessionCategories, items: Listed[]): Promise<Listed[]> {
    const found = new Map<string, CaseCategories | null>();
    const missing: Listed[] = [];
    for (const item of items) {
      if (item.categories !== undefined) continue;
      const hit = cached.get(item.row.id, fingerprintOf(item.row));
      if (hit && (hit.categories === null || item.intact)) found.set(item.row.id, hit.categories);
      else missing.push(item);
    }
    if (missing.length > 0) {
      const sealed = await this.repository.findSealedCategories(
        this.prisma,
        reader.id,
        missing.map(({ row }) => row.id),
      );
      const sealedOf = new Map(sealed.map((row) => [row.id, row]));
      for (const { row } of missing) {
        const parts = sealedOf.get(row.id);
        // Same key as the index read: a case re-keyed in between is left for the next list.
        if (!parts || parts.caseKeyId !== row.caseKeyId) continue;
        const categories = await this.decrypted(reader, cached, { ...row, ...parts });
        if (categories !== undefined) found.set(row.id, categories);
      }
    }
    return items.flatMap((item) => {
      if (item.categories !== undefined) return [item];
      return found.has(item.row.id) ? [{ ...item, categories: found.get(item.row.id) }] : [];
    });
  }

  /** One case's categories, kept in the session's cache; null when it failed its integrity check, undefined when the grant is not this reader's. */
  private async decrypted(reader: CaseReader, cached: SessionCategories, row: HeldIndexRow & SealedCategoriesRow): Promise<CaseCategories | null | undefined> {
    try {
      const categories = await this.vault.decryptCategories(reader, row);
      cached.set(row.id, fingerprintOf(row), categories);
      return categories;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'INTEGRITY_FAILED') {
        // Audited once for this state of the row; listed (flagged) so a tampered case does not vanish from the queue.
        cached.set(row.id, fingerprintOf(row), null);
        return null;
      }
      if (error.code !== 'FORBIDDEN') throw error;
      return undefined;
    }
  }
}

function summary(item: Listed, names: Map<string, string>, assigneeLostAccess: boolean): CaseSummary {
  const { overdue } = item;
  const row = item.arrivedAt ? fromArrival(item.row, item.arrivedAt) : item.row;
  const categories = item.intact ? item.categories : null;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as CaseListStatus,
    urgent: row.urgent,
    riskLevel: row.riskLevel as CaseSummary['riskLevel'],
    receivedAt: item.row.receivedAt.toISOString(),
    arrivedAt: iso(item.arrivedAt ?? null),
    firstContactDue: iso(row.firstContactDue),
    assessmentDue: iso(row.assessmentDue),
    measureDue: iso(row.measureDue),
    assignedTo: row.assignedTo,
    assignedToName: row.assignedTo ? (names.get(row.assignedTo) ?? null) : null,
    assigneeLostAccess,
    overdue: overdue.length > 0,
    overdueTargets: overdue,
    region: categories ? categories.region : null,
    threatTypes: categories ? categories.threatTypes : [],
    channel: categories ? (categories.channel ?? null) : null,
    integrityFailed: categories === null || !item.intact,
  };
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
