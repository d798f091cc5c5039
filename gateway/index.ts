/** Gateway entry point: configuration from the environment, then serve. */
import { ConfigError, optionalUrl, port, positiveInteger, requiredString, url } from '../runtime/config.js';
import { startGateway } from './server.js';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

try {
  const env = process.env;
  const gateway = await startGateway({
    port: port(env, 'PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    frameworkUrl: url(env, 'FRAMEWORK_URL', ['http:', 'https:']),
    searchUrl: optionalUrl(env, 'SEARCH_URL', ['http:', 'https:']),
    registryToken: requiredString(env, 'REGISTRY_TOKEN'),
    institutionTimeoutMs: positiveInteger(env, 'INSTITUTION_TIMEOUT_MS', 3_000),
    registryRefreshMs: positiveInteger(env, 'REGISTRY_REFRESH_MS', 5_000),
    log: (message) => console.log(message),
  });
  console.log(`gateway ready at ${gateway.url}`);
  const stop = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}
