/**
 * `npm start`: the whole directory on this machine with sample data.
 * Embedded PostgreSQL keeps its data in .data/postgres, so a restart keeps
 * every change; POSTGRES_ADMIN_URL points the same code at an external server.
 */
import { randomBytes } from 'node:crypto';
import { ConfigError, httpPort, isFetchBlockedPort, optionalString, optionalUrl, port } from '../runtime/config.js';
import {
  clusterAt,
  EmbeddedPostgresAccessError,
  leaveStopSignalsToCaller,
  startEmbeddedPostgres,
  type PostgresCluster,
} from '../runtime/postgres.js';
import { sampleInstitutions } from '../seed/institutions.js';
import { startLocalDirectory, type LocalDirectory } from './localDirectory.js';

async function main() {
  const env = process.env;
  const adminUrl = optionalUrl(env, 'POSTGRES_ADMIN_URL', ['postgres:', 'postgresql:']);
  // The services call each other with fetch, so none may listen on a port fetch refuses.
  const gatewayPort = httpPort(env, 'GATEWAY_PORT', 4000);
  const frameworkPort = httpPort(env, 'FRAMEWORK_PORT', 4002);
  const searchPort = httpPort(env, 'SEARCH_PORT', 4003);
  // Fixed so the publishing CLIs (api-keys, import) can be pointed at a catalogue database.
  const postgresPort = port(env, 'EMBEDDED_POSTGRES_PORT', 54329);
  const cataloguePortBase = httpPort(env, 'CATALOGUE_PORT_BASE', 4101);
  const blocked = sampleInstitutions.findIndex(
    (_, index) => cataloguePortBase && isFetchBlockedPort(cataloguePortBase + index),
  );
  if (blocked >= 0) {
    throw new ConfigError(
      'CATALOGUE_PORT_BASE',
      `gives ${sampleInstitutions[blocked]!.code} port ${cataloguePortBase + blocked}, which Node's fetch refuses ("bad port" in the Fetch standard). Choose another base.`,
    );
  }
  const provinceApiKey = optionalString(env, 'PROVINCE_API_KEY') ?? 'dev-province-key';
  const registryToken = optionalString(env, 'REGISTRY_TOKEN') ?? randomBytes(24).toString('hex');

  console.log(adminUrl ? 'Using external PostgreSQL.' : 'Starting embedded PostgreSQL (data in .data/postgres)…');
  const cluster: PostgresCluster = adminUrl
    ? clusterAt(adminUrl)
    : await startEmbeddedPostgres({ dataDir: '.data/postgres', port: postgresPort });
  let directory: LocalDirectory | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await directory?.stop().catch((error) => console.error(error));
    await cluster.stop().catch((error) => console.error(error));
    console.log('Stopped. Data is kept for the next start.');
    process.exit(0);
  };
  // The directory stops before PostgreSQL, so embedded-postgres must not stop it on the same signal.
  leaveStopSignalsToCaller();
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    directory = await startLocalDirectory({
      cluster,
      institutions: sampleInstitutions,
      gatewayPort,
      frameworkPort,
      catalogueThread: true,
      search: {
        port: searchPort,
        indexDir: optionalString(env, 'SEARCH_INDEX_DIR') ?? '.data/search',
        // Anonymous daily demand counts persist with the rest of the data (subgraphs/search/demand/).
        demandDir: optionalString(env, 'SEARCH_DEMAND_DIR') ?? '.data/search-demand',
      },
      cataloguePortBase,
      provinceApiKey,
      registryToken,
      log: (message) => console.log(message),
    });
  } catch (error) {
    await cluster.stop().catch(() => {});
    throw error;
  }
  printWelcome(directory, provinceApiKey);
}

function printWelcome(directory: LocalDirectory, provinceApiKey: string) {
  const humberDatabase = directory.catalogueDatabaseUrl('humber');
  const lines = [
    '',
    'Ontario micro-credential directory (sample data) is running.',
    '',
    `  Portal (en, fr)        ${directory.gateway.url.replace(/\/graphql$/, '/')}  ${directory.gateway.url.replace(/\/graphql$/, '/fr/')}`,
    `  Gateway (query here)   ${directory.gateway.url}`,
    `  Gateway health         ${directory.gateway.url.replace(/\/graphql$/, '/health')}`,
    `  Framework subgraph     ${directory.framework.url}`,
    ...(directory.search ? [`  Search subgraph        ${directory.search.url}`] : []),
    ...[...directory.catalogues]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, server]) => `  Catalogue ${code.padEnd(14)} ${server.url}`),
    '',
    `  Province API key (registry writes): ${provinceApiKey}`,
    `  Catalogue databases: ${humberDatabase.replace(/catalogue_humber$/, 'catalogue_<institution>')}`,
    `    e.g. DATABASE_URL=${humberDatabase} npm run api-keys -- create --institution humber`,
    '',
    'Try:',
    `  curl -s ${directory.gateway.url} -H 'content-type: application/json' \\`,
    `    -d '{"query":"{ institutions { code name microCredentials(first: 2) { totalCount edges { node { id title instructionalHours oqfAlignment { band } } } } } }"}'`,
    '',
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error) => {
  if (error instanceof EmbeddedPostgresAccessError) console.error(error.message);
  else console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
