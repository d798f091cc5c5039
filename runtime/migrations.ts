import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { openDatabase } from './database.js';

/**
 * Brings a deployable's database up to its checked-in drizzle-kit migrations. Safe on every
 * start and from several processes at once: they queue on a session advisory lock
 * (runtime/advisoryLocks.ts), so the connection opened here is a single one.
 */
export async function migrateDatabase(databaseUrl: string, migrationsFolder: string, lockKey: number): Promise<void> {
  const { db, close } = openDatabase(databaseUrl, {}, { maxConnections: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${lockKey})`);
    await migrate(db, { migrationsFolder });
  } finally {
    await close();
  }
}
