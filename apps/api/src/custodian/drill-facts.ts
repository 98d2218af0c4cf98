import type { Db } from '../database/db.js';
import { findActiveCustodians, findPassedDrills, findRoleChanges } from './drill-facts.repository.js';
import { enrolmentDate, type CustodianDrillFacts } from './drill-due.js';

export interface CustodianDrillRecord extends CustodianDrillFacts {
  readonly id: string;
  readonly name: string;
}

/**
 * Each active custodian with their enrolment and last passed drill, from the
 * audit log (where drills and role changes are recorded anyway): the drill
 * status screen and the quarterly reminder read the same facts.
 */
export async function custodianDrillFacts(db: Db): Promise<CustodianDrillRecord[]> {
  const custodians = await findActiveCustodians(db);
  if (custodians.length === 0) return [];
  const ids = custodians.map((c) => c.id);
  const changes = await findRoleChanges(db, ids);
  const drills = await findPassedDrills(db, ids);
  return custodians.map((c) => ({
    id: c.id,
    name: c.name,
    enrolledAt: enrolmentDate(
      changes.filter((change) => change.targetId === c.id).map((change) => ({ at: change.at, custodian: hasCustodianRole(change.details) })),
      c.createdAt,
    ),
    lastDrillAt: drills.find((drill) => drill.actorId === c.id)?.at ?? null,
  }));
}

/** The audit details keep the roles as "admin,custodian" (sorted, comma-joined). */
function hasCustodianRole(details: unknown): boolean {
  const roles = (details as { roles?: unknown } | null)?.roles;
  return typeof roles === 'string' && roles.split(',').includes('custodian');
}
