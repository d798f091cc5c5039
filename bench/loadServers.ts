/**
 * The servers of the load benchmark, each set in its own process so the load
 * generator (bench/load.bench.ts) never shares their event loop:
 *
 *   tsx bench/loadServers.ts directory   the whole directory as `npm start` runs it
 *                                        (every sample institution, framework, search,
 *                                        the gateway with its response cache; the catalogues
 *                                        on their own thread unless LOAD_BENCH_ONE_THREAD=1),
 *                                        embedded PostgreSQL under .tmp/
 *   tsx bench/loadServers.ts gateways    two gateways over that directory's subgraphs
 *                                        (LOAD_SERVERS_CONFIG, JSON): ours with the
 *                                        response cache off, and a stock @apollo/gateway
 *                                        on the same supergraph whose catalogue is one
 *                                        institution
 *
 * Each prints one line `READY <json>` with its URLs and stops cleanly on SIGTERM.
 */
import { rm } from 'node:fs/promises';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import { leaveStopSignalsToCaller, startEmbeddedPostgres } from '../runtime/postgres.js';
import { disableApolloTelemetry } from '../runtime/apolloTelemetry.js';
import { serveGraphQL } from '../runtime/http.js';
import { startLocalDirectory } from '../cli/localDirectory.js';
import { startGateway } from '../gateway/server.js';
import { composeSupergraph } from '../gateway/supergraph.js';
import { sampleInstitutions } from '../seed/institutions.js';

export interface DirectoryUrls {
  gateway: string;
  framework: string;
  search: string;
  catalogues: Record<string, string>;
  registryToken: string;
}

export interface GatewayUrls {
  ours: string;
  stock: string;
}

disableApolloTelemetry();
const registryToken = 'bench-registry-token';

async function directory(): Promise<() => Promise<void>> {
  const root = `.tmp/bench-load-${process.pid}`;
  const cluster = await startEmbeddedPostgres({ dataDir: `${root}/postgres` });
  // SIGTERM stops the directory, then the cluster (below), not both at once.
  leaveStopSignalsToCaller();
  const running = await startLocalDirectory({
    cluster,
    institutions: sampleInstitutions,
    gatewayPort: 0,
    frameworkPort: 0,
    cataloguePortBase: 0,
    // As npm start runs them; LOAD_BENCH_ONE_THREAD=1 measures everything on one event loop instead.
    catalogueThread: process.env.LOAD_BENCH_ONE_THREAD !== '1',
    search: { port: 0, indexDir: `${root}/search` },
    provinceApiKey: 'bench-province-key',
    registryToken,
    // The cache's own reports (a source it stopped following) explain a drop in the hit rate.
    log: (message) => message.startsWith('response cache') && console.error(message),
  });
  const urls: DirectoryUrls = {
    gateway: running.gateway.url,
    framework: running.framework.url,
    search: running.search!.url,
    catalogues: Object.fromEntries([...running.catalogues].map(([code, server]) => [code, server.url])),
    registryToken,
  };
  console.log(`READY ${JSON.stringify(urls)}`);
  return async () => {
    try {
      await running.stop();
      await cluster.stop();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  };
}

async function gateways(): Promise<() => Promise<void>> {
  const config = JSON.parse(process.env.LOAD_SERVERS_CONFIG ?? '{}') as DirectoryUrls & { institution: string };
  const ours = await startGateway({
    port: 0,
    frameworkUrl: config.framework,
    searchUrl: config.search,
    registryToken: config.registryToken,
    responseCache: { enabled: false },
  });
  // The same composed supergraph, with the catalogue pointing at one institution instead of the sharded data source.
  const supergraphSdl = composeSupergraph({ framework: config.framework, search: config.search }).replace(
    'http://catalogue.shards.invalid/graphql',
    config.catalogues[config.institution]!,
  );
  const stock = await serveGraphQL({
    port: 0,
    createApollo: (drain) =>
      new ApolloServer({
        gateway: new ApolloGateway({ supergraphSdl }),
        plugins: [drain],
        stopOnTerminationSignals: false,
      }),
    context: async () => ({}),
  });
  const urls: GatewayUrls = { ours: ours.url, stock: stock.url };
  console.log(`READY ${JSON.stringify(urls)}`);
  return async () => {
    await ours.stop();
    await stock.stop();
  };
}

const mode = process.argv[2];
const stop = mode === 'directory' ? await directory() : mode === 'gateways' ? await gateways() : undefined;
if (!stop) {
  console.error('usage: tsx bench/loadServers.ts directory|gateways');
  process.exit(2);
}
process.once('SIGTERM', () => {
  stop().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
