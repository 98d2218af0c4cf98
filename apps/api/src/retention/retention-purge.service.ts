import { Inject, Injectable } from '@nestjs/common';
import type { PurgeReport, RetentionPolicy } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { verifyIndexRowMac } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { FILE_STORE, type FileStore } from '../file-store/file-store.js';
import { indexValues } from '../vault/triage-index.js';
import { RetentionPolicyService } from './retention-policy.service.js';
import { expiryOf } from './retention-expiry.js';
import { RetentionRepository } from './retention.repository.js';
import { isConfirmed } from './retention.service.js';

type CaseRow = NonNullable<Awaited<ReturnType<RetentionRepository['findCase']>>>;
type Verdict = 'purge' | 'keep' | 'held';

/** A supervisor's order to shred one case now (a data-subject erasure), checked against the case as it was decided on. */
export interface ErasureOrder {
  readonly actorId: string;
  /** The case revision the decision was taken on: any write since then refuses the erasure. */
  readonly revision: number;
  /** The supervisor's explicit go-ahead for a case on legal hold. */
  readonly legalHoldConfirmed: boolean;
  /** Ids and codes only (the request's journal entry, how the person was verified): never content. */
  readonly details: Readonly<Record<string, string | boolean>>;
}

/**
 * Crypto-shredding (SECURITY.md): a closed case past its retention loses
 * every grant, receipt wrap and ciphertext, and its index row, in one
 * transaction audited by id and reference; the statistics counters keep
 * their counts; once that has committed, the case's encrypted files go from
 * the file store too. A case on legal hold waits for a supervisor's confirmation.
 * The index MAC is checked first: a forged closure date purges nothing.
 */
@Injectable()
export class RetentionPurge {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: RetentionRepository,
    private readonly policies: RetentionPolicyService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  async run(now = new Date()): Promise<PurgeReport> {
    const report: PurgeReport = { purged: 0, held: 0, skipped: 0 };
    const policy = await this.policies.current();
    const candidates = await this.repository.findEndedCases(this.prisma);
    for (const candidate of candidates) {
      const outcome = await this.purgeOne(candidate.id, policy, now);
      if (outcome === 'purge') report.purged += 1;
      if (outcome === 'held') report.held += 1;
      if (outcome === 'skipped') report.skipped += 1;
    }
    // The deleted tuples linger in the table files until vacuumed.
    if (report.purged > 0) await this.repository.vacuum(this.prisma);
    return report;
  }

  /**
   * Crypto-shreds one case now, whatever its retention: the same deletions
   * as the daily purge, in one transaction, audited as `case.erased` (ids
   * and codes only), then the same vacuum. The statistics counters keep
   * their counts.
   */
  async erase(caseId: string, order: ErasureOrder): Promise<void> {
    const storeKeys = await this.prisma.$transaction(async (tx) => {
      await this.repository.lockCase(tx, caseId);
      const row = await this.repository.findCase(tx, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      this.verifiedForErasure(row);
      if (row.revision !== order.revision) throw new AppError('CONFLICT', [{ field: 'confirm', message: 'case_changed' }]);
      if (row.legalHold && !order.legalHoldConfirmed) {
        throw new AppError('CONFLICT', [{ field: 'legalHoldConfirmed', message: 'legal_hold_confirmation_required' }]);
      }
      const keys = await this.repository.storeKeysOf(tx, caseId);
      await this.repository.deleteCase(tx, caseId);
      await this.audit.record(
        { action: 'case.erased', actorId: order.actorId, targetType: 'case', targetId: caseId, details: { ...order.details, legalHold: row.legalHold } },
        tx,
      );
      return keys;
    });
    await this.removeStored(storeKeys);
    try {
      await this.repository.vacuum(this.prisma);
    } catch (error) {
      // The case is already erased (committed): a refused VACUUM (an old server without MAINTAIN) must not turn that into an error.
      this.runtime.logger.warn({ reason: error instanceof Error ? error.name : 'unknown' }, 'retention: vacuum after an erasure failed');
    }
  }

  private async purgeOne(caseId: string, policy: RetentionPolicy, now: Date): Promise<Verdict | 'skipped'> {
    try {
      const { verdict, storeKeys } = await this.prisma.$transaction(async (tx) => {
        const kept = (verdict: Verdict) => ({ verdict, storeKeys: [] as string[] });
        await this.repository.lockCase(tx, caseId);
        const row = await this.repository.findCase(tx, caseId);
        if (!row) return kept('keep');
        this.verifyIndex(row);
        const decision = await this.repository.findDecision(tx, caseId);
        const verdict = verdictOf(row, expiryOf({ ...row, extendedUntil: decision?.extendedUntil ?? null }, policy), isConfirmed(decision, row.revision), now);
        if (verdict !== 'purge') return kept(verdict);
        const storeKeys = await this.repository.storeKeysOf(tx, caseId);
        await this.repository.deleteCase(tx, caseId);
        await this.audit.record(
          { action: 'case.purged', actorId: null, targetType: 'case', targetId: caseId, details: { reference: row.reference, legalHold: row.legalHold } },
          tx,
        );
        return { verdict, storeKeys };
      });
      await this.removeStored(storeKeys);
      return verdict;
    } catch (error) {
      // An index that fails its MAC (or a transient failure) is left for people to look at; no data in the log.
      this.runtime.logger.warn({ reason: error instanceof Error ? error.name : 'unknown' }, 'retention: a case was not purged');
      return 'skipped';
    }
  }

  /** After the commit: a removal that fails (a disk error) leaves the object to the hourly sweep, never the case half-purged. */
  private async removeStored(keys: string[]): Promise<void> {
    await this.store.remove(keys).catch(() => this.runtime.logger.warn('retention: a stored file was left to the sweep'));
  }

  /** A forged index row (a legal hold cleared in SQL) erases nothing. */
  private verifiedForErasure(row: CaseRow): void {
    try {
      this.verifyIndex(row);
    } catch {
      throw new AppError('INTEGRITY_FAILED');
    }
  }

  private verifyIndex(row: CaseRow): void {
    verifyIndexRowMac(this.runtime.secrets.indexKey, { tenant: this.directory.tenant, caseId: row.id, values: indexValues(row) }, row.indexMac);
  }
}

function verdictOf(row: CaseRow, expiry: Date | null, confirmed: boolean, now: Date): Verdict {
  if (!expiry || expiry > now) return 'keep';
  return row.legalHold && !confirmed ? 'held' : 'purge';
}
