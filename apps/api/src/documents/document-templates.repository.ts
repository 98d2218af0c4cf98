import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { DocumentTemplate, Prisma } from '../generated/prisma/client.js';

/** Template revisions: each save is a new row, the old ones stay. */
@Injectable()
export class DocumentTemplatesRepository {
  /** The kinds and languages that have their first revision (the seed). */
  findSeeded(db: Db): Promise<{ kind: string; language: string }[]> {
    return db.documentTemplate.findMany({ where: { revision: 1 }, select: { kind: true, language: true } });
  }

  /** A second start racing the first seeds nothing twice. */
  async insertSeeds(db: Db, templates: Prisma.DocumentTemplateCreateManyInput[]): Promise<void> {
    await db.documentTemplate.createMany({ data: templates, skipDuplicates: true });
  }

  findLatest(db: Db, kind: string, language: string): Promise<DocumentTemplate | null> {
    return db.documentTemplate.findFirst({ where: { kind, language }, orderBy: { revision: 'desc' } });
  }

  findRevision(db: Db, kind: string, language: string, revision: number): Promise<DocumentTemplate | null> {
    return db.documentTemplate.findUnique({ where: { kind_language_revision: { kind, language, revision } } });
  }

  insertRevision(tx: Db, data: Prisma.DocumentTemplateUncheckedCreateInput): Promise<DocumentTemplate> {
    return tx.documentTemplate.create({ data });
  }

  async findAuthorName(db: Db, staffId: string): Promise<string | null> {
    const author = await db.staffUser.findUnique({ where: { id: staffId }, select: { name: true } });
    return author?.name ?? null;
  }
}
