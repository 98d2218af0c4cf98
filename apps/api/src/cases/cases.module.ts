import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';
import { CaseClock } from './case-clock.js';
import { CaseReceiptsController } from './case-receipts.controller.js';
import { CaseReceiptsService } from './case-receipts.service.js';
import { CaseDownloads } from './case-downloads.js';
import { CaseWorkController } from './case-work.controller.js';
import { CaseWorkService } from './case-work.service.js';
import { StaffMessages } from './staff-messages.js';
import { StaffNames } from './staff-names.js';
import { CasesController } from './cases.controller.js';
import { AssigneeAccess } from './assignee-access.js';
import { CaseListExport } from './case-list-export.js';
import { CaseReassignment } from './case-reassignment.js';
import { CasesService } from './cases.service.js';
import { OlderEntries } from './older-entries.js';
import { CategoryCache } from './category-cache.js';
import { DetailsMerge } from './details-merge.js';
import { CaseLinksController } from './case-links.controller.js';
import { CaseLinksService } from './case-links.service.js';
import { CaseSearchController } from './case-search.controller.js';
import { CaseSearchRepository } from './case-search.repository.js';
import { AgendaRepository } from './agenda.repository.js';
import { CaseDownloadsRepository } from './case-downloads.repository.js';
import { CaseLinksRepository } from './case-links.repository.js';
import { CaseStaffRepository } from './case-staff.repository.js';
import { CaseThreadRepository } from './case-thread.repository.js';
import { CaseSearchService } from './case-search.service.js';
import { SearchBudget } from './search-budget.js';
import { PartnersModule } from '../partners/partners.module.js';
import { ConsentThread } from './consent-thread.js';
import { ConsentWorkController } from './consent-work.controller.js';
import { ConsentWorkService } from './consent-work.service.js';
import { ReferralWorkController } from './referral-work.controller.js';
import { ReferralWorkService } from './referral-work.service.js';

/** The staff case list, case view and case work. */
@Module({
  imports: [AuthModule, VaultModule, ReferenceModule, PartnersModule],
  controllers: [
    CasesController,
    CaseWorkController,
    AgendaController,
    CaseReceiptsController,
    ConsentWorkController,
    ReferralWorkController,
    CaseLinksController,
    CaseSearchController,
  ],
  providers: [
    AgendaService,
    AssigneeAccess,
    CaseListExport,
    CaseReassignment,
    CasesService,
    OlderEntries,
    CategoryCache,
    DetailsMerge,
    CaseClock,
    CaseWorkService,
    CaseDownloads,
    StaffMessages,
    StaffNames,
    CaseReceiptsService,
    ConsentThread,
    ConsentWorkService,
    ReferralWorkService,
    CaseLinksService,
    CaseSearchService,
    CaseSearchRepository,
    AgendaRepository,
    CaseDownloadsRepository,
    CaseLinksRepository,
    CaseStaffRepository,
    CaseThreadRepository,
    { provide: SearchBudget, useValue: new SearchBudget() },
  ],
  exports: [CategoryCache, CaseClock],
})
export class CasesModule {}
