import { Inject, Injectable } from '@nestjs/common';
import {
  isUrgent,
  type AssistedReceipt,
  type AssistedRequest,
  type CallbackRequest,
  type Locale,
  type ProtectionRequest,
  type SubmissionReceipt,
} from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { CryptoError, idempotencyLookupId, openReplay, sealReplay } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import type { CaseContent } from '../vault/case-content.js';
import { CaseVaultService } from '../vault/case-vault.service.js';
import { IntakeRepository } from './intake.repository.js';
import { PublicWork, type PublicLane } from '../public-work/public-work.js';
import { callbackContent, requestContent } from './request-content.js';

/** The first answer to a submission, kept (encrypted) for a retry; the public never sees the case id. */
interface CreatedAnswer extends SubmissionReceipt {
  caseId: string;
}

/** A retry may get the first answer (with its receipt) back for this long, and no longer. */
const REPLAY_MINUTES = 15;

/**
 * Public intake: a request (or a call-back request) becomes an encrypted
 * case. A retried submission with the same Idempotency-Key gets the first
 * answer back instead of a duplicate; the server keeps only a hash of the
 * key, and the answer encrypted under that key for 15 minutes.
 */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly vault: CaseVaultService,
    private readonly repository: IntakeRepository,
    private readonly work: PublicWork,
  ) {}

  /** `paid`: the client solved the puzzle the current load asks for, and goes ahead of those who did not. */
  async submit(request: ProtectionRequest, idempotencyKey: string | undefined, paid = false, formLanguage?: Locale): Promise<SubmissionReceipt> {
    const lane = paid ? 'intake-paid' : 'intake';
    const { reference, receipt, urgent } = await this.create(requestContent(request, 'web', formLanguage), isUrgent(request.rightNow), idempotencyKey, lane);
    return { reference, receipt, urgent };
  }

  /** A caseworker files a request for someone who called, wrote or came in; they hold the case at once. */
  async fileAssisted(staffId: string, assisted: AssistedRequest, idempotencyKey: string | undefined): Promise<AssistedReceipt> {
    const { request, channel, withholdReceipt } = assisted;
    const created = await this.create(requestContent(request, channel), isUrgent(request.rightNow), idempotencyKey, 'assisted', staffId);
    return { caseId: created.caseId, reference: created.reference, receipt: withholdReceipt ? null : created.receipt, urgent: created.urgent };
  }

  async requestCallback(request: CallbackRequest, idempotencyKey: string | undefined, paid = false): Promise<{ reference: string }> {
    const lane = paid ? 'intake-paid' : 'intake';
    const { reference } = await this.create(callbackContent(request), request.lifeInDanger === 'yes', idempotencyKey, lane);
    return { reference };
  }

  private async create(
    content: CaseContent,
    urgent: boolean,
    idempotencyKey: string | undefined,
    lane: PublicLane,
    createdBy?: string,
  ): Promise<CreatedAnswer> {
    const tenant = this.runtime.config.TENANT;
    const lookupId = idempotencyKey === undefined ? undefined : this.lookupId(idempotencyKey);
    if (lookupId && idempotencyKey) {
      const earlier = await this.replay(lookupId, idempotencyKey);
      if (earlier) return earlier;
    }
    try {
      const created = await this.work.run(lane, () =>
        this.vault.createCase({
          urgent,
          content,
          ...(createdBy ? { createdBy } : {}),
          ...(lookupId && idempotencyKey
            ? {
                submissionHash: lookupId,
                onCreated: async (tx, result) => {
                  const answer = JSON.stringify({ caseId: result.caseId, reference: result.reference, receipt: result.receipt, urgent });
                  const expiresAt = new Date(Date.now() + REPLAY_MINUTES * 60_000);
                  await this.repository.saveReplay(tx, lookupId, sealReplay(answer, idempotencyKey, tenant), expiresAt);
                },
              }
            : {}),
        }),
      );
      await this.repository.deleteExpiredReplays(this.prisma);
      return { caseId: created.caseId, reference: created.reference, receipt: created.receipt, urgent };
    } catch (error) {
      // Two copies of the same submission raced: the other one won; answer as it did.
      if (isUniqueViolation(error) && lookupId && idempotencyKey) {
        const earlier = await this.replay(lookupId, idempotencyKey);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  private async replay(lookupId: string, idempotencyKey: string): Promise<CreatedAnswer | null> {
    const kept = await this.repository.findReplay(this.prisma, lookupId);
    if (kept) return JSON.parse(openReplay(kept.answer, idempotencyKey, this.runtime.config.TENANT)) as CreatedAnswer;
    // Received long ago: its receipt was shown then and is not kept.
    if (await this.repository.caseExists(this.prisma, lookupId)) throw new AppError('CONFLICT');
    return null;
  }

  private lookupId(idempotencyKey: string): string {
    try {
      return idempotencyLookupId(idempotencyKey, this.runtime.config.TENANT);
    } catch (error) {
      if (error instanceof CryptoError) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'Idempotency-Key', message: 'idempotency_key_length' }]);
      }
      throw error;
    }
  }
}
