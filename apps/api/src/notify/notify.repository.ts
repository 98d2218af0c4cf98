import { INDEX_ROW_SELECT } from '../vault/vault.repository.js';
import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { AlertChannel, AlertKind } from '../generated/prisma/client.js';

export interface NewAlert {
  id: string;
  kind: AlertKind;
  caseId: string | null;
  topic: string | null;
  dedupeKey: string;
  level: number;
  escalateAt: Date | null;
  createdAt: Date;
}

export interface AlertRow {
  id: string;
  kind: AlertKind;
  caseId: string | null;
  topic: string | null;
  level: number;
  createdAt: Date;
  escalateAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  junkAt: Date | null;
}

export interface PendingDelivery {
  id: string;
  recipientId: string;
  channel: AlertChannel;
  attempts: number;
  alert: { id: string; kind: AlertKind };
}

export interface AlertRecipient {
  id: string;
  email: string;
  alertPhone: string | null;
  active: boolean;
}

const ALERT_FIELDS = {
  id: true,
  kind: true,
  caseId: true,
  topic: true,
  level: true,
  createdAt: true,
  escalateAt: true,
  acknowledgedAt: true,
  acknowledgedBy: true,
  junkAt: true,
} as const;
const CLOSED_STATUSES = ['closed', 'inadmissible'] as const;
const LIST_LIMIT = 100;
const BATCH = 50;

/** Alerts, their deliveries, and the clear columns they are computed from. */
@Injectable()
export class NotifyRepository {
  /** False when an alert with this dedupe key exists already (nothing written; the transaction goes on). */
  async insertAlert(db: Db, alert: NewAlert): Promise<boolean> {
    const { count } = await db.alert.createMany({ data: [alert], skipDuplicates: true });
    return count === 1;
  }

  async insertDeliveries(db: Db, rows: { alertId: string; recipientId: string; channel: AlertChannel; createdAt: Date }[]): Promise<void> {
    if (rows.length > 0) await db.alertDelivery.createMany({ data: rows });
  }

  findAlert(db: Db, id: string): Promise<AlertRow | null> {
    return db.alert.findUnique({ where: { id }, select: ALERT_FIELDS });
  }

