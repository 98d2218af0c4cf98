import { applyMigrations } from '../database/migrations.js';
import { MIGRATION_PATHS } from '../paths.js';
import { fail, withDatabase } from './with-database.js';

try {
  const applied = await withDatabase((url) => applyMigrations(url, MIGRATION_PATHS));
  console.log(applied.length === 0 ? 'Database up to date.' : `Applied: ${applied.join(', ')}`);
} catch (error) {
  fail(error);
}
