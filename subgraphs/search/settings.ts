/** The search subgraph's settings, read and checked from its environment before anything starts. */
import { defaultPassIntervalMs } from './indexer/Indexer.js';
import { httpPort, optionalString, optionalUrl, positiveInteger, url } from '../../runtime/config.js';

/** `none` keeps the embedded index in memory only; unset, it is snapshotted under .data/search. */
function snapshotDir(configured: string | undefined): string | undefined {
  if (configured === 'none') return undefined;
  return configured ?? '.data/search';
}

export function searchSettings(env: Record<string, string | undefined>) {
  const meiliHost = optionalUrl(env, 'MEILI_HOST', ['http:', 'https:']);
  return {
    port: httpPort(env, 'PORT', 4003),
    host: env.HOST ?? '0.0.0.0',
    gatewayUrl: url(env, 'GATEWAY_URL', ['http:', 'https:']),
    meilisearch: meiliHost
      ? {
          host: meiliHost,
          apiKey: optionalString(env, 'MEILI_MASTER_KEY'),
          indexUid: optionalString(env, 'MEILI_INDEX'),
          requestTimeoutMs: positiveInteger(env, 'MEILI_TIMEOUT_MS', 5_000),
        }
      : undefined,
    indexDir: meiliHost ? undefined : snapshotDir(optionalString(env, 'SEARCH_INDEX_DIR')),
    indexIntervalMs: positiveInteger(env, 'SEARCH_INDEX_INTERVAL_MS', defaultPassIntervalMs),
    adminToken: optionalString(env, 'SEARCH_ADMIN_TOKEN'),
    provinceApiKey: optionalString(env, 'PROVINCE_API_KEY'),
    registryToken: optionalString(env, 'REGISTRY_TOKEN'),
    demandDir: snapshotDir(optionalString(env, 'SEARCH_DEMAND_DIR') ?? '.data/search-demand'),
    demandRetentionDays: positiveInteger(env, 'SEARCH_DEMAND_RETENTION_DAYS', 730),
  };
}
