/**
 * Template databases for the suite (PostgreSQL's "Template Databases",
 * https://www.postgresql.org/docs/current/manage-ag-templatedbs.html). Migrating and seeding a
 * database took most of a test directory's start, and the suite starts dozens with the same few
 * contents; a copy of a filled template takes a fraction of that. Each template is filled once per
 * run, on first demand, by the same code a directory start runs (cli/directoryDatabases.ts), and
 * every test still gets a database of its own to change as it likes.
 */
import { createHash } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { seedCatalogueDatabase, seedFrameworkDatabase } from '../../cli/directoryDatabases.js';
import type { DatabaseTemplates } from '../../cli/localDirectory.js';
import { advisoryLockKeys } from '../../runtime/advisoryLocks.js';
import { clusterAt } from '../../runtime/postgres.js';
import { createTestDatabase } from './databases.js';
import type { SampleInstitution } from '../../seed/institutions.js';
import { migrateCatalogueDatabase } from '../../subgraphs/catalogue/db/migrate.js';
import { migrateFrameworkDatabase } from '../../subgraphs/framework/db/migrate.js';

/** Migrated and empty: what the others start from, and what tests needing an empty database copy. */
const migrated = {
  catalogue: () => template('catalogue', {}, migrateCatalogueDatabase),
  framework: () => template('framework', {}, migrateFrameworkDatabase),
};

/**
 * What test directories start from: a copy of each database as a start with these inputs fills it.
 * Each is a copy of the migrated template, seeded, so building one costs about what the filling it
 * replaces did (a copy instead of migrating) even when only one directory uses it.
 */
export const directoryTemplates: DatabaseTemplates = {
  catalogue: (institution, entriesPerInstitution) =>
    template(
      'catalogue',
      // The sample entries depend on the institution, the count and the day (offering dates).
      { institution, entriesPerInstitution, day: today() },
      (url) => seedCatalogueDatabase(url, institution.code, entriesPerInstitution, undefined),
      migrated.catalogue,
    ),
  framework: (institutions, entriesPerInstitution) =>
    template(
      'framework',
      // In the order given: it is the order of registration and of the recognition seed.
      { institutions, entriesPerInstitution, day: today() },
      (url) => seedFrameworkDatabase(url, institutions.map(atPlaceholderUrl), entriesPerInstitution, undefined),
      migrated.framework,
    ),
};

/** A fresh catalogue database of the test's own, migrated and empty. Returns its URL. */
export async function createMigratedCatalogueDatabase(label: string): Promise<string> {
  return createTestDatabase(label, { template: await migrated.catalogue() });
}

/** A fresh framework database of the test's own, migrated and empty. Returns its URL. */
export async function createMigratedFrameworkDatabase(label: string): Promise<string> {
  return createTestDatabase(label, { template: await migrated.framework() });
}

/**
 * Each directory start moves the registry to where its catalogues listen (syncInstitutionUrls), so
 * the template registers them at an address nobody serves meanwhile.
 */
function atPlaceholderUrl(institution: SampleInstitution): SampleInstitution & { subgraphUrl: string } {
  return { ...institution, subgraphUrl: `http://template.invalid/${institution.code}/graphql` };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Templates this worker has built or found, by name: a worker asks the server once per template. */
const known = new Map<string, Promise<string>>();

/**
 * The name of the template of `kind` holding what `fill` writes for `inputs` (into an empty
 * database, or a copy of the template `base` names), building it unless this run already has it.
 * Names start with the run's own prefix (globalPostgres.ts), so no run copies another's template,
 * built from other migrations or another day's sample data.
 */
function template(
  kind: 'catalogue' | 'framework',
  inputs: object,
  fill: (databaseUrl: string) => Promise<void>,
  base?: () => Promise<string>,
): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ kind, inputs })).digest('hex').slice(0, 16);
  // Well inside PostgreSQL's 63 characters: prefix (11) + kind (≤ 9) + _ + 16.
  const name = `${inject('databaseTemplatePrefix')}${kind}_${hash}`;
  let found = known.get(name);
  if (!found) {
    found = (async () => buildTemplateUnlessPresent(name, fill, await base?.()))();
    known.set(name, found);
    // A failed build (say, a broken seed) is tried again by the next test, which then fails on its own.
    found.catch(() => known.delete(name));
  }
  return found;
}

/**
 * Builds the template unless it is there. Workers are separate processes that may want the same
 * template at once: they queue on an advisory lock per template (runtime/advisoryLocks.ts), and a
 * database only counts as built once marked IS_TEMPLATE, the last step, so a build that died
 * midway is started over. The finished template accepts no connections, as copying requires.
 */
export async function buildTemplateUnlessPresent(
  name: string,
  fill: (databaseUrl: string) => Promise<void>,
  base?: string,
): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const cluster = clusterAt(adminUrl);
  // The lock is this session's: ending the connection releases it, however the build ends.
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(${advisoryLockKeys.databaseTemplates}::int, hashtext(${name}))`;
    const [state] = await admin<{ built: boolean }[]>`
      select datistemplate as built from pg_database where datname = ${name}`;
    if (state?.built) return name;
    if (state) await admin.unsafe(`drop database "${name}" with (force)`);
    await cluster.ensureDatabase(name, { template: base });
    // `fill` closes every connection it opens before it returns.
    await fill(cluster.databaseUrl(name));
    await admin.unsafe(`alter database "${name}" with is_template true allow_connections false`);
    return name;
  } finally {
    await admin.end();
  }
}
