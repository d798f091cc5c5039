import { fileURLToPath } from 'node:url';
import { advisoryLockKeys } from '../../../runtime/advisoryLocks.js';
import { migrateDatabase } from '../../../runtime/migrations.js';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Brings an institution's catalogue database up to the checked-in migrations (runtime/migrations.ts). */
export function migrateCatalogueDatabase(databaseUrl: string): Promise<void> {
  return migrateDatabase(databaseUrl, migrationsFolder, advisoryLockKeys.catalogueMigrations);
}
