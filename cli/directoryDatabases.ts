/**
 * What each database of a local directory holds once it starts: the checked-in migrations and,
 * when empty, the sample data. In one module because two callers fill databases this way:
 * localDirectory.ts on every start, and the test suite once per run for the template databases it
 * copies (test/support/databaseTemplates.ts), so a copy holds what a start would have written.
 */
import { migrateCatalogueDatabase } from '../subgraphs/catalogue/db/migrate.js';
import { migrateFrameworkDatabase } from '../subgraphs/framework/db/migrate.js';
import { seedFrameworkIfEmpty, syncInstitutionUrls } from '../subgraphs/framework/seed.js';
import { seedRecognitionIfEmpty } from '../subgraphs/framework/recognition/seed.js';
import { sampleRecognition } from '../seed/recognition.js';
import { seedTrustMarksIfEmpty } from '../subgraphs/framework/trustMarks/seed.js';
import { sampleTrustMarks } from '../seed/trustMarks.js';
import { seedCatalogueIfEmpty } from '../seed/seedCatalogue.js';
import { generateCatalogue } from '../seed/catalogue.js';
import type { SampleInstitution } from '../seed/institutions.js';

type Log = ((message: string) => void) | undefined;

/** Migrates an institution's catalogue and seeds it with sample entries unless it has ever had any. */
export async function fillCatalogueDatabase(
  databaseUrl: string,
  institution: string,
  entriesPerInstitution: number | undefined,
  log: Log,
): Promise<void> {
  await migrateCatalogueDatabase(databaseUrl);
  await seedCatalogueDatabase(databaseUrl, institution, entriesPerInstitution, log);
}

/** The seeding half of fillCatalogueDatabase, for a database already migrated. */
export async function seedCatalogueDatabase(
  databaseUrl: string,
  institution: string,
  entriesPerInstitution: number | undefined,
  log: Log,
): Promise<void> {
  const seeded = await seedCatalogueIfEmpty(
    databaseUrl,
    institution,
    generateCatalogue(institution, entriesPerInstitution),
  );
  if (seeded) log?.(`seeded ${institution}`);
}

/**
 * Migrates the framework database, registers the sample institutions in an empty registry and
 * points those registered at `subgraphUrl`, then seeds recognition and trust marks where empty.
 */
export async function fillFrameworkDatabase(
  databaseUrl: string,
  institutions: ReadonlyArray<SampleInstitution & { subgraphUrl: string }>,
  entriesPerInstitution: number | undefined,
  log: Log,
): Promise<void> {
  await migrateFrameworkDatabase(databaseUrl);
  await seedFrameworkDatabase(databaseUrl, institutions, entriesPerInstitution, log);
}

/** The seeding half of fillFrameworkDatabase, for a database already migrated. */
export async function seedFrameworkDatabase(
  databaseUrl: string,
  institutions: ReadonlyArray<SampleInstitution & { subgraphUrl: string }>,
  entriesPerInstitution: number | undefined,
  log: Log,
): Promise<void> {
  await seedFrameworkIfEmpty(databaseUrl, institutions);
  // Ports may differ from the last run; the registry must point at where catalogues are now.
  await syncInstitutionUrls(databaseUrl, institutions);
  const recognition = await seedRecognitionIfEmpty(
    databaseUrl,
    sampleRecognition(
      institutions.map((i) => i.code),
      entriesPerInstitution,
    ),
  );
  if (recognition.seeded)
    log?.(`seeded recognition: ${recognition.agreements} agreements, ${recognition.equivalencies} equivalencies`);
  if (await seedTrustMarksIfEmpty(databaseUrl, sampleTrustMarks(institutions, entriesPerInstitution)))
    log?.('seeded sample trust marks (OSAP approvals, QA verifications, endorsements)');
}
