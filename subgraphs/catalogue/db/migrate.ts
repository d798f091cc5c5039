import { fileURLToPath } from 'node:url';
import { advisoryLockKeys } from '../../../runtime/advisoryLocks.js';
import { migrateUnderLock } from '../../../runtime/migrations.js';
import { openCatalogueDatabase } from './connection.js';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const migrationLockKey = advisoryLockKeys.catalogueMigrations;

/**
 * Brings an institution's catalogue database up to the checked-in migrations.
 * Safe to run on every start, also from several processes at once.
 */
export async function migrateCatalogueDatabase(databaseUrl: string): Promise<void> {
  const { db, close } = openCatalogueDatabase(databaseUrl, { maxConnections: 1 });
  try {
    await migrateUnderLock(db, migrationsFolder, migrationLockKey);
  } finally {
    await close();
  }
}
