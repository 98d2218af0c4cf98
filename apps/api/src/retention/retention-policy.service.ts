import { Injectable } from '@nestjs/common';
import { DEFAULT_RETENTION_POLICY, RetentionPolicy } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { PrismaService } from '../database/prisma.service.js';

const SETTING_KEY = 'retention.policy';

/** The retention policy: a setting admins edit, the defaults until they do. */
@Injectable()
export class RetentionPolicyService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async current(): Promise<RetentionPolicy> {
    const row = await this.prisma.setting.findUnique({ where: { key: SETTING_KEY } });
    if (!row) return DEFAULT_RETENTION_POLICY;
    // A stored value that no longer parses falls back to the defaults rather than purging on a guess.
    const parsed = RetentionPolicy.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_RETENTION_POLICY;
  }

  async update(actorId: string, policy: RetentionPolicy): Promise<RetentionPolicy> {
    await this.prisma.$transaction(async (tx) => {
      const value = JSON.stringify(policy);
      await tx.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
      await this.audit.record({ action: 'retention.policy_updated', actorId, details: { ...policy } }, tx);
    });
    return policy;
  }
}
