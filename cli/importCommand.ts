/**
 * The logic of `npm run import` (cli/import.ts): its arguments and environment in, the lines
 * to print and the exit code out. Kept apart from the command so every case is tested
 * in-process against a real catalogue database; a mistake the user can fix in how the command
 * was called is thrown as runCommand describes it, while problems in the file are the outcome.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isInstitutionCode, url } from '../runtime/config.js';
import { fieldName } from '../subgraphs/catalogue/catalogueEntry.js';
import { commandLineActor } from '../subgraphs/catalogue/db/auditTrail.js';
import { importCatalogue } from '../subgraphs/catalogue/db/catalogueImport.js';
import { openCatalogueDatabase } from '../subgraphs/catalogue/db/connection.js';
import { migrateCatalogueDatabase } from '../subgraphs/catalogue/db/migrate.js';
import { osapClaimCheck, provinceOsapExceptions } from '../subgraphs/catalogue/osapClaim.js';
import { institutionLanguages } from '../subgraphs/catalogue/settings.js';
import { type Command, parseCommandLine, UsageError } from './commandLine.js';

const usage = 'usage: npm run import -- --institution CODE FILE.csv|FILE.json';

export const importCommand: Command = async (args, environment) => {
  const { positionals, values } = parseCommandLine(args, ['institution']);
  const [file] = positionals;
  const institution = values.institution;
  if (!institution || !isInstitutionCode(institution) || !file || positionals.length > 1) throw new UsageError(usage);
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.json')
    throw new UsageError(`the file must end in .csv or .json\n${usage}`);
  const content = await readFile(file, 'utf8');
  const databaseUrl = url(environment, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  // OSAP claims outside the rules need the province's exception, read from the directory (osapClaim.ts).
  const province = environment.PROVINCE_GRAPHQL_URL
    ? url(environment, 'PROVINCE_GRAPHQL_URL', ['http:', 'https:'])
    : undefined;
  const provinceGraphqlUrl = () => province;
  const languages = institutionLanguages(environment, 'INSTITUTION_LANGUAGES');
  await migrateCatalogueDatabase(databaseUrl);
  const { db, close } = openCatalogueDatabase(databaseUrl, { maxConnections: 2 });
  try {
    const checkOsapClaims = osapClaimCheck(institution, provinceOsapExceptions(provinceGraphqlUrl));
    const format = extension === '.csv' ? 'CSV' : 'JSON';
    const result = await importCatalogue(db, commandLineActor, format, content, checkOsapClaims, languages);
    const where = (problem: { line?: number | null; path: Array<string | number> }) =>
      `${extension === '.csv' ? 'line' : 'entry'} ${problem.line ?? '?'}${problem.path.length ? `, ${fieldName(problem.path)}` : ''}`;
    if (result.problems.length > 0)
      return {
        exitCode: 1,
        stdout: [],
        stderr: [
          `Nothing imported into ${institution}: ${result.problems.length} problem(s).`,
          ...result.problems.map((problem) => `  ${where(problem)}: ${problem.code} ${problem.message}`),
        ],
      };
    return {
      exitCode: 0,
      stdout: [
        ...result.warnings.map((warning) => `  warning ${where(warning)}: ${warning.code} ${warning.message}`),
        `Imported into ${institution}: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged.`,
      ],
      stderr: [],
    };
  } finally {
    await close();
  }
};
