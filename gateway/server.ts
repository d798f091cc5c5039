/**
 * Wiring of the gateway: the composed supergraph, the sharded catalogue data
 * source over the institution registry, the province services' data source
 * (deadlines, registry-snapshot fallback), the response cache, the linked-data
 * subgraph and routes, the portal, and the operator routes (/health, /live,
 * /metrics). Each mechanism lives in its own file; this one only connects them.
 * The public edge (limits, budgets, error masking, CORS, GraphiQL) is in edge/.
 */
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { disableApolloTelemetry } from '../runtime/apolloTelemetry.js';
import { jsonBody, serveGraphQL, type RunningHttpServer } from '../runtime/http.js';
import { gatewayContext, type GatewayContext } from './context.js';
import { ProvinceServiceDataSource } from './datasources/ProvinceServiceDataSource.js';
import { registrySnapshotFallback } from './datasources/registrySnapshotFallback.js';
import { ShardedCatalogueDataSource } from './datasources/ShardedCatalogueDataSource.js';
import { defaultDeadlines, operationDeadlineMs, operationDeadlinePlugin, type GatewayDeadlines } from './deadlines.js';
import { healthTargets, mountOperatorRoutes } from './operatorRoutes.js';
import { GatewayMetrics } from './metrics.js';
import { GatewayResponseCache, type ResponseCacheOptions } from './cache/GatewayResponseCache.js';
import { safelistPlugin } from './cache/safelist.js';
import { mountPortal } from '../portal/index.js';
import { contractVersionsPlugin } from './versions/contractVersionsPlugin.js';
import { loadCatalogueContracts } from './versions/catalogueContracts.js';
import { InstitutionRegistry } from './registry/institutionRegistry.js';
import { ServiceHealth } from './registry/serviceHealth.js';
import { composeSupergraph } from './supergraph.js';
import { budgets } from './edge/budgets.js';
import { corsPolicy, securityHeaders } from './edge/clientAccess.js';
import { ConsumerKeys } from './edge/consumerKeys.js';
import { contentLanguage } from './edge/contentLanguage.js';
import { maskError } from './edge/errorMasking.js';
import { serveGraphiQL } from './edge/graphiql.js';
import { inputFormatsPlugin } from './edge/inputFormats.js';
import { withOperationDeadline } from './edge/operationDeadline.js';
import { queryLimits } from './edge/queryLimits.js';
import { defaultEdgeSettings, type EdgeSettings } from './edge/settings.js';
import { clientAddress, trustedClients } from './edge/trustedClients.js';
import { createLinkedData } from './linkedData/index.js';

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
  /** Limits, budgets, CORS and deadline of the public edge; defaults in edge/settings.ts. */
  edge?: Partial<EdgeSettings>;
  /** Deadlines of framework, search, write and import calls and of whole operations (deadlines.ts). */
  deadlines?: Partial<GatewayDeadlines>;
  /** How often every institution and province service is probed, and each probe's deadline. */
  healthProbeIntervalMs?: number;
  healthProbeTimeoutMs?: number;
  /** How long one invalid answer keeps an institution DEGRADED in /health. */
  degradedHoldMs?: number;
  log?: (message: string) => void;
  /** Origin of permanent URLs (`/credentials/{id}`); defaults to http://localhost:<port>. */
  publicOrigin?: string;
  responseCache?: ResponseCacheOptions;
  /** Operation texts anonymous clients may run; any operation when absent. */
  safelist?: string[];
}

