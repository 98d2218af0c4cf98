import { Injectable } from '@nestjs/common';
import type { Agenda, AgendaItem } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { PrismaService } from '../database/prisma.service.js';
import type { CaseStatus } from '../generated/prisma/client.js';
import { DirectoryService } from '../directory/directory.service.js';
import { openCategories, arrivalOf } from '../vault/case-categories.js';
import { decryptEntries } from '../vault/case-entries.js';
import { CaseKeysAccess } from '../vault/case-keys-access.js';
import type { CaseReader } from '../vault/case-reader.js';
import { CaseVaultService, type CaseRow } from '../vault/case-vault.service.js';
import type { TriageIndex } from '../vault/triage-index.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { AgendaRepository } from './agenda.repository.js';
import { CaseClock } from './case-clock.js';
import { byDate, eventDates, indexDates, ownedMeasureDates, toItems } from './agenda-items.js';
import { fromArrival } from '../vault/response-targets.js';

const CLOSED: CaseStatus[] = ['closed', 'inadmissible'];

/**
 * "My agenda": every open case the caller holds (a case they filed by phone,
 * help on, or own a measure of: its hearings are theirs to know — and so a
 * supervisor's agenda is the team's), each item marked when the case is
 * assigned to them: the hearings and detention reviews of each, with the clear
 * index dates (first contact, assessment, next contact, measures) when it is
 * theirs and only the measures they own when someone else is responsible — journal
 * entries decrypted in memory, never stored or cached in clear. Decrypting a
 * journal is a read of the case: each case is audited once per call as
 * case.decrypted with details { purpose: 'agenda' } (no new audit action,
 * so the audit log's readers need no change). Only the reference, the kind
 * and the date leave this service.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly agenda: AgendaRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly vault: CaseVaultService,
    private readonly audit: AuditService,
    private readonly clock: CaseClock,
  ) {}

  async agendaFor(reader: CaseReader): Promise<Agenda> {
    const now = this.clock.now();
    const held = await this.agenda.findHeldCaseIds(this.prisma, reader.id, CLOSED);
    const items: AgendaItem[] = [];
    const unreadable: Agenda['unreadable'] = [];
    for (const id of held) {
      const row = await this.repository.findCaseFor(this.prisma, id, reader.id);
      if (!row) continue;
      try {
        items.push(...(await this.caseItems(reader, row, now)));
      } catch (error) {
        // A tampered case (already audited by integrityChecked) must not hide the others.
        if (!(error instanceof AppError) || error.code !== 'INTEGRITY_FAILED') throw error;
        unreadable.push({ caseId: row.id, reference: row.reference });
      }
    }
    return { items: items.sort(byDate), unreadable };
  }

  private async caseItems(reader: CaseReader, row: CaseRow, now: Date): Promise<AgendaItem[]> {
    const index: TriageIndex = { ...row };
    const caseKey = this.keys.openCaseKey(row.grants, reader, row.id, row.caseKeyId);
    try {
      const { entries, categories } = await this.vault.integrityChecked(reader, row.id, () => {
        this.vault.verifyCaseRow(row, index, caseKey);
        return {
          entries: decryptEntries(caseKey, this.directory.tenant, row.id, row.entries),
          categories: openCategories(caseKey, this.directory.tenant, row),
        };
      });
      await this.audit.record({ action: 'case.decrypted', actorId: reader.id, targetType: 'case', targetId: row.id, details: { purpose: 'agenda' } });
      const assignedToMe = index.assignedTo === reader.id;
      // As on the case page: its deadlines from the precise arrival, not from the clear index's hour.
      const arrivedAt = arrivalOf(categories);
      const timed = arrivedAt ? fromArrival(index, arrivedAt) : index;
      const dates = assignedToMe
        ? [...indexDates(timed, now), ...eventDates(entries, now)]
        : [...eventDates(entries, now), ...ownedMeasureDates(entries, reader.id, now)];
      return toItems(row.id, row.reference, assignedToMe, dates);
    } finally {
      caseKey.destroy();
    }
  }
}
