import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { Prisma } from '../generated/prisma/client.js';

@Injectable()
export class PartnersRepository {
  list(db: Db) {
    return db.partner.findMany({ orderBy: [{ active: 'desc' }, { name: 'asc' }] });
  }

  find(db: Db, id: string) {
    return db.partner.findUnique({ where: { id } });
  }

  count(db: Db): Promise<number> {
    return db.partner.count();
  }

  create(db: Db, partner: Prisma.PartnerCreateInput) {
    return db.partner.create({ data: partner });
  }

  update(db: Db, id: string, partner: Prisma.PartnerUpdateInput) {
    return db.partner.update({ where: { id }, data: partner });
  }
}