export interface RunningGateway extends RunningHttpServer {
  registry: InstitutionRegistry;
  /** Register further metrics (e.g. a cache's hits and misses) on `metrics.registry`. */
  metrics: GatewayMetrics;
  responseCache: GatewayResponseCache;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  disableApolloTelemetry();
  // Every known catalogue contract version, newest (the one composed) first: institutions may lag (docs/versioning.md).
  const contracts = loadCatalogueContracts();
  const contract = contracts[0].schema;
  const registry = new InstitutionRegistry({
    frameworkUrl: options.frameworkUrl,
    registryToken: options.registryToken,
    contracts,
    refreshIntervalMs: options.registryRefreshMs ?? 5_000,
    institutionTimeoutMs: options.institutionTimeoutMs ?? 3_000,
    institutionTimeoutsMs: options.institutionTimeoutsMs,
    failureCooldownMs: options.failureCooldownMs ?? 2_000,
    conformanceRecheckMs: options.conformanceRecheckMs ?? 60_000,
    probeIntervalMs: options.healthProbeIntervalMs ?? 2_000,
    probeTimeoutMs: options.healthProbeTimeoutMs ?? 2_000,
    degradedHoldMs: options.degradedHoldMs ?? 5 * 60_000,
    log: options.log,
  });
  await registry.start();
  const edge = { ...defaultEdgeSettings, ...options.edge };
  const log = options.log ?? ((message: string) => console.error(message));
  const consumerKeys = new ConsumerKeys({
    frameworkUrl: options.frameworkUrl,
    registryToken: options.registryToken,
    refreshMs: edge.consumerKeyRefreshMs,
    flushMs: edge.consumerUsageFlushMs,
    log,
  });
  await consumerKeys.start();
  const isTrusted = trustedClients(edge.trustedClients);
  let apiSchema: GraphQLSchema | undefined;
  const services = new ServiceHealth({
    services: { framework: options.frameworkUrl, ...(options.searchUrl ? { search: options.searchUrl } : {}) },
    probeIntervalMs: options.healthProbeIntervalMs ?? 2_000,
    probeTimeoutMs: options.healthProbeTimeoutMs ?? 2_000,
    log: options.log,
  });
  services.start();
  const deadlines = { ...defaultDeadlines, ...options.deadlines };
  const metrics = new GatewayMetrics(healthTargets(registry, services));
  const cache = new GatewayResponseCache(options.responseCache);
  await cache.start({
    registry,
    frameworkUrl: options.frameworkUrl,
    searchUrl: options.searchUrl,
    registryToken: options.registryToken,
    log: options.log,
  });
  metrics.registerCache(cache.metrics);
  const catalogue = new ShardedCatalogueDataSource(cache.router(registry), contract, deadlines, metrics);
  const province = (service: 'framework' | 'search', url: string) =>
    new ProvinceServiceDataSource({
      service,
      url,
      readTimeoutMs: service === 'framework' ? deadlines.frameworkMs : deadlines.searchMs,
      deadlines,
      health: services,
      metrics,
      // Catalogue and search results name their institution through the framework: keep them when it is down.
      fallback: service === 'framework' ? registrySnapshotFallback(() => registry.institutionProfiles()) : undefined,
    });
  let listening: RunningHttpServer | undefined;
  const linkedData = createLinkedData({
    publicOrigin: () => options.publicOrigin ?? `http://localhost:${listening?.port ?? options.port}`,
    graphqlUrl: () => listening?.url ?? `http://127.0.0.1:${options.port}/graphql`,
    log: options.log,
  });
  const gateway = new ApolloGateway({
    supergraphSdl: composeSupergraph({ framework: options.frameworkUrl, search: options.searchUrl }),
    buildService: ({ name, url }) =>
      name === 'catalogue'
        ? cache.service(undefined, catalogue)
        : name === 'linkedData'
          ? linkedData.dataSource
          : cache.service(name, province(name as 'framework' | 'search', url!)),
  });
  gateway.onSchemaLoadOrUpdate((loaded) => {
    apiSchema = loaded.apiSchema;
  });
  const server = await serveGraphQL<GatewayContext>({
    port: options.port,
    host: options.host,
    createApollo: (drain) =>
      new ApolloServer<GatewayContext>({
        gateway: withOperationDeadline(gateway, (operation) => operationDeadlineMs(operation, deadlines)),
        plugins: [
          drain,
          operationDeadlinePlugin(deadlines),
          metrics.plugin(),
          inputFormatsPlugin(),
          ApolloServerPluginLandingPageDisabled(),
          ...(options.safelist ? [safelistPlugin(options.safelist)] : []),
          contractVersionsPlugin(),
          cache.plugin(),
        ],
        formatError: (formatted, error) => maskError(formatted, error, log),
        introspection: true,
        // A public API: stack traces help attackers, not clients.
        includeStacktraceInErrorResponses: false,
        // The entry point (or npm start) owns termination; Apollo's handler would re-raise the signal mid-shutdown.
        stopOnTerminationSignals: false,
      }),
    // The credential policy (credentials.ts) decides who receives what: a consumer key reaches no subgraph.
    context: async ({ req }) => gatewayContext(req.headers),
    routes: (app) => {
      if (edge.trustProxy !== undefined) app.set('trust proxy', edge.trustProxy);
      app.use(securityHeaders(), corsPolicy(edge.corsOrigins));
      mountOperatorRoutes(app, registry, services, metrics);
      serveGraphiQL(app, { readmePath: fileURLToPath(new URL('../README.md', import.meta.url)) });
      app.use(
        '/graphql',
        contentLanguage(),
        budgets({
          anonymousRequests: edge.anonymousRequestsPerMinute,
          windowSeconds: 60,
          isTrusted,
          consumerKeys,
        }),
        jsonBody,
        queryLimits({
          limits: edge.queryLimits,
          schema: () => apiSchema,
          isTrusted: (req) => isTrusted(clientAddress(req)),
        }),
        // Last, so every protection above applies to hits too; misses go on to Apollo.
        cache.fastPath((started) => metrics.recordOperation('query', 'ok', started)),
      );
      // Permanent URLs answer JSON-LD here; a browser asking for HTML goes on to the portal's page.
      linkedData.mountRoutes(app);
      // The provincial portal owns `/` and `/fr/…`; it reads this gateway's own public /graphql.
      mountPortal(app, { graphqlUrl: () => listening?.url ?? '', log: options.log });
    },
    onStop: async () => {
      await consumerKeys.stop();
      await cache.stop();
      registry.stop();
      services.stop();
    },
  });
  listening = server;
  return { ...server, registry, metrics, responseCache: cache };
}
