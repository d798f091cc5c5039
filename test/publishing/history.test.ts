import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import { startCatalogueHarness, type CatalogueHarness } from '../catalogue/harness.js';

let durham: CatalogueHarness;
const entries = generateCatalogue('durham', 12, 6, '2026-01-15');

beforeAll(async () => {
  durham = await startCatalogueHarness('durham', entries);
});
afterAll(async () => {
  await durham?.stop();
});

const versions = () =>
  durham.sql<{ slug: string; version: number; status: string; entry: unknown }[]>`
    select slug, version, status, entry from micro_credential_versions order by slug, version`;

it('keeps the version of every public entry the store writes, and the backfill migration writes the same for older entries', async () => {
  const recorded = await versions();
  const publicSlugs = entries
    .filter((entry) => entry.status !== 'DRAFT')
    .map((entry) => entry.slug)
    .sort();
  expect(recorded.map((row) => row.slug)).toEqual(publicSlugs);

  // A catalogue from before version history: the migration records the same entries, field for field.
  await durham.sql`delete from micro_credential_versions`;
  const backfill = await readFile(
    new URL('../../subgraphs/catalogue/db/migrations/0003_history_of_existing_entries.sql', import.meta.url),
    'utf8',
  );
  await durham.sql.unsafe(backfill);
  // The backfill predates contract 1.1, as do the entries it was written for: it knows the 1.0 fields only.
  const backfilled = await versions();
  expect(backfilled).toEqual(
    recorded.map((row, index) => ({ ...row, entry: sameKeys(row.entry, backfilled[index]?.entry) })),
  );
});

/** `value` cut down to the keys `shape` has, at every depth; lists item by item. */
function sameKeys(value: unknown, shape: unknown): unknown {
  if (Array.isArray(value) && Array.isArray(shape)) return value.map((item, index) => sameKeys(item, shape[index]));
  if (value && shape && typeof value === 'object' && typeof shape === 'object') {
    return Object.fromEntries(
      Object.keys(shape).map((key) => [
        key,
        sameKeys((value as Record<string, unknown>)[key], (shape as Record<string, unknown>)[key]),
      ]),
    );
  }
  return value;
}
