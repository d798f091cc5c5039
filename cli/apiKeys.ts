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
import { parseArgs } from 'node:util';
import { isInstitutionCode, url } from '../runtime/config.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../subgraphs/catalogue/db/apiKeys.js';
import { openCatalogueDatabase } from '../subgraphs/catalogue/db/connection.js';
import { migrateCatalogueDatabase } from '../subgraphs/catalogue/db/migrate.js';
import { runCommand, UsageError } from './commandLine.js';

const usage = 'usage: npm run api-keys -- create|list|revoke --institution CODE [--label TEXT] [--key PREFIX]';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { institution: { type: 'string' }, label: { type: 'string' }, key: { type: 'string' } },
  });
  const [command] = positionals;
  const institution = values.institution;
  if (!command || !['create', 'list', 'revoke'].includes(command) || positionals.length > 1)
    throw new UsageError(usage);
  if (!institution || !isInstitutionCode(institution))
    throw new UsageError(`--institution must be an institution code like "humber"\n${usage}`);
  const databaseUrl = url(process.env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  await migrateCatalogueDatabase(databaseUrl);
  const { db, close } = openCatalogueDatabase(databaseUrl, { maxConnections: 1 });
  try {
    if (command === 'create') {
      const created = await createApiKey(db, institution, values.label ?? `${institution} API key`);
      console.log(`Created API key ${created.prefix} for ${institution}. It is shown only now; store it safely:`);
      console.log(created.key);
    } else if (command === 'list') {
      const keys = await listApiKeys(db);
      if (keys.length === 0) console.log(`${institution} has no API keys.`);
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        console.log(`${key.prefix}  ${state.padEnd(32)}  created ${key.createdAt.toISOString()}  ${key.label}`);
      }
    } else {
      if (!values.key) throw new UsageError(`revoke needs --key PREFIX (see list)\n${usage}`);
      const revoked = await revokeApiKey(db, values.key);
      if (!revoked) throw new UsageError(`${institution} has no active API key "${values.key}"`);
      console.log(`Revoked API key ${values.key} of ${institution}.`);
    }
  } finally {
    await close();
  }
}

runCommand(main);
