/** Gateway entry point: configuration from the environment, then serve. */
import { optionalUrl, port, positiveInteger, requiredString, url } from '../runtime/config.js';
import { runService } from '../runtime/entryPoint.js';
import { safelistFromEnv } from './cache/safelistFile.js';
import { startGateway } from './server.js';

runService(async () => {
  const env = process.env;
  const gateway = await startGateway({
    port: port(env, 'PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    frameworkUrl: url(env, 'FRAMEWORK_URL', ['http:', 'https:']),
    searchUrl: optionalUrl(env, 'SEARCH_URL', ['http:', 'https:']),
    registryToken: requiredString(env, 'REGISTRY_TOKEN'),
    institutionTimeoutMs: positiveInteger(env, 'INSTITUTION_TIMEOUT_MS', 3_000),
    registryRefreshMs: positiveInteger(env, 'REGISTRY_REFRESH_MS', 5_000),
    responseCache: {
      enabled: env.RESPONSE_CACHE !== 'off',
      watchIntervalMs: positiveInteger(env, 'RESPONSE_CACHE_WATCH_MS', 500),
    },
    safelist: safelistFromEnv(env),
    log: (message) => console.log(message),
  });
  return { ...gateway, name: 'gateway' };
});
