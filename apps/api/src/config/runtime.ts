import type { Logger } from 'pino';
import type { AppConfig } from './config.schema.js';
import type { ServerSecrets } from './server-secrets.js';

/** What the process knows once booted: its config and the database it uses. */
export interface Runtime {
  readonly config: AppConfig;
  /** DATABASE_URL, or the embedded server's URL. */
  readonly databaseUrl: string;
  readonly logger: Logger;
  readonly secrets: ServerSecrets;
}

export const RUNTIME = Symbol('RUNTIME');
