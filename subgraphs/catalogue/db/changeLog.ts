import { sql } from 'drizzle-orm';
import type { CatalogueTransaction } from './connection.js';

/**
 * Advisory lock key that serialises writers of the change feed ("cata" in
 * ASCII). The triggers in migrations/0001_change_log_triggers.sql take the
 * same key; keep them equal.
 */
export const changeLogLockKey = 1_667_331_169;

/**
 * Takes the change-feed lock before the transaction touches any row. The
 * triggers would take it anyway, but only after the first row lock; taking it
 * first means two multi-row writers queue up instead of deadlocking.
 */
export async function lockChangeLog(tx: CatalogueTransaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${changeLogLockKey})`);
}
