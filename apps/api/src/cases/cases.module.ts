import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { CaseClock } from './case-clock.js';
import { CaseDownloads } from './case-downloads.js';
import { CaseWorkController } from './case-work.controller.js';
import { CaseWorkService } from './case-work.service.js';
import { StaffMessages } from './staff-messages.js';
import { StaffNames } from './staff-names.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { CategoryCache } from './category-cache.js';

/** The staff case list, case view and case work (issue 5). */
@Module({
  imports: [AuthModule, VaultModule, ReferenceModule],
  controllers: [CasesController, CaseWorkController],
  providers: [CasesService, CategoryCache, CaseClock, CaseWorkService, CaseDownloads, StaffMessages, StaffNames],
  exports: [CategoryCache, CaseClock],
})
export class CasesModule {}
