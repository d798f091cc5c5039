/**
 * Manages an institution's API keys, in its own catalogue database:
 *
 *   DATABASE_URL=postgres://… npm run api-keys -- create --institution humber [--label "Registrar import job"]
 *   DATABASE_URL=postgres://… npm run api-keys -- list   --institution humber
 *   DATABASE_URL=postgres://… npm run api-keys -- revoke --institution humber --key <prefix>
 *
 * DATABASE_URL must be that institution's catalogue database (the one its
 * catalogue subgraph uses): a key stored there can only ever act for it.
 * `create` prints the key once; only its hash is stored.
 */
import { printed } from '../runtime/commandOutcome.js';
import { runCommand } from './commandLine.js';
import { apiKeysCommand } from './apiKeysCommand.js';

runCommand(async () => printed(await apiKeysCommand(process.argv.slice(2), process.env)));
