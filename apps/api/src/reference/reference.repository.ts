import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { Prisma } from '../generated/prisma/client.js';

@Injectable()
export class ReferenceRepository {
  list(db: Db) {
    return db.referenceItem.findMany({ orderBy: [{ list: 'asc' }, { position: 'asc' }, { code: 'asc' }] });
  }

  find(db: Db, list: string, code: string) {
    return db.referenceItem.findUnique({ where: { list_code: { list, code } } });
  }

  /** Seeds only what is missing: an admin's edit is never overwritten. */
  async insertMissing(db: Db, items: Prisma.ReferenceItemCreateManyInput[]): Promise<number> {
    const { count } = await db.referenceItem.createMany({ data: items, skipDuplicates: true });
    return count;
  }

  upsert(db: Db, item: Prisma.ReferenceItemCreateInput) {
    const { list, code, ...rest } = item;
    return db.referenceItem.upsert({ where: { list_code: { list, code } }, create: item, update: rest });
  }

  async nextPosition(db: Db, list: string): Promise<number> {
    const last = await db.referenceItem.findFirst({ where: { list }, orderBy: { position: 'desc' }, select: { position: true } });
    return (last?.position ?? -1) + 1;
  }
}
