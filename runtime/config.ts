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

/**
 * Ports the Fetch standard blocks (https://fetch.spec.whatwg.org/#port-blocking),
 * which Node's fetch refuses with "bad port": a service listening on one could
 * never be called by the gateway or the search indexer.
 */
const fetchBlockedPorts = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Whether Node's fetch refuses to connect to `port`. */
export function isFetchBlockedPort(port: number): boolean {
  return port !== 0 && fetchBlockedPorts.has(port);
}

const blockedPortNote = `Node's fetch refuses it ("bad port" in the Fetch standard), so no other service could call it. Choose another port.`;

/** A port an HTTP service listens on, which other services will call with fetch. 0 picks a free port. */
export function httpPort(env: Env, name: string, fallback: number): number {
  const value = port(env, name, fallback);
  if (isFetchBlockedPort(value)) throw new ConfigError(name, `is ${value}: ${blockedPortNote}`);
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
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && isFetchBlockedPort(Number(parsed.port))) {
    throw new ConfigError(name, `uses port ${parsed.port}: ${blockedPortNote}`);
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
