/**
 * Wiring of the gateway: the composed supergraph, the sharded catalogue data
 * source over the institution registry, plain data sources for the framework
 * and search subgraphs, and a /health route with per-institution status.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import { serveGraphQL, type RunningHttpServer } from '../runtime/http.js';
import type { GatewayContext } from './context.js';
import { ProvinceServiceDataSource } from './datasources/ProvinceServiceDataSource.js';
import { registrySnapshotFallback } from './datasources/registrySnapshotFallback.js';
import { ShardedCatalogueDataSource } from './datasources/ShardedCatalogueDataSource.js';
import { defaultDeadlines, operationDeadlinePlugin, type GatewayDeadlines } from './deadlines.js';
import { healthTargets, mountOperatorRoutes } from './operatorRoutes.js';
import { GatewayMetrics } from './metrics.js';
import { buildCatalogueContract } from './registry/conformance.js';
import { InstitutionRegistry } from './registry/institutionRegistry.js';
import { ServiceHealth } from './registry/serviceHealth.js';
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
  /** Deadlines of framework, search, write and import calls and of whole operations (deadlines.ts). */
  deadlines?: Partial<GatewayDeadlines>;
  /** How often every institution and province service is probed, and each probe's deadline. */
  healthProbeIntervalMs?: number;
  healthProbeTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface RunningGateway extends RunningHttpServer {
  registry: InstitutionRegistry;
  /** Register further metrics (e.g. a cache's hits and misses) on `metrics.registry`. */
  metrics: GatewayMetrics;
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
    probeIntervalMs: options.healthProbeIntervalMs ?? 2_000,
    probeTimeoutMs: options.healthProbeTimeoutMs ?? 2_000,
    log: options.log,
  });
  await registry.start();
  const services = new ServiceHealth({
    services: { framework: options.frameworkUrl, ...(options.searchUrl ? { search: options.searchUrl } : {}) },
    probeIntervalMs: options.healthProbeIntervalMs ?? 2_000,
    probeTimeoutMs: options.healthProbeTimeoutMs ?? 2_000,
    log: options.log,
  });
  services.start();
  const deadlines = { ...defaultDeadlines, ...options.deadlines };
  const metrics = new GatewayMetrics(healthTargets(registry, services));
  const catalogue = new ShardedCatalogueDataSource(registry, contract, deadlines, metrics);
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
  const gateway = new ApolloGateway({
    supergraphSdl: composeSupergraph({ framework: options.frameworkUrl, search: options.searchUrl }),
    buildService: ({ name, url }) =>
      name === 'catalogue' ? catalogue : province(name as 'framework' | 'search', url!),
  });
  const server = await serveGraphQL<GatewayContext>({
    port: options.port,
    host: options.host,
    createApollo: (drain) =>
      new ApolloServer<GatewayContext>({
        gateway,
        plugins: [drain, operationDeadlinePlugin(deadlines), metrics.plugin()],
        introspection: true,
        // A public API: stack traces help attackers, not clients.
        includeStacktraceInErrorResponses: false,
        // The entry point (or npm start) owns termination; Apollo's handler would re-raise the signal mid-shutdown.
        stopOnTerminationSignals: false,
      }),
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
    routes: (app) => mountOperatorRoutes(app, registry, services, metrics),
    onStop: async () => {
      registry.stop();
      services.stop();
    },
  });
  return { ...server, registry, metrics };
}
