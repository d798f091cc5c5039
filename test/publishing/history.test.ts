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
  expect(await versions()).toEqual(recorded);
});
