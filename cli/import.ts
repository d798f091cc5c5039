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
import { printed } from '../runtime/commandOutcome.js';
import { runCommand } from './commandLine.js';
import { importCommand } from './importCommand.js';

runCommand(async () => printed(await importCommand(process.argv.slice(2), process.env)));
