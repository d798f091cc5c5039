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
import { runCommand, UsageError } from './commandLine.js';

const usage =
  'usage: npm run endorser-keys -- register --id ID --name TEXT --kind EMPLOYER|SECTOR_BODY|PROFESSIONAL_ASSOCIATION --website URL' +
  ' | issue --endorser ID --label TEXT | list | revoke --key ID';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(
      ['id', 'name', 'kind', 'website', 'endorser', 'label', 'key'].map((name) => [name, { type: 'string' }]),
    ) as Record<string, { type: 'string' }>,
  });
  const [command] = positionals;
  if (!command || !['register', 'issue', 'list', 'revoke'].includes(command) || positionals.length > 1)
    throw new UsageError(usage);
  const databaseUrl = url(process.env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  await migrateFrameworkDatabase(databaseUrl);
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  const need = (name: string): string => {
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
      console.log(`Registered endorser ${endorser.id} (${endorser.kind}): ${endorser.name}.`);
    } else if (command === 'issue') {
      const issued = await issueEndorserKey(db, need('endorser'), need('label'));
      console.log(`Issued endorser key ${issued.id} for ${issued.endorser.id}. It is shown only now; store it safely:`);
      console.log(issued.key);
    } else if (command === 'list') {
      const keys = await listEndorserKeys(db);
      if (keys.length === 0) console.log('No endorser keys.');
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        console.log(`${key.id}  ${state.padEnd(32)}  ${key.endorserId.padEnd(30)}  ${key.label}`);
      }
    } else {
      const id = need('key');
      if (!(await revokeEndorserKey(db, id))) throw new UsageError(`No active endorser key "${id}".`);
      console.log(`Revoked endorser key ${id}.`);
    }
  } finally {
    await close();
  }
}

runCommand(main);
