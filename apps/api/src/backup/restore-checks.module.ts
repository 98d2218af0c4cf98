import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuditCheckpoints } from '../audit/audit-checkpoints.js';
import { AuditVerifier } from '../audit/audit-verifier.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { DatabaseModule } from '../database/database.module.js';
import { DirectoryModule } from '../directory/directory.module.js';

/** What the checks after a restore need: the directory and the audit verifier, no HTTP, no schedulers. */
@Module({})
export class RestoreChecksModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: RestoreChecksModule,
      global: true,
      imports: [DatabaseModule, AuditModule, DirectoryModule],
      providers: [{ provide: RUNTIME, useValue: runtime }, AuditVerifier, AuditCheckpoints],
      exports: [RUNTIME],
    };
  }
}
