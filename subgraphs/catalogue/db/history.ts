/**
 * Published versions: every version of an entry that was public is kept, so
 * evaluators can see what a learner's credential said when it was earned.
 */
import { and, asc, desc, inArray, ne } from 'drizzle-orm';
import { entryInputOf } from '../entryInput.js';
import type { CatalogueDatabase, CatalogueTransaction } from './connection.js';
import { microCredentials, microCredentialVersions, offerings, type VersionRow } from './schema.js';

/** Records the current version of each public entry among `slugs` (idempotent per version). */
export async function recordPublishedVersions(tx: CatalogueTransaction, slugs: readonly string[]): Promise<void> {
  if (slugs.length === 0) return;
  const rows = await tx
    .select()
    .from(microCredentials)
    .where(and(inArray(microCredentials.slug, [...slugs]), ne(microCredentials.status, 'DRAFT')));
  if (rows.length === 0) return;
  const intakes = await tx
    .select()
    .from(offerings)
    .where(
      inArray(
        offerings.microCredentialSlug,
        rows.map((row) => row.slug),
      ),
    )
    // The order public reads give (and the backfill migration uses).
    .orderBy(asc(offerings.startDate), asc(offerings.code));
  const values = rows.map((row) => ({
    slug: row.slug,
    version: row.version,
    status: row.status,
    entry: {
      ...entryInputOf(
        row,
        intakes.filter((o) => o.microCredentialSlug === row.slug),
      ),
    } as Record<string, unknown>,
  }));
  for (let start = 0; start < values.length; start += 500) {
    await tx
      .insert(microCredentialVersions)
      .values(values.slice(start, start + 500))
      .onConflictDoNothing();
  }
}

/** Published versions of each slug, newest first. */
export async function findHistories(db: CatalogueDatabase, slugs: readonly string[]): Promise<VersionRow[]> {
  if (slugs.length === 0) return [];
  return db
    .select()
    .from(microCredentialVersions)
    .where(inArray(microCredentialVersions.slug, [...slugs]))
    .orderBy(desc(microCredentialVersions.version));
}
