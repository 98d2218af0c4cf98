import { Inject, Injectable } from '@nestjs/common';
import type { ConsentWithdrawal, FollowUpView, RequestDetails, ThreadEntry } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import {
  createSessionSecrets,
  CryptoError,
  hashSessionId,
  sealDetails,
  unwrapThreadKeyForSession,
  wrapThreadKeyForSession,
  type ThreadKey,
} from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import { PublicWork } from '../public-work/public-work.js';
import { sealedDetailsBody } from '../vault/sealed-details.js';
import { ThreadMessages, type ThreadMessage } from '../vault/thread-messages.js';
import { activeConsents, consentEntryCode } from './follow-up-consents.js';
import { FollowUpRepository } from './follow-up.repository.js';
import { publicStatus } from './public-status.js';

/** Short: a follow-up session is for one visit. */
const SESSION_MINUTES = 20;

export interface OpenFollowUp {
  readonly caseId: string;
  readonly idHash: string;
  readonly threadKey: ThreadKey;
  readonly expiresAt: Date;
}

/**
 * The defender's side, with a receipt and no account: a short session that
 * holds the thread key (wrapped under the key in their cookie), shows where
 * the request stands and the thread, and takes replies, later details and
 * consent withdrawals. It never shows the original request back.
 */
@Injectable()
export class FollowUpService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: FollowUpRepository,
    private readonly thread: ThreadMessages,
    private readonly work: PublicWork,
    private readonly anchor: IntegrityAnchor,
  ) {}

  /**
   * Same answer and the same Argon2id cost for any wrong receipt. No budget
   * a guesser could spend for everyone: the public work pool bounds the rate
   * (the receipt's 66 bits keep that rate harmless), and `paid` (a solved
   * puzzle) goes ahead of unpriced attempts.
   */
  async open(receipt: string, paid = false): Promise<{ cookie: string; view: FollowUpView }> {
    const opened = await this.work.run(paid ? 'follow-up-paid' : 'follow-up', () => this.thread.openWithReceipt(receipt));
    const secrets = createSessionSecrets();
    const expiresAt = new Date(Date.now() + SESSION_MINUTES * 60_000);
    try {
      await this.repository.createSession(this.prisma, {
        idHash: secrets.sessionIdHash,
        caseId: opened.caseId,
        receiptId: opened.receiptId,
        wrappedThreadKey: wrapThreadKeyForSession(opened.threadKey, secrets.sessionKey, {
          sessionIdHash: secrets.sessionIdHash,
          caseId: opened.caseId,
        }),
        expiresAt,
      });
      await this.repository.deleteExpiredSessions(this.prisma);
      const session = { caseId: opened.caseId, idHash: secrets.sessionIdHash, threadKey: opened.threadKey, expiresAt };
      return { cookie: `${secrets.sessionId}.${secrets.sessionKey}`, view: await this.view(session, opened.messages) };
    } finally {
      opened.threadKey.destroy();
    }
  }

  /** The session of a cookie, or 401: expired, ended, or its receipt revoked since. */
  async resume(cookie: string | undefined): Promise<OpenFollowUp> {
    const [sessionId, sessionKey] = (cookie ?? '').split('.');
    if (!sessionId || !sessionKey) throw new AppError('UNAUTHENTICATED');
    try {
      const idHash = hashSessionId(sessionId);
      const session = await this.repository.findSession(this.prisma, idHash);
      const receipt = session ? await this.repository.findReceipt(this.prisma, session.receiptId) : null;
      if (!session || !receipt || receipt.revokedAt || (await this.anchor.receiptRevoked(session.receiptId))) throw new AppError('UNAUTHENTICATED');
      const threadKey = unwrapThreadKeyForSession(session.wrappedThreadKey, sessionKey, { sessionIdHash: idHash, caseId: session.caseId });
      return { caseId: session.caseId, idHash, threadKey, expiresAt: session.expiresAt };
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('UNAUTHENTICATED');
      throw error;
    }
  }

  /** Runs work within the cookie's session (401 without); the thread key is wiped afterwards. */
  async within<T>(cookie: string | undefined, work: (session: OpenFollowUp) => Promise<T>): Promise<T> {
    const session = await this.resume(cookie);
    try {
      return await work(session);
    } finally {
      session.threadKey.destroy();
    }
  }

  async view(session: OpenFollowUp, messages?: ThreadMessage[]): Promise<FollowUpView> {
    const found = await this.repository.findThread(this.prisma, session.caseId);
    if (!found) throw new AppError('NOT_FOUND');
    const thread = messages ?? (await this.thread.read(session.threadKey, session.caseId));
    return {
      reference: found.reference,
      status: publicStatus(found, new Date()),
      thread: thread.map(toEntry),
      consents: activeConsents(thread),
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  async addMessage(session: OpenFollowUp, body: string): Promise<FollowUpView> {
    await this.thread.append(session.threadKey, session.caseId, 'defender', { kind: 'message', body });
    return this.view(session);
  }

  /**
   * Completing the request later: the details are sealed to the case's
   * details key (only holders of the case key open them, not this receipt),
   * announced in the thread, and merged into the case by the next holder who
   * lists or opens it. They are not shown back here.
   */
  async addDetails(session: OpenFollowUp, details: RequestDetails): Promise<FollowUpView> {
    const sealed = await this.sealDetails(session.caseId, details, new Date());
    // A case from before details keys keeps the old way: under the thread key only.
    const body = sealed === null ? JSON.stringify(details) : sealedDetailsBody(sealed);
    await this.prisma.$transaction(async (tx) => {
      await this.thread.appendWithin(tx, session.threadKey, session.caseId, 'defender', { kind: 'details', body });
      await this.repository.markDetailsPending(tx, session.caseId);
    });
    return this.view(session);
  }

  /** The exact time goes inside the seal (the clear row keeps the hour only). A key the intake key did not sign receives nothing. */
  private async sealDetails(caseId: string, details: RequestDetails, at: Date): Promise<string | null> {
    const key = await this.repository.findDetailsKey(this.prisma, caseId);
    if (!key) throw new AppError('NOT_FOUND');
    if (!key.detailsPublicKey || !key.detailsKeySignature) return null;
    const context = { tenant: this.runtime.config.TENANT, caseId };
    const signed = { publicKey: key.detailsPublicKey, signature: key.detailsKeySignature };
    try {
      return sealDetails(JSON.stringify({ details, at: at.toISOString() }), context, signed, this.runtime.secrets.intakeKey.publicKey);
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }

  async withdrawConsent(session: OpenFollowUp, withdrawal: ConsentWithdrawal): Promise<FollowUpView> {
    if (withdrawal.consentId) {
      const thread = await this.thread.read(session.threadKey, session.caseId);
      if (!activeConsents(thread).some((consent) => consent.id === withdrawal.consentId)) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'consentId', message: 'unknown_consent' }]);
      }
    }
    await this.thread.append(session.threadKey, session.caseId, 'defender', { kind: 'consent', body: JSON.stringify(withdrawal) });
    return this.view(session);
  }

  async close(session: OpenFollowUp): Promise<void> {
    await this.repository.deleteSession(this.prisma, session.idHash);
  }
}

/** Staff sign as the protection team; details the defender added are acknowledged, not echoed. */
function toEntry(message: ThreadMessage): ThreadEntry {
  return {
    seq: message.seq,
    from: message.sender === 'staff' ? 'protection_team' : 'defender',
    kind: message.kind,
    body: message.kind === 'details' ? '' : message.kind === 'consent' ? consentEntryCode(message) : message.body,
    at: message.createdAt.toISOString(),
  };
}
