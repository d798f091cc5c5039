/** The long-running processes one container image can be, and where each starts. */
import { ConfigError } from '../runtime/config.js';

export const roleEntryPoints = {
  gateway: '../gateway/index.js',
  framework: '../subgraphs/framework/index.js',
  catalogue: '../subgraphs/catalogue/index.js',
  search: '../subgraphs/search/index.js',
} as const;

export type Role = keyof typeof roleEntryPoints;

function isRole(value: string): value is Role {
  return Object.hasOwn(roleEntryPoints, value);
}

/** A command-line argument wins over ROLE, so `docker run IMAGE node --import tsx cli/serve.ts gateway` works too. */
export function readRole(argument: string | undefined, env: Record<string, string | undefined>): Role {
  const raw = argument?.trim() || env.ROLE?.trim();
  const choices = Object.keys(roleEntryPoints).join(', ');
  if (!raw) throw new ConfigError('ROLE', `is required but not set: one of ${choices}`);
  if (!isRole(raw)) throw new ConfigError('ROLE', `must be one of ${choices}, got "${raw}"`);
  return raw;
}
