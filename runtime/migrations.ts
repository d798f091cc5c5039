import { sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';

/**
 * Applies a deployable's checked-in drizzle-kit migrations. Safe on every
 * start and from several processes at once: they queue on a session advisory
 * lock, so `db` must hold a single connection.
 */
export async function migrateUnderLock(
  db: PostgresJsDatabase<Record<string, unknown>>,
  migrationsFolder: string,
  lockKey: number,
): Promise<void> {
  await db.execute(sql`select pg_advisory_lock(${lockKey})`);
  await migrate(db, { migrationsFolder });
}
