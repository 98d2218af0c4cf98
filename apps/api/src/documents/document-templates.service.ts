import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  type DocumentKind,
  type DocumentLanguage,
  type DocumentTemplateInput,
  type DocumentTemplateView,
} from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import type { DocumentTemplate } from '../generated/prisma/client.js';
import { DocumentTemplatesRepository } from './document-templates.repository.js';
import { TEMPLATE_SEED } from './template-seed.js';

/**
 * The document templates: seeded at start when a kind and language has none,
 * edited by admins and supervisors. A save is a new revision (the old ones
 * stay, so a drafted document renders with the text it was drafted from);
 * audited by kind, language and revision, never the text.
 */
@Injectable()
export class DocumentTemplates implements OnApplicationBootstrap {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: DocumentTemplatesRepository,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  async seed(): Promise<void> {
    const existing = await this.repository.findSeeded(this.prisma);
    const missing = DOCUMENT_KINDS.flatMap((kind) =>
      DOCUMENT_LANGUAGES.filter((language) => !existing.some((row) => row.kind === kind && row.language === language)).map((language) => ({
        kind,
        language,
        revision: 1,
        ...TEMPLATE_SEED[kind][language],
      })),
    );
    if (missing.length) await this.repository.insertSeeds(this.prisma, missing);
  }

  async list(): Promise<DocumentTemplateView[]> {
    const views: DocumentTemplateView[] = [];
    for (const kind of DOCUMENT_KINDS) {
      for (const language of DOCUMENT_LANGUAGES) {
        const row = await this.latest(this.prisma, kind, language);
        if (row) views.push(await this.view(row));
      }
    }
    return views;
  }

  /** The revision a new draft is made from. */
  current(kind: DocumentKind, language: DocumentLanguage): Promise<DocumentTemplate | null> {
    return this.latest(this.prisma, kind, language);
  }

  latest(db: Db, kind: DocumentKind, language: DocumentLanguage): Promise<DocumentTemplate | null> {
    return this.repository.findLatest(db, kind, language);
  }

  async revision(kind: DocumentKind, language: DocumentLanguage, revision: number): Promise<DocumentTemplate> {
    const row = await this.repository.findRevision(this.prisma, kind, language, revision);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async save(staff: CurrentStaffMember, kind: DocumentKind, language: DocumentLanguage, input: DocumentTemplateInput): Promise<DocumentTemplateView> {
    const row = await this.saveRevision(staff, kind, language, input).catch((error: unknown) => {
      // Two saves from the same revision at once: the unique (kind, language, revision) lets one through.
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', [{ field: 'revision', message: 'template_changed' }]);
      throw error;
    });
    return this.view(row);
  }

  private saveRevision(staff: CurrentStaffMember, kind: DocumentKind, language: DocumentLanguage, input: DocumentTemplateInput): Promise<DocumentTemplate> {
    return this.prisma.$transaction(async (tx) => {
      const current = await this.latest(tx, kind, language);
      // Two editors at once: the second save would silently erase the first.
      if ((current?.revision ?? 0) !== input.revision) throw new AppError('CONFLICT', [{ field: 'revision', message: 'template_changed' }]);
      const saved = await this.repository.insertRevision(tx, {
        kind,
        language,
        revision: input.revision + 1,
        title: input.title,
        body: input.body,
        updatedBy: staff.id,
      });
      await this.audit.record(
        {
          action: 'document.template_updated',
          actorId: staff.id,
          targetType: 'document_template',
          targetId: `${kind}:${language}`,
          details: { revision: saved.revision },
        },
        tx,
      );
      return saved;
    });
  }

  private async view(row: DocumentTemplate): Promise<DocumentTemplateView> {
    const authorName = row.updatedBy ? await this.repository.findAuthorName(this.prisma, row.updatedBy) : null;
    return {
      kind: row.kind as DocumentKind,
      language: row.language as DocumentLanguage,
      revision: row.revision,
      title: row.title,
      body: row.body,
      updatedAt: row.updatedAt.toISOString(),
      updatedByName: authorName,
    };
  }
}
