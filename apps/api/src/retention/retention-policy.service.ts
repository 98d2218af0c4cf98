import { Injectable } from '@nestjs/common';
import { DEFAULT_RETENTION_POLICY, RetentionPolicy } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { RetentionRepository } from './retention.repository.js';

/** The retention policy: a setting admins edit, the defaults until they do. */
@Injectable()
export class RetentionPolicyService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: RetentionRepository,
    private readonly audit: AuditService,
  ) {}

  async current(): Promise<RetentionPolicy> {
    const stored = await this.repository.findPolicy(this.prisma);
    if (stored === null) return DEFAULT_RETENTION_POLICY;
    // A stored value that no longer parses falls back to the defaults rather than purging on a guess.
    const parsed = RetentionPolicy.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_RETENTION_POLICY;
  }

  async update(actorId: string, policy: RetentionPolicy): Promise<RetentionPolicy> {
    await this.prisma.$transaction(async (tx) => {
      await this.repository.savePolicy(tx, JSON.stringify(policy));
      await this.audit.record({ action: 'retention.policy_updated', actorId, details: { ...policy } }, tx);
    });
    return policy;
  }
}
