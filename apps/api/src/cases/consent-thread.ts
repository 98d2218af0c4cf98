import { Injectable } from '@nestjs/common';
import type { ConsentEndNotice, ConsentNotice } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import type { ThreadKey } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { CaseKeysAccess } from '../vault/case-keys-access.js';
import type { CaseReader } from '../vault/case-reader.js';
import { ThreadMessages } from '../vault/thread-messages.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { CaseThreadRepository } from './case-thread.repository.js';

/**
 * What the defender's follow-up page learns of their consents: the team
 * writes a 'consent' entry in the thread (under the thread key, which a
 * receipt opens) when a consent is recorded or ends, in the same transaction
 * as the journal entry, so both sides agree.
 */
@Injectable()
export class ConsentThread {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly threads: CaseThreadRepository,
    private readonly keys: CaseKeysAccess,
    private readonly thread: ThreadMessages,
  ) {}

  /** Runs work with the reader's thread key (403 without a thread grant); the key is wiped afterwards. */
  async withKey<T>(reader: CaseReader, caseId: string, work: (threadKey: ThreadKey) => Promise<T>): Promise<T> {
    const threadKeyId = await this.threads.findThreadKeyId(this.prisma, caseId);
    if (threadKeyId === null) throw new AppError('NOT_FOUND');
    const grant = await this.repository.findGrant(this.prisma, caseId, 'thread', reader.id);
    if (!grant) throw new AppError('FORBIDDEN');
    const threadKey = this.keys.openThreadKey([grant], reader, caseId, threadKeyId);
    try {
      return await work(threadKey);
    } finally {
      threadKey.destroy();
    }
  }

  async announce(tx: Db, threadKey: ThreadKey, caseId: string, notice: ConsentNotice | ConsentEndNotice): Promise<void> {
    await this.thread.appendWithin(tx, threadKey, caseId, 'staff', { kind: 'consent', body: JSON.stringify(notice) });
  }
}
