import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';

/** The one Prisma client of the process; only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(RUNTIME) runtime: Runtime) {
    super({
      adapter: new PrismaPg({
        connectionString: runtime.databaseUrl,
        // Fail fast when PostgreSQL is gone, so callers answer 503 instead of hanging.
        connectionTimeoutMillis: 2_000,
        max: 10,
      }),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
