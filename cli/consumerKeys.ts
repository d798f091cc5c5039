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
import { parseArgs } from 'node:util';
import { url } from '../runtime/config.js';
import { issueConsumerKey, listConsumerKeys, revokeConsumerKey } from '../subgraphs/framework/consumerKeys.js';
import { openFrameworkDatabase } from '../subgraphs/framework/db/connection.js';
import { migrateFrameworkDatabase } from '../subgraphs/framework/db/migrate.js';
import { runCommand, UsageError } from './commandLine.js';

const usage = 'usage: npm run consumer-keys -- issue --label TEXT [--requests-per-minute N] | list | revoke --key ID';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { label: { type: 'string' }, key: { type: 'string' }, 'requests-per-minute': { type: 'string' } },
  });
  const [command] = positionals;
  if (!command || !['issue', 'list', 'revoke'].includes(command) || positionals.length > 1) throw new UsageError(usage);
  const databaseUrl = url(process.env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  await migrateFrameworkDatabase(databaseUrl);
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    if (command === 'issue') {
      if (!values.label) throw new UsageError(`issue needs --label, e.g. --label "Job Bank Canada"\n${usage}`);
      const rate = values['requests-per-minute'];
      const issued = await issueConsumerKey(db, values.label, rate === undefined ? undefined : Number(rate));
      console.log(
        `Issued consumer key ${issued.id} (${issued.requestsPerMinute} requests per minute). It is shown only now; store it safely:`,
      );
      console.log(issued.key);
    } else if (command === 'list') {
      const keys = await listConsumerKeys(db);
      if (keys.length === 0) console.log('No consumer keys.');
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used';
        console.log(
          `${key.id}  ${state.padEnd(32)}  ${String(key.requestsPerMinute).padStart(6)}/min  ${String(key.requestCount).padStart(10)} requests  ${used}  ${key.label}`,
        );
      }
    } else {
      if (!values.key) throw new UsageError(`revoke needs --key ID (see list)\n${usage}`);
      if (!(await revokeConsumerKey(db, values.key))) throw new UsageError(`No active consumer key "${values.key}".`);
      console.log(`Revoked consumer key ${values.key}.`);
    }
  } finally {
    await close();
  }
}

runCommand(main);
