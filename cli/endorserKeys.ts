/**
 * Manages endorsers and their keys, in the framework database:
 *
 *   DATABASE_URL=postgres://… npm run endorser-keys -- register --id ictc --name "…" --kind SECTOR_BODY --website https://…
 *   DATABASE_URL=postgres://… npm run endorser-keys -- issue  --endorser ictc --label "partnerships 2026"
 *   DATABASE_URL=postgres://… npm run endorser-keys -- list
 *   DATABASE_URL=postgres://… npm run endorser-keys -- revoke --key <id>
 *
 * DATABASE_URL is the framework subgraph's database. `issue` prints the key
 * once (`ek_…`); only its hash is stored. A revoked key stops working at once.
 * The same is available to the province as the registerEndorser,
 * issueEndorserKey and revokeEndorserKey mutations and the endorserKeys query.
 */
import { endorserKeysCommand } from './endorserKeysCommand.js';
import { printed } from '../runtime/commandOutcome.js';
import { runCommand } from './commandLine.js';

runCommand(async () => printed(await endorserKeysCommand(process.argv.slice(2), process.env)));
