/**
 * The logic of `npm run endorser-keys` (cli/endorserKeys.ts): its arguments and environment
 * in, the lines to print out. Kept apart from the command so every case is tested in-process
 * against a real framework database; a mistake the user can fix is thrown as runCommand
 * describes it (UsageError, ConfigError, GraphQLError).
 */
import { url } from '../runtime/config.js';
import { openFrameworkDatabase } from '../subgraphs/framework/db/connection.js';
import { migrateFrameworkDatabase } from '../subgraphs/framework/db/migrate.js';
import {
  issueEndorserKey,
  listEndorserKeys,
  revokeEndorserKey,
} from '../subgraphs/framework/trustMarks/endorserKeys.js';
import { registerEndorser } from '../subgraphs/framework/trustMarks/writes.js';
import { succeeded } from '../runtime/commandOutcome.js';
import { type Command, keyListing, parseCommandLine, subcommandOf, UsageError } from './commandLine.js';

const usage =
  'usage: npm run endorser-keys -- register --id ID --name TEXT --kind EMPLOYER|SECTOR_BODY|PROFESSIONAL_ASSOCIATION --website URL' +
  ' | issue --endorser ID --label TEXT | list | revoke --key ID';

const optionNames = ['id', 'name', 'kind', 'website', 'endorser', 'label', 'key'] as const;

export const endorserKeysCommand: Command = async (args, environment) => {
  const { positionals, values } = parseCommandLine(args, optionNames);
  const command = subcommandOf(positionals, ['register', 'issue', 'list', 'revoke'], usage);
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
      return keyListing(
        await listEndorserKeys(db),
        'No endorser keys.',
        (key, state) => `${key.id}  ${state}  ${key.endorserId.padEnd(30)}  ${key.label}`,
      );
    }
    const id = need('key');
    if (!(await revokeEndorserKey(db, id))) throw new UsageError(`No active endorser key "${id}".`);
    return succeeded(`Revoked endorser key ${id}.`);
  } finally {
    await close();
  }
};
