import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { CaseClock } from './case-clock.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { CategoryCache } from './category-cache.js';

/** The staff case list and case view (issue 5). */
@Module({
  imports: [AuthModule, VaultModule],
  controllers: [CasesController],
  providers: [CasesService, CategoryCache, CaseClock],
  exports: [CategoryCache, CaseClock],
})
export class CasesModule {}
