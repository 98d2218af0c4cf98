import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Email, PersonName } from '@mnpddh/shared';
import { AdminCliModule } from '../admin/admin-cli.module.js';
import { StaffAccounts, type BootstrapAdmin } from '../admin/staff-accounts.service.js';
import { AppError } from '../common/app-error.js';
import { createLogger } from '../common/logger.js';
import { parseConfig } from '../config/config.schema.js';
import { loadServerSecrets } from '../config/server-secrets.js';
import { applyMigrations } from '../database/migrations.js';
import { MIGRATION_PATHS } from '../paths.js';
import { fail, withDatabase } from './with-database.js';

const USAGE = 'Usage: npm run admin:create -- --email <address> --name <full name> [--json]';

/*
 * Creates an admin and prints a one-time password and the TOTP secret. The
 * same environment as the portal: DATABASE_URL (MIGRATION_DATABASE_URL if
 * set) and the server secrets, or, with neither, the embedded PostgreSQL and
 * demo secrets in DATA_DIR — with the portal stopped.
 */
const json = process.argv.includes('--json');
// With --json, stdout carries exactly one JSON object: anything else a library prints goes to stderr.
if (json) for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = console.error;

try {
  const { email, name } = parseArguments();
  const config = parseConfig(process.env);
  const secrets = await loadServerSecrets(config);
  const admin = await withDatabase(async (databaseUrl) => {
    await applyMigrations(databaseUrl, MIGRATION_PATHS);
    const runtime = { config, databaseUrl, logger: createLogger('silent'), secrets };
    const context = await NestFactory.createApplicationContext(AdminCliModule.forRoot(runtime), { logger: false });
    try {
      return await context.get(StaffAccounts).createBootstrapAdmin(email, name);
    } finally {
      await context.close();
    }
  }, secrets);
  print(admin);
} catch (error) {
  fail(error instanceof AppError && error.code === 'CONFLICT' ? 'A staff account with this e-mail address already exists.' : error);
}

function parseArguments(): { email: string; name: string } {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } } }));
  } catch {
    fail(USAGE);
  }
  const email = Email.safeParse(values.email ?? '');
  const name = PersonName.safeParse(values.name ?? '');
  if (!email.success || !name.success) fail(USAGE);
  return { email: email.data, name: name.data };
}

function print(admin: BootstrapAdmin): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ email: admin.email, password: admin.password, totpSecret: admin.totpSecret })}\n`);
    return;
  }
  process.stdout.write(
    [
      `Administrateur créé / Admin created: ${admin.email}`,
      `Mot de passe à usage unique / One-time password: ${admin.password}`,
      `Secret TOTP / TOTP secret: ${admin.totpSecret}`,
      `URI (application d'authentification / authenticator app): ${admin.totpUri}`,
      'Changez ce mot de passe après la première connexion. / Change this password after the first sign-in.',
      '',
    ].join('\n'),
  );
}
