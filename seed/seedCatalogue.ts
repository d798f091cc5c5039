import { sql } from 'drizzle-orm';
import { advisoryLockKeys } from '../runtime/advisoryLocks.js';
import type { CatalogueEntryInput } from '../subgraphs/catalogue/catalogueEntry.js';
import { upsertEntries } from '../subgraphs/catalogue/db/catalogueStore.js';
import { openCatalogueDatabase } from '../subgraphs/catalogue/db/connection.js';
import { seedSampleOutcomes } from './sampleOutcomes.js';

const seedLockKey = advisoryLockKeys.catalogueSeed;

/**
 * Loads `entries` into `institution`'s catalogue database once: only when it
 * has neither entries nor change history, so a catalogue the institution has
 * emptied on purpose is not refilled. Returns whether it seeded. Safe to call
 * from several processes at once.
 */
export async function seedCatalogueIfEmpty(
  databaseUrl: string,
  institution: string,
  entries: readonly CatalogueEntryInput[],
): Promise<boolean> {
  // One connection: the session lock, the check and the write all happen on it.
  const { db, close } = openCatalogueDatabase(databaseUrl, { maxConnections: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${seedLockKey})`);
    const [state] = await db.execute<{ used: boolean }>(
      sql`select exists (select 1 from micro_credentials) or exists (select 1 from catalogue_changes) as used`,
    );
    if (state?.used) return false;
    await upsertEntries(db, entries).catch((error: unknown) => {
      throw new Error(
        `seeding the ${institution} catalogue failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    });
    // SAMPLE DATA, labelled as such in every report (seed/sampleOutcomes.ts).
    await seedSampleOutcomes(db, institution, entries);
    return true;
  } finally {
    await close();
  }
}
