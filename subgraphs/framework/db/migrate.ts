import { fileURLToPath } from 'node:url';
import { migrateUnderLock } from '../../../runtime/migrations.js';
import { openFrameworkDatabase } from './connection.js';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Distinct from the catalogue's key, in case both ever share a database. */
const migrationLockKey = 1_667_331_171;

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
