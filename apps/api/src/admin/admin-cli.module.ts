import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { DatabaseModule } from '../database/database.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { IntegrityModule } from '../integrity/integrity.module.js';
import { AdminModule } from './admin.module.js';

/**
 * What `npm run admin:create` needs and nothing more: the same services as
 * the API (no HTTP, and none of the other modules' start-up work), the
 * integrity anchor included: what it writes moves the anchored audit head.
 */
@Module({})
export class AdminCliModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AdminCliModule,
      global: true,
      imports: [DatabaseModule, AuditModule, IntegrityModule, DirectoryModule, AdminModule],
      providers: [{ provide: RUNTIME, useValue: runtime }],
      exports: [RUNTIME],
    };
  }
}
