import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { CaseRekey } from './case-rekey.js';
import { RekeyController } from './rekey.controller.js';
import { RekeyJobs } from './rekey-jobs.service.js';
import { RekeyRepository } from './rekey.repository.js';

/** Revocation for cause: re-keying the cases a revoked person held. */
@Module({
  imports: [AuthModule, VaultModule],
  controllers: [RekeyController],
  providers: [RekeyJobs, CaseRekey, RekeyRepository],
  exports: [RekeyJobs],
})
export class RekeyModule {}
