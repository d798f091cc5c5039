/**
 * Entry point of the provincial framework subgraph:
 * DATABASE_URL, PORT (default 4002), HOST, PROVINCE_API_KEY, REGISTRY_TOKEN, and optional
 * GATEWAY_URL (writes that check micro-credentials exist ask it; without it they fail clearly).
 * Migrates the database, then serves until SIGINT or SIGTERM.
 */
import { runService } from '../../runtime/entryPoint.js';
import { migrateFrameworkDatabase } from './db/migrate.js';
import { startFrameworkSubgraph } from './server.js';
import { frameworkSettings } from './settings.js';

runService(async () => {
  const { gatewayUrl, ...settings } = frameworkSettings(process.env);
  await migrateFrameworkDatabase(settings.databaseUrl);
  const server = await startFrameworkSubgraph({ ...settings, gatewayUrl: () => gatewayUrl });
  return { ...server, name: 'framework subgraph' };
});
