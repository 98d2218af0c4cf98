import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { DatabaseModule } from '../database/database.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { IntegrityModule } from '../integrity/integrity.module.js';
import { RetentionPurgeModule } from './retention.module.js';

/** The purge on its own, for `npm run retention:purge` (no HTTP, no timers). */
@Module({})
export class RetentionCliModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: RetentionCliModule,
      global: true,
      imports: [DatabaseModule, AuditModule, IntegrityModule, DirectoryModule, RetentionPurgeModule],
      providers: [{ provide: RUNTIME, useValue: runtime }],
      exports: [RUNTIME],
    };
  }
}
