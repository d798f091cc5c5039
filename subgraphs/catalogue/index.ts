/**
 * Entry point of one institution's catalogue subgraph:
 * INSTITUTION_CODE, DATABASE_URL, PORT (default 4101), HOST (default 127.0.0.1;
 * 0.0.0.0 in a container).
 * Migrates the database, then serves until SIGINT or SIGTERM.
 */
import { ConfigError, institutionCode, optionalString, port, url } from '../../runtime/config.js';
import { migrateCatalogueDatabase } from './db/migrate.js';
import { startCatalogueSubgraph } from './server.js';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

async function main() {
  const env = process.env;
  const institution = institutionCode(env, 'INSTITUTION_CODE');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const listenPort = port(env, 'PORT', 4101);
  const host = optionalString(env, 'HOST');

  await migrateCatalogueDatabase(databaseUrl);
  const server = await startCatalogueSubgraph({ institution, databaseUrl, port: listenPort, host });
  console.log(`Catalogue subgraph for ${institution} at ${server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // A second signal while draining: the operator wants out now.
      console.log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping catalogue subgraph for ${institution}`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
