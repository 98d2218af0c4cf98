import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AdminModule } from './admin/admin.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AccessGuard } from './auth/access.guard.js';
import { CheckedAnswers } from './common/checked-answers.js';
import { RUNTIME, type Runtime } from './config/runtime.js';
import { AuditModule } from './audit/audit.module.js';
import { AuditLogModule } from './audit/audit-log.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { SpokenHelpModule } from './spoken-help/spoken-help.module.js';
import { LanguagesModule } from './languages/languages.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { HealthModule } from './health/health.module.js';
import { IntegrityModule } from './integrity/integrity.module.js';
import { DrasticActsModule } from './drastic-acts/drastic-acts.module.js';
import { FollowUpModule } from './follow-up/follow-up.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { PublicWorkModule } from './public-work/public-work.module.js';
import { NotifyModule } from './notify/notify.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { VaultModule } from './vault/vault.module.js';
import { CustodianModule } from './custodian/custodian.module.js';
import { RekeyModule } from './rekey/rekey.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { DataSubjectModule } from './data-subject/data-subject.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { DocumentsModule } from './documents/documents.module.js';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule,
        AuditModule,
        IntegrityModule,
        AuditLogModule,
        DirectoryModule,
        AuthModule,
        AdminModule,
        HealthModule,
        VaultModule,
        PublicWorkModule,
        IntakeModule,
        FollowUpModule,
        CasesModule,
        ReferenceModule,
        LanguagesModule,
        NotifyModule,
        ReportsModule,
        CustodianModule,
        RekeyModule,
        DrasticActsModule,
        RetentionModule,
        DataSubjectModule,
        PrivacyModule,
        DocumentsModule,
        SpokenHelpModule,
      ],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: CheckedAnswers },
      ],
      exports: [RUNTIME],
    };
  }
}
