import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** Who is alerted when only the escrow holds a new case. */
@Injectable()
export class EscrowOnlyRepository {
  async adminAndCustodianIds(db: Db): Promise<string[]> {
    const rows = await db.staffUser.findMany({
      where: { active: true, OR: [{ roles: { has: 'admin' } }, { roles: { has: 'custodian' } }] },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => row.id);
  }
}
