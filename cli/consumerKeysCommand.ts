/**
 * The logic of `npm run consumer-keys` (cli/consumerKeys.ts): its arguments and environment
 * in, the lines to print out. Kept apart from the command so every case is tested in-process
 * against a real framework database; a mistake the user can fix is thrown as runCommand
 * describes it.
 */
import { url } from '../runtime/config.js';
import { issueConsumerKey, listConsumerKeys, revokeConsumerKey } from '../subgraphs/framework/consumerKeys.js';
import { openFrameworkDatabase } from '../subgraphs/framework/db/connection.js';
import { migrateFrameworkDatabase } from '../subgraphs/framework/db/migrate.js';
import { succeeded } from '../runtime/commandOutcome.js';
import { type Command, keyListing, parseCommandLine, subcommandOf, UsageError } from './commandLine.js';

const usage = 'usage: npm run consumer-keys -- issue --label TEXT [--requests-per-minute N] | list | revoke --key ID';

export const consumerKeysCommand: Command = async (args, environment) => {
  const { positionals, values } = parseCommandLine(args, ['label', 'key', 'requests-per-minute']);
  const command = subcommandOf(positionals, ['issue', 'list', 'revoke'], usage);
  const databaseUrl = url(environment, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  await migrateFrameworkDatabase(databaseUrl);
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    if (command === 'issue') {
      if (!values.label) throw new UsageError(`issue needs --label, e.g. --label "Job Bank Canada"\n${usage}`);
      const rate = values['requests-per-minute'];
      const issued = await issueConsumerKey(db, values.label, rate === undefined ? undefined : Number(rate));
      return succeeded(
        `Issued consumer key ${issued.id} (${issued.requestsPerMinute} requests per minute). It is shown only now; store it safely:`,
        issued.key,
      );
    }
    if (command === 'list') {
      return keyListing(await listConsumerKeys(db), 'No consumer keys.', (key, state) => {
        const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used';
        return `${key.id}  ${state}  ${String(key.requestsPerMinute).padStart(6)}/min  ${String(key.requestCount).padStart(10)} requests  ${used}  ${key.label}`;
      });
    }
    if (!values.key) throw new UsageError(`revoke needs --key ID (see list)\n${usage}`);
    if (!(await revokeConsumerKey(db, values.key))) throw new UsageError(`No active consumer key "${values.key}".`);
    return succeeded(`Revoked consumer key ${values.key}.`);
  } finally {
    await close();
  }
};
