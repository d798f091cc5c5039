/** The public edge's settings, with their defaults and their environment variables (gateway/index.ts). */
import { ConfigError, positiveInteger } from '../../runtime/config.js';
import { corsOrigins } from './clientAccess.js';
import { defaultQueryLimits, type QueryLimits } from './queryLimits.js';
import { loopback, trustedClients } from './trustedClients.js';

export interface EdgeSettings {
  queryLimits: QueryLimits;
  /** Requests per minute for a client without a consumer key, per address. */
  anonymousRequestsPerMinute: number;
  /** The province's own services, exempt from budgets and query limits (trustedClients.ts). */
  trustedClients: string[];
  corsOrigins: '*' | string[];
  /** Express's `trust proxy` (e.g. `1` or `loopback`) when the gateway is behind a reverse proxy; unset otherwise. */
  trustProxy?: string;
  consumerKeyRefreshMs: number;
  consumerUsageFlushMs: number;
}

export const defaultEdgeSettings: EdgeSettings = {
  queryLimits: defaultQueryLimits,
  anonymousRequestsPerMinute: 300,
  trustedClients: loopback,
  corsOrigins: '*',
  consumerKeyRefreshMs: 5_000,
  consumerUsageFlushMs: 10_000,
};

export function edgeSettingsFromEnv(env: Record<string, string | undefined>): EdgeSettings {
  const limits = defaultQueryLimits;
  return {
    ...defaultEdgeSettings,
    queryLimits: {
      ...limits,
      maxTokens: positiveInteger(env, 'QUERY_MAX_TOKENS', limits.maxTokens),
      maxDepth: positiveInteger(env, 'QUERY_MAX_DEPTH', limits.maxDepth),
      maxAliases: positiveInteger(env, 'QUERY_MAX_ALIASES', limits.maxAliases),
      maxCost: positiveInteger(env, 'QUERY_MAX_COST', limits.maxCost),
    },
    anonymousRequestsPerMinute: positiveInteger(
      env,
      'ANONYMOUS_REQUESTS_PER_MINUTE',
      defaultEdgeSettings.anonymousRequestsPerMinute,
    ),
    trustedClients: trustedClientsFromEnv(env),
    corsOrigins: corsOrigins(env),
    trustProxy: env.TRUST_PROXY?.trim() || undefined,
  };
}

/** TRUSTED_CLIENTS: comma-separated addresses or subnets; unset means loopback, empty means none. */
function trustedClientsFromEnv(env: Record<string, string | undefined>): string[] {
  const raw = env.TRUSTED_CLIENTS;
  if (raw === undefined) return loopback;
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    trustedClients(entries);
  } catch (error) {
    throw new ConfigError('TRUSTED_CLIENTS', (error as Error).message);
  }
  return entries;
}
