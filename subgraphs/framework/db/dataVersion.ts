import { sql } from 'drizzle-orm';
import type { FrameworkDatabase } from './connection.js';

/**
 * The counter migration 0002 keeps: it moves, inside the writing transaction,
 * with every write to public framework data.
 */
export async function readFrameworkDataVersion(db: FrameworkDatabase): Promise<string> {
  const rows = await db.execute<{ version: string }>(sql`select version::text as version from framework_data_version`);
  const version = rows[0]?.version;
  if (version === undefined) throw new Error('framework_data_version has no row: migration 0002 did not run');
  return version;
}
