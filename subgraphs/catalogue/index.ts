/**
 * Entry point of one institution's catalogue subgraph:
 * INSTITUTION_CODE, DATABASE_URL, PORT (default 4101), HOST (default 127.0.0.1;
 * 0.0.0.0 in a container).
 * Migrates the database, then serves until SIGINT or SIGTERM.
 */
import { httpPort, institutionCode, optionalString, url } from '../../runtime/config.js';
import { runService } from '../../runtime/entryPoint.js';
import { migrateCatalogueDatabase } from './db/migrate.js';
import { startCatalogueSubgraph } from './server.js';

runService(async () => {
  const env = process.env;
  const institution = institutionCode(env, 'INSTITUTION_CODE');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const listenPort = httpPort(env, 'PORT', 4101);
  const host = optionalString(env, 'HOST');
  await migrateCatalogueDatabase(databaseUrl);
  const server = await startCatalogueSubgraph({ institution, databaseUrl, port: listenPort, host });
  return { ...server, name: `catalogue subgraph for ${institution}` };
});
