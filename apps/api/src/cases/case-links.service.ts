import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseLinkInput, CaseLinkView, CaseLinkWritten, CaseUnlinkInput, CollectiveSubject, LinkedCaseIndex } from '@mnpddh/shared';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { decryptEntries, type JournalEntry } from '../vault/case-entries.js';
import { CaseJournal, type JournalState, type JournalWrite } from '../vault/case-journal.js';
import { CaseKeysAccess } from '../vault/case-keys-access.js';
import type { CaseReader } from '../vault/case-reader.js';
import { CaseVaultService } from '../vault/case-vault.service.js';
import type { TriageIndex } from '../vault/triage-index.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { CaseClock } from './case-clock.js';
import { CaseLinksRepository } from './case-links.repository.js';
import { collectiveOf, collectiveSide, foldLinks, type ActiveLink } from './case-links-state.js';

interface HeldCase {
  readonly id: string;
  readonly reference: string;
}

/**
 * Linked and collective cases. A link is one journal entry in each
 * of the two cases, written in one transaction (CaseJournal.appendWithin):
 * both journals show it or neither does. The caller must hold both cases;
 * another case they do not hold is "not found", exactly like a reference
 * that does not exist (no existence leak). The two rows are locked in id
 * order so two people linking the same pair from either side cannot
 * deadlock.
 */
