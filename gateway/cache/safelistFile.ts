import { readFileSync } from 'node:fs';
import { ConfigError } from '../../runtime/config.js';

/** `GATEWAY_SAFELIST`: a JSON file holding an array of operation texts; undefined when the variable is unset. */
export function safelistFromEnv(env: Record<string, string | undefined>): string[] | undefined {
  const path = env.GATEWAY_SAFELIST;
  if (!path) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError('GATEWAY_SAFELIST', `cannot be read as JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string' && item.trim() !== '')) {
    throw new ConfigError('GATEWAY_SAFELIST', 'must name a JSON file holding an array of operation texts');
  }
  return parsed;
}
