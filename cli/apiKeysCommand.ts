/**
 * The logic of `npm run api-keys` (cli/apiKeys.ts): its arguments and environment in, the
 * lines to print out. Kept apart from the command so every case is tested in-process against
 * a real catalogue database; a mistake the user can fix is thrown as runCommand describes it.
 */
import { parseArgs } from 'node:util';
import { isInstitutionCode, url } from '../runtime/config.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../subgraphs/catalogue/db/apiKeys.js';
import { openCatalogueDatabase } from '../subgraphs/catalogue/db/connection.js';
import { migrateCatalogueDatabase } from '../subgraphs/catalogue/db/migrate.js';
import { type CommandOutcome, succeeded, UsageError } from './commandLine.js';

const usage = 'usage: npm run api-keys -- create|list|revoke --institution CODE [--label TEXT] [--key PREFIX]';

export async function apiKeysCommand(
  args: string[],
  environment: Record<string, string | undefined>,
): Promise<CommandOutcome> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { institution: { type: 'string' }, label: { type: 'string' }, key: { type: 'string' } },
  });
  const [command] = positionals;
  const institution = values.institution;
  if (!command || !['create', 'list', 'revoke'].includes(command) || positionals.length > 1)
    throw new UsageError(usage);
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
      const keys = await listApiKeys(db);
      if (keys.length === 0) return succeeded(`${institution} has no API keys.`);
      return succeeded(
        ...keys.map((key) => {
          const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
          return `${key.prefix}  ${state.padEnd(32)}  created ${key.createdAt.toISOString()}  ${key.label}`;
        }),
      );
    }
    if (!values.key) throw new UsageError(`revoke needs --key PREFIX (see list)\n${usage}`);
    const revoked = await revokeApiKey(db, values.key);
    if (!revoked) throw new UsageError(`${institution} has no active API key "${values.key}"`);
    return succeeded(`Revoked API key ${values.key} of ${institution}.`);
  } finally {
    await close();
  }
}
