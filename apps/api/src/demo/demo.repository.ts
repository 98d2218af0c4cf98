import type { Db } from '../database/db.js';

/** Whether anyone has an account yet: the demo team is only ever seeded into an empty directory. */
export async function hasStaff(db: Db): Promise<boolean> {
  return (await db.staffUser.count()) > 0;
}
