import type { Db } from '../database/db.js';
import { enrolmentDate, type CustodianDrillFacts } from './drill-due.js';

export interface CustodianDrillRecord extends CustodianDrillFacts {
  readonly id: string;
  readonly name: string;
}

/** The role changes the admin screens record (invitation, update), with the roles after each. */
const ROLE_ACTIONS = ['staff.invited', 'staff.updated'];

/**
 * Each active custodian with their enrolment and last passed drill, from the
 * audit log (where drills and role changes are recorded anyway): the drill
 * status screen and the quarterly reminder read the same facts.
 */
export async function custodianDrillFacts(db: Db): Promise<CustodianDrillRecord[]> {
  const custodians = await db.staffUser.findMany({
    where: { active: true, roles: { has: 'custodian' } },
    select: { id: true, name: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  if (custodians.length === 0) return [];
  const ids = custodians.map((c) => c.id);
  const changes = await db.auditEvent.findMany({
    where: { action: { in: ROLE_ACTIONS }, targetType: 'staff', targetId: { in: ids } },
    select: { targetId: true, at: true, details: true },
  });
  const drills = await db.auditEvent.findMany({
    where: { action: 'custodian.drill', actorId: { in: ids }, details: { path: ['passed'], equals: true } },
    select: { actorId: true, at: true },
    orderBy: { at: 'desc' },
  });
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
