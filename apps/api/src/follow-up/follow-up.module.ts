import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { FollowUpController } from './follow-up.controller.js';
import { FollowUpRepository } from './follow-up.repository.js';
import { FollowUpService } from './follow-up.service.js';

@Module({
  imports: [VaultModule, IntakeModule],
  controllers: [FollowUpController],
  providers: [FollowUpService, FollowUpRepository],
})
export class FollowUpModule {}
