/**
 * Wiring of the gateway: the composed supergraph, the sharded catalogue data
 * source over the institution registry, plain data sources for the framework
 * and search subgraphs, and a /health route with per-institution status.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import { serveGraphQL, type RunningHttpServer } from '../runtime/http.js';
import type { GatewayContext } from './context.js';
import { ForwardingDataSource } from './datasources/ForwardingDataSource.js';
import { ShardedCatalogueDataSource } from './datasources/ShardedCatalogueDataSource.js';
import { mountPortal } from '../portal/index.js';
import { buildCatalogueContract } from './registry/conformance.js';
import { InstitutionRegistry } from './registry/institutionRegistry.js';
import { composeSupergraph } from './supergraph.js';

export interface GatewayOptions {
  port: number;
  host?: string;
  frameworkUrl: string;
  searchUrl?: string;
  /** Service token the framework subgraph requires for its private registry. */
  registryToken: string;
  institutionTimeoutMs?: number;
  institutionTimeoutsMs?: Record<string, number>;
  registryRefreshMs?: number;
  failureCooldownMs?: number;
  conformanceRecheckMs?: number;
  log?: (message: string) => void;
}

export interface RunningGateway extends RunningHttpServer {
  registry: InstitutionRegistry;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  const contract = buildCatalogueContract();
  const registry = new InstitutionRegistry({
    frameworkUrl: options.frameworkUrl,
    registryToken: options.registryToken,
    contract,
    refreshIntervalMs: options.registryRefreshMs ?? 5_000,
    institutionTimeoutMs: options.institutionTimeoutMs ?? 3_000,
    institutionTimeoutsMs: options.institutionTimeoutsMs,
    failureCooldownMs: options.failureCooldownMs ?? 2_000,
    conformanceRecheckMs: options.conformanceRecheckMs ?? 60_000,
    log: options.log,
  });
  await registry.start();
  const catalogue = new ShardedCatalogueDataSource(registry, contract);
  const gateway = new ApolloGateway({
    supergraphSdl: composeSupergraph({ framework: options.frameworkUrl, search: options.searchUrl }),
    buildService: ({ name, url }) => (name === 'catalogue' ? catalogue : new ForwardingDataSource({ url })),
  });
  let ownGraphqlUrl = '';
  const server = await serveGraphQL<GatewayContext>({
    port: options.port,
    host: options.host,
    createApollo: (drain) =>
      new ApolloServer<GatewayContext>({
        gateway,
        plugins: [drain],
        introspection: true,
        // A public API: stack traces help attackers, not clients.
        includeStacktraceInErrorResponses: false,
        // The entry point (or npm start) owns termination; Apollo's handler would re-raise the signal mid-shutdown.
        stopOnTerminationSignals: false,
      }),
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
    routes: (app) => {
      app.get('/health', (_req, res) => {
        const institutions = registry.health();
        const degraded = institutions.some((institution) => institution.status !== 'UP');
        res.json({ status: degraded ? 'degraded' : 'ok', institutions });
      });
      // The provincial portal owns `/` and `/fr/…`; it reads this gateway's own public /graphql.
      mountPortal(app, { graphqlUrl: () => ownGraphqlUrl, log: options.log });
    },
    onStop: async () => registry.stop(),
  });
  ownGraphqlUrl = server.url;
  return { ...server, registry };
}
