/**
 * Imports a catalogue file into an institution's catalogue database, the same
 * way the importCatalogue mutation does (all or nothing, keyed by externalCode):
 *
 *   DATABASE_URL=postgres://… npm run import -- --institution humber catalogue.csv
 *   DATABASE_URL=postgres://… npm run import -- --institution humber catalogue.json
 *
 * PROVINCE_GRAPHQL_URL (the directory's GraphQL endpoint) lets entries that claim OSAP
 * outside the OSAP rules be imported when the province attested an exception.
 * INSTITUTION_LANGUAGES (e.g. `en,fr`, default `en`) is the catalogue's own
 * setting: with `fr`, empty French text is reported as a warning.
 *
 * The format follows the file extension. Every problem is printed with its
 * line and field, and nothing is written when there is any. The audit log
 * records the import as made by `cli`.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isInstitutionCode, url } from '../runtime/config.js';
import { fieldName } from '../subgraphs/catalogue/catalogueEntry.js';
import { commandLineActor } from '../subgraphs/catalogue/db/auditTrail.js';
import { importCatalogue } from '../subgraphs/catalogue/db/catalogueImport.js';
import { openCatalogueDatabase } from '../subgraphs/catalogue/db/connection.js';
import { migrateCatalogueDatabase } from '../subgraphs/catalogue/db/migrate.js';
import { osapClaimCheck, provinceOsapExceptions } from '../subgraphs/catalogue/osapClaim.js';
import { institutionLanguages } from '../subgraphs/catalogue/settings.js';
import { runCommand, UsageError } from './commandLine.js';

const usage = 'usage: npm run import -- --institution CODE FILE.csv|FILE.json';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { institution: { type: 'string' } } });
  const [file] = positionals;
  const institution = values.institution;
  if (!institution || !isInstitutionCode(institution) || !file || positionals.length > 1) throw new UsageError(usage);
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.json')
    throw new UsageError(`the file must end in .csv or .json\n${usage}`);
  const content = await readFile(file, 'utf8');
  const databaseUrl = url(process.env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  // OSAP claims outside the rules need the province's exception, read from the directory (osapClaim.ts).
  const province = process.env.PROVINCE_GRAPHQL_URL
    ? url(process.env, 'PROVINCE_GRAPHQL_URL', ['http:', 'https:'])
    : undefined;
  const provinceGraphqlUrl = () => province;
  const languages = institutionLanguages(process.env, 'INSTITUTION_LANGUAGES');
  await migrateCatalogueDatabase(databaseUrl);
  const { db, close } = openCatalogueDatabase(databaseUrl, { maxConnections: 2 });
  try {
    const checkOsapClaims = osapClaimCheck(institution, provinceOsapExceptions(provinceGraphqlUrl));
    const format = extension === '.csv' ? 'CSV' : 'JSON';
    const result = await importCatalogue(db, commandLineActor, format, content, checkOsapClaims, languages);
    const where = (problem: { line?: number | null; path: Array<string | number> }) =>
      `${extension === '.csv' ? 'line' : 'entry'} ${problem.line ?? '?'}${problem.path.length ? `, ${fieldName(problem.path)}` : ''}`;
    if (result.problems.length > 0) {
      console.error(`Nothing imported into ${institution}: ${result.problems.length} problem(s).`);
      for (const problem of result.problems) console.error(`  ${where(problem)}: ${problem.code} ${problem.message}`);
      return 1;
    }
    for (const warning of result.warnings)
      console.log(`  warning ${where(warning)}: ${warning.code} ${warning.message}`);
    console.log(
      `Imported into ${institution}: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged.`,
    );
    return 0;
  } finally {
    await close();
  }
}

runCommand(main);
