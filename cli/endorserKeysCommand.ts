/**
 * The logic of `npm run endorser-keys` (cli/endorserKeys.ts): its arguments and environment
 * in, the lines to print out. Kept apart from the command so every case is tested in-process
 * against a real framework database; a mistake the user can fix is thrown as runCommand
 * describes it (UsageError, ConfigError, GraphQLError).
 */
import { parseArgs } from 'node:util';
import { url } from '../runtime/config.js';
import { openFrameworkDatabase } from '../subgraphs/framework/db/connection.js';
import { migrateFrameworkDatabase } from '../subgraphs/framework/db/migrate.js';
import {
  issueEndorserKey,
  listEndorserKeys,
  revokeEndorserKey,
} from '../subgraphs/framework/trustMarks/endorserKeys.js';
import { registerEndorser } from '../subgraphs/framework/trustMarks/writes.js';
import { type CommandOutcome, succeeded, UsageError } from './commandLine.js';

const usage =
  'usage: npm run endorser-keys -- register --id ID --name TEXT --kind EMPLOYER|SECTOR_BODY|PROFESSIONAL_ASSOCIATION --website URL' +
  ' | issue --endorser ID --label TEXT | list | revoke --key ID';

const optionNames = ['id', 'name', 'kind', 'website', 'endorser', 'label', 'key'] as const;

export async function endorserKeysCommand(
  args: string[],
  environment: Record<string, string | undefined>,
): Promise<CommandOutcome> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: Object.fromEntries(optionNames.map((name) => [name, { type: 'string' as const }])),
  });
  const [command] = positionals;
  if (!command || !['register', 'issue', 'list', 'revoke'].includes(command) || positionals.length > 1)
    throw new UsageError(usage);
  const databaseUrl = url(environment, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  await migrateFrameworkDatabase(databaseUrl);
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  const need = (name: (typeof optionNames)[number]): string => {
    const value = values[name];
    if (typeof value !== 'string') throw new UsageError(`${command} needs --${name}\n${usage}`);
    return value;
  };
  try {
    if (command === 'register') {
      // Registration checks nothing at the gateway: no micro-credential is named.
      const context = { db, checkMicroCredentials: async () => [] };
      const endorser = await registerEndorser(context, {
        id: need('id'),
        name: need('name'),
        kind: need('kind'),
        website: need('website'),
      });
      return succeeded(`Registered endorser ${endorser.id} (${endorser.kind}): ${endorser.name}.`);
    }
    if (command === 'issue') {
      const issued = await issueEndorserKey(db, need('endorser'), need('label'));
      return succeeded(
        `Issued endorser key ${issued.id} for ${issued.endorser.id}. It is shown only now; store it safely:`,
        issued.key,
      );
    }
    if (command === 'list') {
      const keys = await listEndorserKeys(db);
      if (keys.length === 0) return succeeded('No endorser keys.');
      return succeeded(
        ...keys.map((key) => {
          const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
          return `${key.id}  ${state.padEnd(32)}  ${key.endorserId.padEnd(30)}  ${key.label}`;
        }),
      );
    }
    const id = need('key');
    if (!(await revokeEndorserKey(db, id))) throw new UsageError(`No active endorser key "${id}".`);
    return succeeded(`Revoked endorser key ${id}.`);
  } finally {
    await close();
  }
}
