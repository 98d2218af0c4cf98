import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RetentionModule } from '../retention/retention.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { DataSubjectController } from './data-subject.controller.js';
import { DataSubjectRepository } from './data-subject.repository.js';
import { DataSubjectService } from './data-subject.service.js';

/** Data-subject requests (Loi 2013-015): access, rectification, erasure of a case. */
@Module({
  imports: [AuthModule, VaultModule, RetentionModule],
  controllers: [DataSubjectController],
  providers: [DataSubjectService, DataSubjectRepository],
})
export class DataSubjectModule {}
