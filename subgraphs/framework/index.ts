/**
 * Entry point of the provincial framework subgraph:
 * DATABASE_URL, PORT (default 4002), HOST, PROVINCE_API_KEY, REGISTRY_TOKEN, and optional
 * GATEWAY_URL (writes that check micro-credentials exist ask it; without it they fail clearly).
 * Migrates the database, then serves until SIGINT or SIGTERM.
 */
import { ConfigError, optionalString, port, requiredString, url } from '../../runtime/config.js';
import { migrateFrameworkDatabase } from './db/migrate.js';
import { startFrameworkSubgraph } from './server.js';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

async function main() {
  const env = process.env;
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const listenPort = port(env, 'PORT', 4002);
  const provinceApiKey = requiredString(env, 'PROVINCE_API_KEY');
  const registryToken = requiredString(env, 'REGISTRY_TOKEN');
  if (provinceApiKey === registryToken) throw new ConfigError('REGISTRY_TOKEN', 'must differ from PROVINCE_API_KEY');
  const gatewayUrl = env.GATEWAY_URL ? url(env, 'GATEWAY_URL', ['http:', 'https:']) : undefined;

  await migrateFrameworkDatabase(databaseUrl);
  const server = await startFrameworkSubgraph({
    databaseUrl,
    port: listenPort,
    host: optionalString(env, 'HOST'),
    provinceApiKey,
    registryToken,
    gatewayUrl: () => gatewayUrl,
  });
  console.log(`Framework subgraph at ${server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // A second signal while draining: the operator wants out now.
      console.log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping framework subgraph`);
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
