/** The gateway's settings, read and checked from its environment before anything starts. */
import { httpPort, optionalUrl, positiveInteger, requiredString, url } from '../runtime/config.js';
import { safelistFromEnv } from './cache/safelistFile.js';
import { defaultDeadlines } from './deadlines.js';
import { edgeSettingsFromEnv } from './edge/settings.js';
import type { GatewayOptions } from './server.js';

export function gatewaySettings(env: Record<string, string | undefined>): Omit<GatewayOptions, 'log'> {
  return {
    port: httpPort(env, 'PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    frameworkUrl: url(env, 'FRAMEWORK_URL', ['http:', 'https:']),
    searchUrl: optionalUrl(env, 'SEARCH_URL', ['http:', 'https:']),
    registryToken: requiredString(env, 'REGISTRY_TOKEN'),
    institutionTimeoutMs: positiveInteger(env, 'INSTITUTION_TIMEOUT_MS', 3_000),
    registryRefreshMs: positiveInteger(env, 'REGISTRY_REFRESH_MS', 5_000),
    edge: edgeSettingsFromEnv(env),
    publicOrigin: optionalUrl(env, 'PUBLIC_ORIGIN', ['http:', 'https:']),
    deadlines: {
      frameworkMs: positiveInteger(env, 'FRAMEWORK_TIMEOUT_MS', defaultDeadlines.frameworkMs),
      searchMs: positiveInteger(env, 'SEARCH_TIMEOUT_MS', defaultDeadlines.searchMs),
      writeMs: positiveInteger(env, 'WRITE_TIMEOUT_MS', defaultDeadlines.writeMs),
      importMs: positiveInteger(env, 'IMPORT_TIMEOUT_MS', defaultDeadlines.importMs),
      operationMs: positiveInteger(env, 'OPERATION_TIMEOUT_MS', defaultDeadlines.operationMs),
    },
    healthProbeIntervalMs: positiveInteger(env, 'HEALTH_PROBE_INTERVAL_MS', 2_000),
    healthProbeTimeoutMs: positiveInteger(env, 'HEALTH_PROBE_TIMEOUT_MS', 2_000),
    responseCache: {
      enabled: env.RESPONSE_CACHE !== 'off',
      watchIntervalMs: positiveInteger(env, 'RESPONSE_CACHE_WATCH_MS', 500),
    },
    safelist: safelistFromEnv(env),
  };
}
