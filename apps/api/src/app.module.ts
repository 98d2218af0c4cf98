import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './common/access.guard.js';
import { RUNTIME, type Runtime } from './config/runtime.js';
import { AuditModule } from './audit/audit.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { HealthModule } from './health/health.module.js';
import { VaultModule } from './vault/vault.module.js';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule, AuditModule, DirectoryModule, HealthModule, VaultModule],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [RUNTIME],
    };
  }
}
