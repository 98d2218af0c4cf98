import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import { CaseKeysAccess } from '../vault/case-keys-access.js';
import type { CaseReader } from '../vault/case-reader.js';
import { ThreadMessages } from '../vault/thread-messages.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { CaseThreadRepository } from './case-thread.repository.js';

/** A message to the defender through the follow-up thread: it reads "Équipe protection", never a name. */
@Injectable()
export class StaffMessages {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly threads: CaseThreadRepository,
    private readonly keys: CaseKeysAccess,
    private readonly thread: ThreadMessages,
    private readonly audit: AuditService,
  ) {}

  async send(reader: CaseReader, caseId: string, body: string): Promise<{ id: string; seq: number }> {
    const threadKeyId = await this.threads.findThreadKeyId(this.prisma, caseId);
    if (threadKeyId === null) throw new AppError('NOT_FOUND');
    const grant = await this.repository.findGrant(this.prisma, caseId, 'thread', reader.id);
    if (!grant) throw new AppError('FORBIDDEN');
    const threadKey = this.keys.openThreadKey([grant], reader, caseId, threadKeyId);
    try {
      const seq = await this.thread.append(threadKey, caseId, 'staff', { kind: 'message', body });
      await this.audit.record({ action: 'case.message_sent', actorId: reader.id, targetType: 'case', targetId: caseId, details: { seq } });
      return { id: caseId, seq };
    } finally {
      threadKey.destroy();
    }
  }
}
