import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

@Injectable()
export class RecoveryCodeRepository {
  /** The person's codes become exactly these (hashes only). */
  async replace(db: Db, userId: string, codeHashes: string[]): Promise<void> {
    await db.recoveryCode.deleteMany({ where: { userId } });
    await db.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) });
  }

  async deleteAllOf(db: Db, userId: string): Promise<void> {
    await db.recoveryCode.deleteMany({ where: { userId } });
  }

  async isUnused(db: Db, userId: string, codeHash: string): Promise<boolean> {
    return (await db.recoveryCode.count({ where: { userId, codeHash, usedAt: null } })) > 0;
  }

  /** Marks the code used: true once, for the first caller (a concurrent replay gets false). */
  async use(db: Db, userId: string, codeHash: string, now: Date): Promise<boolean> {
    const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: now } });
    return count > 0;
  }
}
