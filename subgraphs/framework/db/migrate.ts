import { fileURLToPath } from 'node:url';
import { advisoryLockKeys } from '../../../runtime/advisoryLocks.js';
import { migrateUnderLock } from '../../../runtime/migrations.js';
import { openFrameworkDatabase } from './connection.js';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const migrationLockKey = advisoryLockKeys.frameworkMigrations;

/**
 * Brings the framework database up to the checked-in migrations.
 * Safe to run on every start, also from several processes at once.
 */
export async function migrateFrameworkDatabase(databaseUrl: string): Promise<void> {
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    await migrateUnderLock(db, migrationsFolder, migrationLockKey);
  } finally {
    await close();
  }
}