@Injectable()
export class CaseLinksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly journal: CaseJournal,
    private readonly repository: VaultRepository,
    private readonly links: CaseLinksRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly vault: CaseVaultService,
    private readonly clock: CaseClock,
  ) {}

  async link(staff: CurrentStaffMember, caseId: string, input: CaseLinkInput): Promise<CaseLinkWritten> {
    const self = await this.requireHeld(staff, caseId);
    const other = await this.findOther(staff, input);
    if (other.id === caseId) throw new AppError('VALIDATION_FAILED', [{ field: targetField(input), message: 'link_to_itself' }]);
    const linkId = randomUUID();
    const now = this.clock.now();
    await this.prisma.$transaction(async (tx) => {
      await this.lockInOrder(tx, caseId, other.id);
      await this.journal.appendWithin(
        tx,
        staff,
        caseId,
        async (mine) => {
          refuseDuplicate(mine, other.id, input);
          // The other case is written from inside this decision: it needs this case's state (is it a collective?), and this entry needs the other's.
          let collectiveCaseId: string | undefined;
          await this.onOther(tx, staff, other.id, now, (theirs) => {
            refuseDuplicate(theirs, caseId, input);
            collectiveCaseId = this.collectiveFor(input, caseId, mine, other.id, theirs);
            return linked({ linkId, otherCaseId: caseId, otherReference: self.reference, relation: input.relation, reason: input.reason, collectiveCaseId });
          });
          return linked({ linkId, otherCaseId: other.id, otherReference: other.reference, relation: input.relation, reason: input.reason, collectiveCaseId });
        },
        now,
      );
    });
    return { linkId, otherCaseId: other.id };
  }

  async unlink(staff: CurrentStaffMember, caseId: string, linkId: string, { reason }: CaseUnlinkInput): Promise<CaseLinkWritten> {
    await this.requireHeld(staff, caseId);
    // Which case is on the other end is inside this case's journal: read it first, so both rows can be locked in order.
    const link = (await this.linksOf(staff, caseId)).find((candidate) => candidate.linkId === linkId);
    if (!link) throw new AppError('NOT_FOUND', [{ field: 'linkId', message: 'unknown_link' }]);
    const other = await this.heldCase(staff, { id: link.otherCaseId });
    if (!other) throw new AppError('NOT_FOUND', [{ field: 'linkId', message: 'case_not_held' }]);
    const now = this.clock.now();
    await this.prisma.$transaction(async (tx) => {
      await this.lockInOrder(tx, caseId, other.id);
      await this.journal.appendWithin(
        tx,
        staff,
        caseId,
        (mine) => {
          if (!foldLinks(mine.entries).some((candidate) => candidate.linkId === linkId && candidate.otherCaseId === other.id)) {
            throw new AppError('NOT_FOUND', [{ field: 'linkId', message: 'unknown_link' }]);
          }
          return unlinked({ linkId, otherCaseId: other.id, otherReference: other.reference, reason });
        },
        now,
      );
      await this.onOther(tx, staff, other.id, now, (theirs) => {
        // A journal holding only one half of a link is not something to paper over.
        if (!foldLinks(theirs.entries).some((candidate) => candidate.linkId === linkId))
          throw new AppError('CONFLICT', [{ field: 'linkId', message: 'unknown_link' }]);
        return unlinked({ linkId, otherCaseId: caseId, otherReference: theirs.index.reference, reason });
      });
    });
    return { linkId, otherCaseId: other.id };
  }

  /** Marks the case as the file of a collective subject (again to correct it: the latest entry counts). */
  async markCollective(staff: CurrentStaffMember, caseId: string, subject: CollectiveSubject): Promise<JournalEntry> {
    return this.journal.append(staff, caseId, () => ({ kind: 'collective_subject', data: subject, audit: 'case.updated' }), this.clock.now());
  }

  /** The case view's links: the other case's clear index only when the caller holds it and its index row is intact. */
  async views(reader: CaseReader, links: readonly ActiveLink[], nameOf: (id: string) => string | null): Promise<CaseLinkView[]> {
    if (links.length === 0) return [];
    const held = await this.repository.findHeldCases(this.prisma, reader.id, { id: { in: links.map((link) => link.otherCaseId) } });
    const indexOf = new Map<string, LinkedCaseIndex>();
    for (const row of held) {
      if (this.vault.indexRowIntact(row))
        indexOf.set(row.id, { status: row.status, urgent: row.urgent, riskLevel: row.riskLevel as LinkedCaseIndex['riskLevel'] });
    }
    return links.map((link) => ({
      linkId: link.linkId,
      otherCaseId: link.otherCaseId,
      otherReference: link.otherReference,
      relation: link.relation,
      reason: link.reason,
      collectiveCaseId: link.collectiveCaseId ?? null,
      at: link.at.toISOString(),
      authorName: nameOf(link.authorId) ?? '',
      other: indexOf.get(link.otherCaseId) ?? null,
    }));
  }

  /** Appends to the other case; a grant that does not open for the caller is "not found" there too. */
  private async onOther(tx: Db, staff: CaseReader, otherId: string, now: Date, decide: (state: JournalState) => JournalWrite): Promise<void> {
    try {
      await this.journal.appendWithin(tx, staff, otherId, decide, now);
    } catch (error) {
      if (error instanceof AppError && error.code === 'FORBIDDEN') throw new AppError('NOT_FOUND');
      throw error;
    }
  }

  private collectiveFor(input: CaseLinkInput, caseId: string, mine: JournalState, otherId: string, theirs: JournalState): string | undefined {
    if (input.relation !== 'member_of_collective') return undefined;
    const collective = collectiveSide(caseId, collectiveOf(mine.entries) !== null, otherId, collectiveOf(theirs.entries) !== null);
    if (!collective) throw new AppError('CONFLICT', [{ field: 'relation', message: 'not_a_collective_subject' }]);
    return collective;
  }

  /** The case this route names: absent is 404, held by others only is 403 — as every case-work route answers. */
  private async requireHeld(staff: CaseReader, caseId: string): Promise<HeldCase> {
    const row = await this.links.findWithGrantsOf(this.prisma, caseId, staff.id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.grants.length === 0) throw new AppError('FORBIDDEN');
    return row;
  }

  /** The other case, among the caller's held cases only: one they do not hold answers like one that does not exist. */
  private async findOther(staff: CaseReader, input: CaseLinkInput): Promise<HeldCase> {
    const other = await this.heldCase(staff, input.otherCaseId ? { id: input.otherCaseId } : { reference: input.otherReference as string });
    if (!other) throw new AppError('NOT_FOUND', [{ field: targetField(input), message: 'case_not_held' }]);
    return other;
  }

  private heldCase(staff: CaseReader, where: { id: string } | { reference: string }): Promise<HeldCase | null> {
    return this.links.findHeld(this.prisma, staff.id, where);
  }

  private async lockInOrder(tx: Db, first: string, second: string): Promise<void> {
    for (const id of [first, second].sort()) await this.repository.lockCase(tx, id);
  }

  /** The links of a held case, decrypted under its key after the same checks as a journal write (the write re-checks under lock). */
  private async linksOf(reader: CaseReader, caseId: string): Promise<ActiveLink[]> {
    const row = await this.repository.findCaseFor(this.prisma, caseId, reader.id);
    if (!row) throw new AppError('NOT_FOUND');
    const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
    try {
      const index: TriageIndex = { ...row };
      const entries = await this.vault.integrityChecked(reader, caseId, () => {
        this.vault.verifyCaseRow(row, index, caseKey);
        return decryptEntries(caseKey, this.directory.tenant, caseId, row.entries);
      });
      return foldLinks(entries);
    } finally {
      caseKey.destroy();
    }
  }
}

function targetField(input: CaseLinkInput): string {
  return input.otherCaseId ? 'otherCaseId' : 'otherReference';
}

/** One link per pair of cases: to change the relation, unlink (with a reason) and link again. */
function refuseDuplicate(state: JournalState, otherId: string, input: CaseLinkInput): void {
  if (foldLinks(state.entries).some((link) => link.otherCaseId === otherId)) {
    throw new AppError('CONFLICT', [{ field: targetField(input), message: 'already_linked' }]);
  }
}

function linked(data: {
  linkId: string;
  otherCaseId: string;
  otherReference: string;
  relation: CaseLinkInput['relation'];
  reason: string;
  collectiveCaseId: string | undefined;
}): JournalWrite {
  const { collectiveCaseId, ...rest } = data;
  return { kind: 'case_linked', data: collectiveCaseId ? { ...rest, collectiveCaseId } : rest, audit: 'case.updated' };
}

function unlinked(data: { linkId: string; otherCaseId: string; otherReference: string; reason: string }): JournalWrite {
  return { kind: 'case_unlinked', data, audit: 'case.updated' };
}
