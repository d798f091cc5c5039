/**
 * The logic of `npm run api-keys` (cli/apiKeys.ts): its arguments and environment in, the
 * lines to print out. Kept apart from the command so every case is tested in-process against
 * a real catalogue database; a mistake the user can fix is thrown as runCommand describes it.
 */
import { isInstitutionCode, url } from '../runtime/config.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../subgraphs/catalogue/db/apiKeys.js';
import { openCatalogueDatabase } from '../subgraphs/catalogue/db/connection.js';
import { migrateCatalogueDatabase } from '../subgraphs/catalogue/db/migrate.js';
import { succeeded } from '../runtime/commandOutcome.js';
import { type Command, keyListing, parseCommandLine, subcommandOf, UsageError } from './commandLine.js';

const usage = 'usage: npm run api-keys -- create|list|revoke --institution CODE [--label TEXT] [--key PREFIX]';

export const apiKeysCommand: Command = async (args, environment) => {
  const { positionals, values } = parseCommandLine(args, ['institution', 'label', 'key']);
  const command = subcommandOf(positionals, ['create', 'list', 'revoke'], usage);
  const institution = values.institution;
  if (!institution || !isInstitutionCode(institution))
    throw new UsageError(`--institution must be an institution code like "humber"\n${usage}`);
  const databaseUrl = url(environment, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  await migrateCatalogueDatabase(databaseUrl);
  const { db, close } = openCatalogueDatabase(databaseUrl, { maxConnections: 1 });
  try {
    if (command === 'create') {
      const created = await createApiKey(db, institution, values.label ?? `${institution} API key`);
      return succeeded(
        `Created API key ${created.prefix} for ${institution}. It is shown only now; store it safely:`,
        created.key,
      );
    }
    if (command === 'list') {
      return keyListing(
        await listApiKeys(db),
        `${institution} has no API keys.`,
        (key, state) => `${key.prefix}  ${state}  created ${key.createdAt.toISOString()}  ${key.label}`,
      );
    }
    if (!values.key) throw new UsageError(`revoke needs --key PREFIX (see list)\n${usage}`);
    const revoked = await revokeApiKey(db, values.key);
    if (!revoked) throw new UsageError(`${institution} has no active API key "${values.key}"`);
    return succeeded(`Revoked API key ${values.key} of ${institution}.`);
  } finally {
    await close();
  }
};
