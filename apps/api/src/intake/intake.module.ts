import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { AssistedIntakeController } from './assisted-intake.controller.js';
import { IntakeController } from './intake.controller.js';
import { IntakeRepository } from './intake.repository.js';
import { IntakeService } from './intake.service.js';
import { PublicWorkModule } from '../public-work/public-work.module.js';

@Module({
  imports: [AuthModule, VaultModule, PublicWorkModule],
  controllers: [IntakeController, AssistedIntakeController],
  providers: [IntakeService, IntakeRepository],
})
export class IntakeModule {}
