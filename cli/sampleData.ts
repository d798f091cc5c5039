/**
 * Sample data for a containerised demo, loaded by the same functions
 * `npm start` uses, before the role's own entry point starts serving.
 * Both settings are for demonstrations only; a real deployment leaves them
 * unset and fills catalogues and the registry through their own APIs.
 *
 * - catalogue, SAMPLE_DATA=true: an empty catalogue gets generated sample
 *   entries for INSTITUTION_CODE (a catalogue that has ever had an entry is
 *   left alone).
 * - framework, SAMPLE_INSTITUTIONS="humber=http://catalogue-humber:4101/graphql …":
 *   an empty registry gets these sample institutions, each at the given
 *   subgraph URL (a registry with any institution is left alone).
 */
import { ConfigError, institutionCode, optionalString, url } from '../runtime/config.js';
import { findSampleInstitution, sampleInstitutions } from '../seed/institutions.js';
import type { InstitutionSeed } from '../subgraphs/framework/seed.js';
import type { Role } from './roles.js';

type Env = Record<string, string | undefined>;

export async function prepareSampleData(role: Role, env: Env): Promise<void> {
  if (role === 'catalogue' && readSampleDataFlag(env)) await seedSampleCatalogue(env);
  if (role === 'framework') {
    const institutions = readSampleInstitutions(env);
    if (institutions.length > 0) await seedSampleRegistry(env, institutions);
  }
}

function readSampleDataFlag(env: Env): boolean {
  const raw = optionalString(env, 'SAMPLE_DATA');
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new ConfigError('SAMPLE_DATA', `must be "true" or "false", got "${raw}"`);
}

async function seedSampleCatalogue(env: Env): Promise<void> {
  const institution = institutionCode(env, 'INSTITUTION_CODE');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  // Loaded only here, so other roles never load the catalogue's database code.
  const [{ migrateCatalogueDatabase }, { seedCatalogueIfEmpty }, { generateCatalogue }] = await Promise.all([
    import('../subgraphs/catalogue/db/migrate.js'),
    import('../seed/seedCatalogue.js'),
    import('../seed/catalogue.js'),
  ]);
  // The entry point migrates too; doing it first lets the seed write into the tables.
  await migrateCatalogueDatabase(databaseUrl);
  const seeded = await seedCatalogueIfEmpty(databaseUrl, institution, generateCatalogue(institution));
  console.log(
    seeded
      ? `Sample data: seeded the ${institution} catalogue`
      : `Sample data: ${institution} catalogue already has data`,
  );
}

/** `code=url` pairs separated by spaces or new lines. */
export function readSampleInstitutions(env: Env): InstitutionSeed[] {
  const raw = optionalString(env, 'SAMPLE_INSTITUTIONS');
  if (raw === undefined) return [];
  return raw.split(/\s+/).map((pair) => {
    const [code = '', subgraphUrl = ''] = pair.split(/=(.*)/s);
    const institution = findSampleInstitution(code);
    if (!institution || !subgraphUrl) {
      const known = sampleInstitutions.map((sample) => sample.code).join(', ');
      throw new ConfigError(
        'SAMPLE_INSTITUTIONS',
        `must list code=url pairs of sample institutions (${known}), got "${pair}"`,
      );
    }
    // Checked like any URL setting, so a typo names this variable.
    url({ SAMPLE_INSTITUTIONS: subgraphUrl }, 'SAMPLE_INSTITUTIONS', ['http:', 'https:']);
    return { ...institution, subgraphUrl };
  });
}

async function seedSampleRegistry(env: Env, institutions: InstitutionSeed[]): Promise<void> {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const [{ migrateFrameworkDatabase }, { seedFrameworkIfEmpty }] = await Promise.all([
    import('../subgraphs/framework/db/migrate.js'),
    import('../subgraphs/framework/seed.js'),
  ]);
  await migrateFrameworkDatabase(databaseUrl);
  const seeded = await seedFrameworkIfEmpty(databaseUrl, institutions);
  const codes = institutions.map((institution) => institution.code).join(', ');
  console.log(seeded ? `Sample data: registered ${codes}` : 'Sample data: the registry already has institutions');
}
