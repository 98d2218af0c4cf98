import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '../common/logger.js';
import { parseConfig } from '../config/config.schema.js';
import { loadServerSecrets } from '../config/server-secrets.js';
import { warmUpCrypto } from '../crypto/index.js';
import { applyMigrations } from '../database/migrations.js';
import { MIGRATION_PATHS } from '../paths.js';
import { RetentionCliModule } from '../retention/retention-cli.module.js';
import { RetentionPurge } from '../retention/retention-purge.service.js';
import { fail, withDatabase } from './with-database.js';

/*
 * Runs the retention purge now (the portal runs it daily by itself) and
 * prints counts only. The same environment as the portal: DATABASE_URL and
 * the server secrets (the index key checks each row before it is purged), or
 * the embedded PostgreSQL in DATA_DIR with the portal stopped.
 */
try {
  const config = parseConfig(process.env);
  const secrets = await loadServerSecrets(config);
  await warmUpCrypto();
  const report = await withDatabase(async (databaseUrl) => {
    await applyMigrations(databaseUrl, MIGRATION_PATHS);
    const runtime = { config, databaseUrl, logger: createLogger('silent'), secrets };
    const context = await NestFactory.createApplicationContext(RetentionCliModule.forRoot(runtime), { logger: false });
    try {
      return await context.get(RetentionPurge).run();
    } finally {
      await context.close();
    }
  }, secrets);
  process.stdout.write(
    `Purgés / purged: ${report.purged}\nEn attente de confirmation / on legal hold: ${report.held}\nIgnorés (contrôle d'intégrité) / skipped (integrity): ${report.skipped}\n`,
  );
  if (report.skipped > 0) process.exitCode = 2;
} catch (error) {
  fail(error);
}
