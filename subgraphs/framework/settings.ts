/** The framework subgraph's settings, read and checked from its environment before anything starts. */
import { ConfigError, httpPort, optionalString, requiredString, url } from '../../runtime/config.js';

export function frameworkSettings(env: Record<string, string | undefined>) {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const port = httpPort(env, 'PORT', 4002);
  const provinceApiKey = requiredString(env, 'PROVINCE_API_KEY');
  const registryToken = requiredString(env, 'REGISTRY_TOKEN');
  if (provinceApiKey === registryToken) throw new ConfigError('REGISTRY_TOKEN', 'must differ from PROVINCE_API_KEY');
  const gatewayUrl = env.GATEWAY_URL ? url(env, 'GATEWAY_URL', ['http:', 'https:']) : undefined;
  return { databaseUrl, port, host: optionalString(env, 'HOST'), provinceApiKey, registryToken, gatewayUrl };
}
