/**
 * Manages consumer keys (job boards, portals), in the framework database:
 *
 *   DATABASE_URL=postgres://… npm run consumer-keys -- issue  --label "Job Bank" [--requests-per-minute 1200]
 *   DATABASE_URL=postgres://… npm run consumer-keys -- list
 *   DATABASE_URL=postgres://… npm run consumer-keys -- revoke --key <id>
 *
 * DATABASE_URL is the framework subgraph's database. `issue` prints the key
 * once; only its hash is stored. Gateways pick up a new key on its first use
 * and stop accepting a revoked one within seconds. The same is available to
 * the province as the issueConsumerKey / revokeConsumerKey mutations and the
 * consumerKeys query.
 */
import { printed } from '../runtime/commandOutcome.js';
import { runCommand } from './commandLine.js';
import { consumerKeysCommand } from './consumerKeysCommand.js';

runCommand(async () => printed(await consumerKeysCommand(process.argv.slice(2), process.env)));
