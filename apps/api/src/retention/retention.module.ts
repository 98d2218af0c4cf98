import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RetentionAdminController } from './retention-admin.controller.js';
import { RetentionPolicyService } from './retention-policy.service.js';
import { RetentionPurge } from './retention-purge.service.js';
import { RetentionScheduler } from './retention-scheduler.js';
import { RetentionController } from './retention.controller.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionService } from './retention.service.js';

/** Retention: the policy, warnings and extensions, and the daily crypto-shredding purge. */
@Module({
  imports: [AuthModule],
  controllers: [RetentionController, RetentionAdminController],
  providers: [RetentionPolicyService, RetentionRepository, RetentionService, RetentionPurge, RetentionScheduler],
  exports: [RetentionPurge, RetentionService, RetentionPolicyService],
})
export class RetentionModule {}

/** What `npm run retention:purge` needs: the purge and nothing that starts a timer or serves HTTP. */
@Module({
  providers: [RetentionPolicyService, RetentionRepository, RetentionPurge],
  exports: [RetentionPurge],
})
export class RetentionPurgeModule {}
