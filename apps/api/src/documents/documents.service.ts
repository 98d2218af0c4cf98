import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DOCUMENT_CONSENT_FIELDS, foldDocuments, type CaseAttachment, type DocumentDraftInput, type DocumentSummary } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { disclosureAllowed } from '../cases/consent-state.js';
import type { Db } from '../database/db.js';
import { ReferenceService } from '../reference/reference.service.js';
import type { JournalEntry } from '../vault/case-entries.js';
import { CaseFiles } from '../vault/case-files.js';
import { CaseJournal, type JournalState, type JournalWrite } from '../vault/case-journal.js';
import type { CaseReader } from '../vault/case-reader.js';
import { CaseVaultService } from '../vault/case-vault.service.js';
import { ThreadFiles } from '../vault/thread-files.js';
import { DocumentTemplates } from './document-templates.service.js';
import { documentContext, type LabelOf } from './render/document-context.js';
import { warmDocumentFonts } from './render/pdf-layout.js';
import { renderDocument } from './render/render-document.js';

export interface IssuedDocument {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly fileName: string;
}

/**
 * A document's life on a case, each step one journal entry (encrypted under
 * the case key): drafted by a caseworker or supervisor from the current
 * template revision; approved by a supervisor who did not draft it; issued —
 * rendered to PDF with the case as it stands — only once approved and only
 * while the defender's consent covers what the kind reveals to that
 * recipient. Each step is audited with the document's id and kind, never
 * its content.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly journal: CaseJournal,
    private readonly vault: CaseVaultService,
    private readonly templates: DocumentTemplates,
    private readonly reference: ReferenceService,
    private readonly caseFiles: CaseFiles,
    private readonly threadFiles: ThreadFiles,
    private readonly audit: AuditService,
  ) {}

  async draft(staff: CurrentStaffMember, caseId: string, input: DocumentDraftInput): Promise<{ entry: JournalEntry; documentId: string }> {
    const template = await this.templates.current(input.kind, input.language);
    if (!template) throw new AppError('NOT_FOUND');
    const documentId = randomUUID();
    const data = { documentId, ...input, templateRevision: template.revision };
    const entry = await this.journal.append(staff, caseId, () => this.write(staff, caseId, 'document_drafted', data, 'document.drafted', input.kind));
    return { entry, documentId };
  }

  /** A supervisor, not the drafter: four eyes on what leaves the mechanism under its name. */
  approve(staff: CurrentStaffMember, caseId: string, documentId: string): Promise<JournalEntry> {
    return this.journal.append(staff, caseId, (state) => {
      const document = documentOf(state.entries, documentId);
      if (document.draftedBy === staff.id) throw new AppError('FORBIDDEN', [{ field: 'documentId', message: 'approver_is_drafter' }]);
      if (document.state !== 'draft') throw new AppError('CONFLICT', [{ field: 'documentId', message: 'already_approved' }]);
      return this.write(staff, caseId, 'document_approved', { documentId }, 'document.approved', document.kind);
    });
  }

  /**
   * Renders the approved document with the case as it stands and records its
   * fingerprint. The case is opened (and its read audited) first; approval
   * and consent are decided again under the case lock, against the journal
   * and thread as they are at that moment.
   */
  async issue(staff: CurrentStaffMember, caseId: string, documentId: string, now = new Date()): Promise<IssuedDocument> {
    await warmDocumentFonts();
    const opened = await this.vault.openCase(staff, caseId);
    const attachments = await this.attachments(staff, caseId, opened.files);
    let issued: IssuedDocument | undefined;
    await this.journal.append(
      staff,
      caseId,
      async (state) => {
        const document = documentOf(state.entries, documentId);
        if (document.state === 'draft') throw new AppError('REFUSED', [{ field: 'documentId', message: 'document_not_approved' }]);
        await checkConsent(state, document);
        const template = await this.templates.revision(document.kind, document.language, document.templateRevision);
        const source = {
          reference: opened.index.reference,
          receivedAt: opened.index.receivedAt,
          identity: opened.content.identity,
          narrative: opened.content.narrative,
          situation: opened.content.situation,
          entries: state.entries,
          messages: await state.thread(),
          attachments,
        };
        const context = documentContext(document, template, source, now, await this.labels(document.language));
        const bytes = await renderDocument(context);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        // A neutral name: a file left in a downloads folder says no more than the kind of document.
        issued = { bytes, sha256, fileName: `${document.kind}-${context.shortId}.pdf` };
        return this.write(staff, caseId, 'document_issued', { documentId, sha256 }, 'document.issued', document.kind);
      },
      now,
    );
    if (!issued) throw new Error('document not rendered');
    return issued;
  }

  private write(
    staff: CaseReader,
    caseId: string,
    kind: JournalWrite['kind'],
    data: unknown,
    action: 'document.drafted' | 'document.approved' | 'document.issued',
    documentKind: string,
  ): JournalWrite {
    return {
      kind,
      data,
      audit: 'case.updated',
      // The journal's own audit row says an entry was written; this one says which document, of which kind.
      alsoWithin: (tx: Db) =>
        this.audit.record(
          {
            action,
            actorId: staff.id,
            targetType: 'case',
            targetId: caseId,
            details: { documentId: (data as { documentId: string }).documentId, kind: documentKind },
          },
          tx,
        ),
    };
  }

  private async labels(language: 'fr' | 'en'): Promise<LabelOf> {
    const items = await this.reference.all();
    return (list, code) => {
      const item = items.find((candidate) => candidate.list === list && candidate.code === code);
      return item ? (language === 'en' ? item.labelEn : item.labelFr) : code.replaceAll('_', ' ');
    };
  }

  /** The request's and the thread's files, each with the fingerprint taken when it was received. */
  private async attachments(
    reader: CaseReader,
    caseId: string,
    files: { id: string; keyKind: 'case' | 'thread'; createdAt: Date }[],
  ): Promise<CaseAttachment[]> {
    const described: CaseAttachment[] = [];
    for (const file of files) {
      const meta = file.keyKind === 'case' ? await this.caseFiles.describe(reader, caseId, file.id) : await this.threadFiles.describe(reader, caseId, file.id);
      described.push({
        id: file.id,
        source: file.keyKind === 'case' ? 'request' : 'thread',
        name: meta.name,
        type: meta.type,
        size: meta.size,
        sha256: meta.sha256,
        at: file.createdAt.toISOString(),
      });
    }
    return described;
  }
}

function documentOf(entries: readonly JournalEntry[], documentId: string): DocumentSummary {
  const document = foldDocuments(entries).find((candidate) => candidate.documentId === documentId);
  if (!document) throw new AppError('NOT_FOUND', [{ field: 'documentId', message: 'unknown_document' }]);
  return document;
}

/** What the kind reveals must be covered by an active consent for this recipient (or a recorded emergency exception). */
async function checkConsent(state: JournalState, document: DocumentSummary): Promise<void> {
  const allowed = disclosureAllowed({ entries: state.entries, thread: await state.thread() }, document.recipient, DOCUMENT_CONSENT_FIELDS[document.kind]);
  if (!allowed) throw new AppError('REFUSED', [{ field: 'consent', message: 'consent_required' }]);
}
