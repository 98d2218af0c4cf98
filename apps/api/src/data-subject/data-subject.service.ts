import { Injectable } from '@nestjs/common';
import { legalHoldApplies, type DataSubjectRight, type ErasureConfirmation, type NewDataSubjectRequest } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import { RetentionPurge } from '../retention/retention-purge.service.js';
import type { JournalEntry } from '../vault/case-entries.js';
import { CaseFiles } from '../vault/case-files.js';
import { CaseJournal } from '../vault/case-journal.js';
import type { CaseReader } from '../vault/case-reader.js';
import { CaseVaultService, type OpenedCase } from '../vault/case-vault.service.js';
import { ThreadFiles } from '../vault/thread-files.js';
import { DataSubjectRepository } from './data-subject.repository.js';
import { accessExport, exportFileName, requestData, type ExportedFile } from './access-export.js';

/** A download ready to send: the name and the bytes. */
export interface ExportFile {
  readonly fileName: string;
  readonly body: Buffer;
}

/**
 * Data-subject requests (Loi 2013-015) on a case the caller holds: recorded
 * in the case's encrypted journal; access answered with an export of the
 * person's data (audited, no content in the log); erasure carried out by a
 * supervisor as crypto-shredding of the whole case, now, through the
 * retention purge.
 */
@Injectable()
export class DataSubjectService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: DataSubjectRepository,
    private readonly journal: CaseJournal,
    private readonly vault: CaseVaultService,
    private readonly caseFiles: CaseFiles,
    private readonly threadFiles: ThreadFiles,
    private readonly purge: RetentionPurge,
    private readonly audit: AuditService,
  ) {}

  /** One journal entry; a rectification's correction is shown on the case beside the original, which stays. */
  record(staff: CurrentStaffMember, caseId: string, request: NewDataSubjectRequest): Promise<JournalEntry> {
    return this.journal.append(staff, caseId, () => ({ kind: 'data_subject_request', data: definedOf(request), audit: 'case.data_subject_request' }));
  }

  async exportAccess(staff: CurrentStaffMember, caseId: string, requestId: string, now = new Date()): Promise<ExportFile> {
    const opened = await this.vault.openCase(staff, caseId);
    requireRequest(opened, requestId, 'access');
    const document = accessExport(opened, await this.filesOf(staff, opened), now);
    await this.audit.record({ action: 'case.data_subject_access_exported', actorId: staff.id, targetType: 'case', targetId: caseId, details: { requestId } });
    return { fileName: exportFileName(opened.index.reference), body: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8') };
  }

  /**
   * The supervisor's step: the case is opened (grant and integrity checked)
   * to find the erasure request and decide the legal hold — the clear hold
   * of a closed case, or, for an open one, a serious threat type — then
   * shredded if nothing was written to it meanwhile.
   */
  async erase(staff: CurrentStaffMember, caseId: string, requestId: string, confirmation: ErasureConfirmation): Promise<void> {
    const revision = await this.revisionOf(caseId);
    const opened = await this.vault.openCase(staff, caseId);
    const request = requireRequest(opened, requestId, 'erasure');
    const held = opened.index.legalHold || legalHoldApplies(opened.content.categories.threatTypes);
    if (held && !confirmation.legalHoldConfirmed) {
      throw new AppError('CONFLICT', [{ field: 'legalHoldConfirmed', message: 'legal_hold_confirmation_required' }]);
    }
    await this.purge.erase(caseId, {
      actorId: staff.id,
      revision,
      // The purge checks the clear hold again inside its transaction (a closure meanwhile changes the revision too).
      legalHoldConfirmed: confirmation.legalHoldConfirmed,
      details: { requestId, requestedBy: request.authorId, verifiedBy: request.verifiedBy, legalHoldConfirmed: held },
    });
  }

  private async revisionOf(caseId: string): Promise<number> {
    const revision = await this.repository.findCaseRevision(this.prisma, caseId);
    if (revision === null) throw new AppError('NOT_FOUND');
    return revision;
  }

  private async filesOf(reader: CaseReader, opened: OpenedCase): Promise<ExportedFile[]> {
    const files: ExportedFile[] = [];
    for (const file of opened.files) {
      const at = file.createdAt.toISOString();
      if (file.keyKind === 'case') {
        const meta = await this.caseFiles.describe(reader, opened.id, file.id);
        files.push({ source: 'request', name: meta.name, type: meta.type, size: meta.size, sha256: meta.sha256, at });
      } else {
        const meta = await this.threadFiles.describe(reader, opened.id, file.id);
        files.push({ source: 'thread', name: meta.name, type: meta.type, size: meta.size, sha256: meta.sha256, at });
      }
    }
    return files;
  }
}

/** The request this step answers: an entry of this case, about this right. */
function requireRequest(opened: OpenedCase, requestId: string, right: DataSubjectRight): { authorId: string; verifiedBy: string } {
  const entry = opened.entries.find((candidate) => candidate.id === requestId);
  const data = entry ? requestData(entry) : null;
  if (!entry || data?.right !== right) throw new AppError('NOT_FOUND', [{ field: 'requestId', message: 'unknown_data_subject_request' }]);
  return { authorId: entry.authorId, verifiedBy: data.verifiedBy };
}

function definedOf<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
