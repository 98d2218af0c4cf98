import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root, the same from src/ (tests) and dist/ (built). */
export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

export const MIGRATION_PATHS = {
  schemaPath: fileURLToPath(new URL('prisma/schema.prisma', `file://${ROOT_DIR}`)),
  migrationsDir: fileURLToPath(new URL('prisma/migrations', `file://${ROOT_DIR}`)),
};

/** WEB_DIST if set, else the web app built in this checkout (if any). */
export function webDistDir(configured: string): string {
  if (configured !== '') return configured;
  const built = fileURLToPath(new URL('apps/web/dist', `file://${ROOT_DIR}`));
  return existsSync(built) ? built : '';
}
