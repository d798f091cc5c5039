/**
 * Reading settings from the environment. Every setting is validated when the
 * process starts, and a bad one stops it with one message naming the variable.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function requiredString(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, 'is required but not set');
  return value;
}

export function optionalString(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

export function port(env: Env, name: string, fallback: number): number {
  const raw = optionalString(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(name, `must be a port number from 0 to 65535, got "${raw}"`);
  }
  return value;
}

export function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = optionalString(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(name, `must be a positive whole number, got "${raw}"`);
  }
  return value;
}

export function url(env: Env, name: string, protocols: string[]): string {
  const raw = requiredString(env, name);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

export function optionalUrl(env: Env, name: string, protocols: string[]): string | undefined {
  return optionalString(env, name) === undefined ? undefined : url(env, name, protocols);
}

const institutionCodePattern = /^[a-z][a-z0-9-]{1,31}$/;

export function institutionCode(env: Env, name: string): string {
  const value = requiredString(env, name);
  if (!institutionCodePattern.test(value)) {
    throw new ConfigError(name, `must be a lower-case institution code like "humber", got "${value}"`);
  }
  return value;
}

export function isInstitutionCode(value: string): boolean {
  return institutionCodePattern.test(value);
}
