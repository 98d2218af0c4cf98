import { Module } from '@nestjs/common';
import { VaultModule } from '../vault/vault.module.js';
import { IntakeController } from './intake.controller.js';
import { IntakeRepository } from './intake.repository.js';
import { IntakeService } from './intake.service.js';
import { ReceiptWork } from './receipt-work.js';

@Module({
  imports: [VaultModule],
  controllers: [IntakeController],
  providers: [IntakeService, IntakeRepository, ReceiptWork],
  exports: [ReceiptWork],
})
export class IntakeModule {}
