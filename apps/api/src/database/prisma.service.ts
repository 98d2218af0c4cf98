import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { CommitHooks } from './commit-hooks.js';

/** The one Prisma client of the process; only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(RUNTIME) runtime: Runtime, hooks: CommitHooks) {
    super({
      adapter: new PrismaPg({
        connectionString: runtime.databaseUrl,
        // Fail fast when PostgreSQL is gone, so callers answer 503 instead of hanging.
        connectionTimeoutMillis: 2_000,
        max: 10,
      }),
      // Prisma's 5 s default expired a first start's seeding on a busy 2-core machine (7.9 s in CI):
      // give real work room, while a transaction stuck for good still ends.
      transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    });
    // Every transaction goes through here: what must follow a commit (the integrity anchor) runs once it has.
    const begin = this.$transaction.bind(this) as (work: unknown, options?: unknown) => Promise<unknown>;
    const transaction = async (work: unknown, options?: unknown): Promise<unknown> => {
      if (typeof work !== 'function') return begin(work, options);
      let opened: object | null = null;
      const result = await begin((tx: object) => {
        opened = tx;
        return (work as (tx: object) => unknown)(tx);
      }, options);
      await hooks.committed(opened);
      return result;
    };
    Object.defineProperty(this, '$transaction', { value: transaction });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
