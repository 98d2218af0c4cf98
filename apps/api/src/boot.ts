import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream, Logger } from 'pino';
import { createLogger } from './common/logger.js';
import { parseConfig } from './config/config.schema.js';
import { loadServerSecrets } from './config/server-secrets.js';
import { createApp } from './create-app.js';
import { warmUpCrypto } from './crypto/index.js';
import { openDatabase } from './database/open-database.js';
import { auditAdoption } from './audit/secrets-adoption.js';
import { checkSecretFingerprints } from './database/secret-fingerprints.js';
import { seedDemo, type DemoAccount } from './demo/demo-seed.js';
import { IntegrityAnchor } from './integrity/integrity-anchor.service.js';
import { recordDatabaseRestart } from './notify/operational/database-restart.js';
import { webDistDir } from './paths.js';

export interface RunningPortal {
  readonly url: string;
  readonly databaseUrl: string;
  readonly app: NestExpressApplication;
  readonly logger: Logger;
  /** Demo mode, first start only: the accounts created, with their credentials. */
  readonly demoAccounts: DemoAccount[];
  /** Stops the HTTP server, then the database if the portal started it. */
  close(): Promise<void>;
}

/** Config → database (+ migrations) → HTTP server. Throws ConfigError on a bad environment. */
export async function startPortal(env: NodeJS.ProcessEnv, logDestination?: DestinationStream): Promise<RunningPortal> {
  const config = parseConfig(env);
  const logger = createLogger(config.LOG_LEVEL, logDestination);
  const secrets = await loadServerSecrets(config);
  const database = await openDatabase(config, {
    trace: (message) => logger.trace({ postgres: message.trim() }),
    error: (message, facts) => logger.error(facts, message),
    info: (message, facts) => logger.warn(facts, message),
  });
  if (database.appliedMigrations.length > 0) logger.info({ migrations: database.appliedMigrations }, 'migrations applied');
  try {
    // Before anything reads a case: a portal on secrets that are not its database's answers "ready" and fails everyone.
    const fingerprints = await checkSecretFingerprints(database.ownerUrl, secrets.fingerprints, true);
    await warmUpCrypto();
    const app = await createApp({ config, databaseUrl: database.url, logger, secrets }, webDistDir(config.WEB_DIST));
    // The anchor's first look (which seals a previous release's unkeyed audit log) before anything is appended.
    await app.get(IntegrityAnchor).refresh();
    if (fingerprints.adopted) await auditAdoption(app, fingerprints.recorded, logger);
    database.onRestarted((downMs) => recordDatabaseRestart(app, downMs));
    const demoAccounts = config.embedded ? await seedDemo(app, config.DATA_DIR) : [];
    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    return {
      url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`,
      databaseUrl: database.url,
      demoAccounts,
      app,
      logger,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
