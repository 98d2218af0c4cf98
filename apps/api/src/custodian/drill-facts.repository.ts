import type { Db } from '../database/db.js';

/*
 * The rows the drill facts come from: the active custodians and, from the
 * audit log, their role changes and passed drills. Plain functions: the
 * operational scan (notify) reads them outside the custodian module.
 */

/** The role changes the admin screens record (invitation, update), with the roles after each. */
const ROLE_ACTIONS = ['staff.invited', 'staff.updated'];

export function findActiveCustodians(db: Db) {
  return db.staffUser.findMany({
    where: { active: true, roles: { has: 'custodian' } },
    select: { id: true, name: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
}

export function findRoleChanges(db: Db, staffIds: string[]) {
  return db.auditEvent.findMany({
    where: { action: { in: ROLE_ACTIONS }, targetType: 'staff', targetId: { in: staffIds } },
    select: { targetId: true, at: true, details: true },
  });
}

/** Newest first. */
export function findPassedDrills(db: Db, custodianIds: string[]) {
  return db.auditEvent.findMany({
    where: { action: 'custodian.drill', actorId: { in: custodianIds }, details: { path: ['passed'], equals: true } },
    select: { actorId: true, at: true },
    orderBy: { at: 'desc' },
  });
}
