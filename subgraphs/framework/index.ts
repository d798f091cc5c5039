/**
 * Entry point of the provincial framework subgraph:
 * DATABASE_URL, PORT (default 4002), HOST, PROVINCE_API_KEY, REGISTRY_TOKEN, and optional
 * GATEWAY_URL (writes that check micro-credentials exist ask it; without it they fail clearly).
 * Migrates the database, then serves until SIGINT or SIGTERM.
 */
import { ConfigError, httpPort, optionalString, requiredString, url } from '../../runtime/config.js';
import { runService } from '../../runtime/entryPoint.js';
import { migrateFrameworkDatabase } from './db/migrate.js';
import { startFrameworkSubgraph } from './server.js';

runService(async () => {
  const env = process.env;
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const listenPort = httpPort(env, 'PORT', 4002);
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
  return { ...server, name: 'framework subgraph' };
});
