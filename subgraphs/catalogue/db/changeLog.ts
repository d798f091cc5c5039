import { sql } from 'drizzle-orm';
import { advisoryLockKeys } from '../../../runtime/advisoryLocks.js';
import type { CatalogueTransaction } from './connection.js';

/** Serialises writers of the change feed; the migration's triggers take the same key. */
export const changeLogLockKey = advisoryLockKeys.catalogueChangeLog;

/**
 * Takes the change-feed lock before the transaction touches any row. The
 * triggers would take it anyway, but only after the first row lock; taking it
 * first means two multi-row writers queue up instead of deadlocking.
 */
export async function lockChangeLog(tx: CatalogueTransaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${changeLogLockKey})`);
}
