import { createMigration } from '../database/migrations.js';
import { MIGRATION_PATHS } from '../paths.js';
import { fail, withDatabase } from './with-database.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_-]+$/i.test(name)) fail('Usage: npm run db:migration -- <name>   (letters, digits, _ and -)');
try {
  // The SQL comes from a diff of two datamodels (last snapshot → schema.prisma);
  // the engine only insists on holding a connection while it works.
  const folder = await withDatabase((url) => createMigration(MIGRATION_PATHS, name, url));
  console.log(folder === null ? 'schema.prisma has no change to migrate.' : `Created prisma/migrations/${folder}/migration.sql`);
} catch (error) {
  fail(error);
}