  async existingDedupeKeys(db: Db, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await db.alert.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } });
    return new Set(rows.map((row) => row.dedupeKey));
  }

  /** Moves an unacknowledged alert from `fromLevel` on; false if someone acknowledged or escalated it meanwhile. */
  async escalate(db: Db, id: string, fromLevel: number, toLevel: number, escalateAt: Date | null): Promise<boolean> {
    const { count } = await db.alert.updateMany({ where: { id, level: fromLevel, acknowledgedAt: null }, data: { level: toLevel, escalateAt } });
    return count === 1;
  }

  async acknowledge(db: Db, id: string, staffId: string, at: Date): Promise<boolean> {
    const { count } = await db.alert.updateMany({
      where: { id, acknowledgedAt: null },
      data: { acknowledgedAt: at, acknowledgedBy: staffId, escalateAt: null },
    });
    return count === 1;
  }

  dueForEscalation(db: Db, now: Date): Promise<AlertRow[]> {
    return db.alert.findMany({ where: { acknowledgedAt: null, escalateAt: { lte: now } }, select: ALERT_FIELDS, orderBy: { escalateAt: 'asc' }, take: BATCH });
  }

  async reachedBy(db: Db, alertId: string): Promise<Set<string>> {
    const rows = await db.alertDelivery.findMany({ where: { alertId }, select: { recipientId: true }, distinct: ['recipientId'] });
    return new Set(rows.map((row) => row.recipientId));
  }

  async wasReached(db: Db, alertId: string, staffId: string): Promise<boolean> {
    return (await db.alertDelivery.count({ where: { alertId, recipientId: staffId } })) > 0;
  }

  /** What reached the person, and (for supervisors and on-call staff) every alert nobody has acknowledged yet. */
  listFor(db: Db, staffId: string, includeUnacknowledged: boolean): Promise<AlertRow[]> {
    return db.alert.findMany({
      where: { OR: [{ deliveries: { some: { recipientId: staffId } } }, ...(includeUnacknowledged ? [{ acknowledgedAt: null }] : [])] },
      select: ALERT_FIELDS,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: LIST_LIMIT,
    });
  }

  /** Deliveries not yet sent, folded nor given up, of alerts still unacknowledged. */
  pendingDeliveries(db: Db): Promise<PendingDelivery[]> {
    return db.alertDelivery.findMany({
      where: { sentAt: null, failedAt: null, foldedAt: null, alert: { acknowledgedAt: null } },
      select: { id: true, recipientId: true, channel: true, attempts: true, alert: { select: { id: true, kind: true } } },
      orderBy: { createdAt: 'asc' },
      take: BATCH,
    });
  }

  async markSent(db: Db, id: string, at: Date): Promise<void> {
    await db.alertDelivery.update({ where: { id }, data: { sentAt: at, attempts: { increment: 1 } } });
  }

  /** Alerts of these kinds among `ids`, with a case and not yet junk. */
  junkCandidates(db: Db, ids: string[], kinds: readonly AlertKind[]): Promise<{ id: string; caseId: string | null }[]> {
    return db.alert.findMany({ where: { id: { in: ids }, kind: { in: [...kinds] }, caseId: { not: null }, junkAt: null }, select: { id: true, caseId: true } });
  }

  /** Marks them junk (unless already) and acknowledges every open alert of their cases: the number marked. */
  async markJunk(db: Db, ids: string[], caseIds: string[], staffId: string, at: Date): Promise<number> {
    const { count } = await db.alert.updateMany({ where: { id: { in: ids }, junkAt: null }, data: { junkAt: at, junkBy: staffId } });
    await db.alert.updateMany({
      where: { caseId: { in: caseIds }, acknowledgedAt: null },
      data: { acknowledgedAt: at, acknowledgedBy: staffId, escalateAt: null },
    });
    return count;
  }

  /** Whether this person was paged on this channel, since `since`, about an alert of this kind still unacknowledged. */
  async pagedSince(db: Db, recipientId: string, channel: AlertChannel, kind: AlertKind, since: Date): Promise<boolean> {
    const count = await db.alertDelivery.count({ where: { recipientId, channel, sentAt: { gte: since }, alert: { kind, acknowledgedAt: null } } });
    return count > 0;
  }

  unacknowledgedCount(db: Db, kind: AlertKind): Promise<number> {
    return db.alert.count({ where: { kind, acknowledgedAt: null } });
  }

  /** Counted in a page already sent (or about to be): not sent on their own. */
  async markFolded(db: Db, ids: string[], at: Date): Promise<void> {
    if (ids.length > 0) await db.alertDelivery.updateMany({ where: { id: { in: ids }, sentAt: null }, data: { foldedAt: at } });
  }

  /** One more failed try; given up (failedAt) once `giveUp`. */
  async markFailed(db: Db, id: string, at: Date, giveUp: boolean): Promise<void> {
    await db.alertDelivery.update({ where: { id }, data: { attempts: { increment: 1 }, ...(giveUp ? { failedAt: at } : {}) } });
  }

  recipients(db: Db, ids: string[]): Promise<AlertRecipient[]> {
    return db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, alertPhone: true, active: true } });
  }

  async namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** The references of these cases (clear, random, saying nothing): an alert names its case. */
  async referencesOf(db: Db, caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const rows = await db.protectionCase.findMany({ where: { id: { in: caseIds } }, select: { id: true, reference: true } });
    return new Map(rows.map((row) => [row.id, row.reference]));
  }

  /** Open cases that may have missed a target: only clear index columns are read. */
  overdueCandidates(db: Db, now: Date) {
    return db.protectionCase.findMany({
      where: {
        status: { notIn: [...CLOSED_STATUSES] },
        OR: [
          { urgent: true, assignedTo: null },
          { firstContactDue: { lt: now } },
          { assessmentDue: { lt: now } },
          { measureDue: { lt: now } },
          { nextContactAt: { lt: now }, assignedTo: { not: null } },
        ],
      },
      // The whole index row with its MAC and revision: the scan checks both before trusting a date.
      select: { ...INDEX_ROW_SELECT, revision: true },
    });
  }
}
