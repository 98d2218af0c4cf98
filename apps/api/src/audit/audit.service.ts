import { Inject, Injectable } from '@nestjs/common';
import type { AuditAction } from '@mnpddh/shared';
import { AUDIT_GENESIS_HASH, auditChainHash, type ClearValues } from '../crypto/index.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { CommitHooks } from '../database/commit-hooks.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { AuditRepository, type AuditRow } from './audit.repository.js';
import { auditTimeOf } from './audit-time.js';

export interface AuditEventInput {
  action: AuditAction;
  /** The staff member who acted; null for the public side or the system. */
  actorId: string | null;
  targetType?: 'case' | 'staff' | 'escrow' | 'receipt' | 'export' | 'reference_item' | 'alert' | 'rota' | 'document_template' | 'partner' | 'spoken_prompt';
  targetId?: string;
  /** Non-content facts only (ids, counts, codes). Never case content, never secrets. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * The append-only audit log, chained under a key held outside the database.
 * Callers pass their transaction so the event commits (or not) with the
 * change it records.
 */
@Injectable()
export class AuditService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: AuditRepository,
    private readonly hooks: CommitHooks,
  ) {}

  async record(event: AuditEventInput, tx?: Db): Promise<void> {
    if (tx) return this.append(tx, event);
    await this.prisma.$transaction((inner) => this.append(inner, event));
  }

  private async append(tx: Db, event: AuditEventInput): Promise<void> {
    const head = await this.repository.lockHead(tx);
    const row: Omit<AuditRow, 'hash'> = {
      seq: (head?.seq ?? 0n) + 1n,
      at: auditTimeOf(event, new Date()),
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: event.details ?? {},
      prevHash: head?.hash ?? AUDIT_GENESIS_HASH,
    };
    this.hooks.auditAppended(tx);
    await this.repository.insert(tx, { ...row, hash: auditChainHash(this.runtime.secrets.auditChainKey, row.prevHash, chainValues(row)) });
  }
}

/** The values the chain hash covers: everything in the row but the hashes. */
export function chainValues(row: Omit<AuditRow, 'hash' | 'prevHash'>): ClearValues {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details: sortedJson(row.details ?? {}),
  };
}

/** PostgreSQL's jsonb reorders keys: hash a key-sorted form so a stored row verifies. */
function sortedJson(details: AuditRow['details']): string {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return JSON.stringify(details);
  return JSON.stringify(Object.fromEntries(Object.entries(details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
