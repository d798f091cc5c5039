/**
 * Entry point of one institution's catalogue subgraph:
 * INSTITUTION_CODE, DATABASE_URL, PORT (default 4101), HOST (default 127.0.0.1;
 * 0.0.0.0 in a container), PROVINCE_GRAPHQL_URL (the directory's GraphQL endpoint,
 * for the province's OSAP exceptions at publish; unset refuses OSAP claims outside the rules),
 * OPTIONAL_PARTS_LEFT_OUT (optional contract parts not implemented, e.g. `outcomes`).
 * Migrates the database, then serves until SIGINT or SIGTERM.
 */
import { runService } from '../../runtime/entryPoint.js';
import { migrateCatalogueDatabase } from './db/migrate.js';
import { startCatalogueSubgraph } from './server.js';
import { catalogueSettings } from './settings.js';

runService(async () => {
  const settings = catalogueSettings(process.env);
  await migrateCatalogueDatabase(settings.databaseUrl);
  const server = await startCatalogueSubgraph(settings);
  return { ...server, name: `catalogue subgraph for ${settings.institution}` };
});
