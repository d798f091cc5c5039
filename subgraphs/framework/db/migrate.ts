import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { openFrameworkDatabase } from './connection.js';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Distinct from the catalogue's key, in case both ever share a database. */
const migrationLockKey = 1_667_331_171;

/**
 * Brings the framework database up to the checked-in migrations.
 * Safe to run on every start, also from several processes at once.
 */
export async function migrateFrameworkDatabase(databaseUrl: string): Promise<void> {
  // One connection, so the session lock and the migration share it.
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${migrationLockKey})`);
    await migrate(db, { migrationsFolder });
  } finally {
    await close();
  }
}
