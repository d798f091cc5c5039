/**
 * docker-compose.yml, .env.example and the Dockerfile as docker-compose and
 * Docker would read them: merge keys resolved, `${VAR}` forms interpolated
 * from the env file, the image's ENV and CMD taken from its final stage.
 * The deployment tests start processes from exactly this, so what they prove
 * holds for the files operators use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface ComposeService {
  name: string;
  image?: string;
  build?: unknown;
  command?: string[];
  environment: Record<string, string>;
  dependsOn: Record<string, 'service_started' | 'service_healthy' | 'service_completed_successfully'>;
  healthcheck?: { test: string[] };
  restart?: string;
  ports: string[];
}

export interface ComposeFile {
  services: Map<string, ComposeService>;
  volumes: string[];
  /** Every variable the file interpolates, with whether it is required (`:?`). */
  variables: Map<string, { required: boolean }>;
}

export function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) values[match[1]!] = match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return values;
}

/** Compose's interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}. */
export function interpolate(
  text: string,
  values: Record<string, string | undefined>,
  seen?: ComposeFile['variables'],
): string {
  return text.replace(
    /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (whole, braced?: string, colon?: string, operator?: string, argument?: string, bare?: string) => {
      if (whole === '$$') return '$';
      const name = (braced ?? bare)!;
      const value = values[name];
      const missing = colon ? !value : value === undefined;
      const previous = seen?.get(name);
      seen?.set(name, { required: (previous?.required ?? false) || operator === '?' });
      if (!missing) return value!;
      if (operator === '?') throw new Error(`Missing mandatory value for ${name}: ${argument}`);
      return operator === '-' ? argument! : '';
    },
  );
}

function interpolateTree(node: unknown, values: Record<string, string>, seen: ComposeFile['variables']): unknown {
  if (typeof node === 'string') return interpolate(node, values, seen);
  if (Array.isArray(node)) return node.map((item) => interpolateTree(item, values, seen));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateTree(value, values, seen)]));
  }
  return node;
}

export function readComposeFile(envFile = `${repoRoot}.env.example`): ComposeFile {
  const raw = parse(readFileSync(`${repoRoot}docker-compose.yml`, 'utf8'), { merge: true }) as {
    services: Record<string, Record<string, unknown>>;
    volumes?: Record<string, unknown>;
  };
  const variables: ComposeFile['variables'] = new Map();
  const resolved = interpolateTree(raw, readEnvFile(envFile), variables) as typeof raw;
  const services = new Map<string, ComposeService>();
  for (const [name, service] of Object.entries(resolved.services)) {
    services.set(name, {
      name,
      image: service.image as string | undefined,
      build: service.build,
      command: service.command as string[] | undefined,
      environment: environmentOf(service.environment),
      dependsOn: dependsOnOf(service.depends_on),
      healthcheck: service.healthcheck as { test: string[] } | undefined,
      restart: service.restart as string | undefined,
      ports: (service.ports as string[] | undefined) ?? [],
    });
  }
  return { services, volumes: Object.keys(resolved.volumes ?? {}), variables };
}

function environmentOf(environment: unknown): Record<string, string> {
  if (!environment) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry: string) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]),
    );
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value)]));
}

function dependsOnOf(dependsOn: unknown): ComposeService['dependsOn'] {
  if (!dependsOn) return {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name: string) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries(dependsOn as Record<string, { condition?: ComposeService['dependsOn'][string] }>).map(
      ([name, value]) => [name, value.condition ?? 'service_started'],
    ),
  );
}

export interface DockerImage {
  environment: Record<string, string>;
  command: string[];
  user?: string;
}

/** ENV, CMD and USER of the Dockerfile's last stage (the image compose builds). */
export function readDockerfile(): DockerImage {
  const instructions = readFileSync(`${repoRoot}Dockerfile`, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  let lastFrom = 0;
  instructions.forEach((line, index) => {
    if (/^FROM\s/i.test(line)) lastFrom = index;
  });
  const lastStage = instructions.slice(lastFrom);
  const image: DockerImage = { environment: {}, command: [] };
  for (const line of lastStage) {
    const [, keyword = '', rest = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (/^ENV$/i.test(keyword)) {
      for (const [, key, value] of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) {
        image.environment[key!] = value!.replace(/^"(.*)"$/, '$1');
      }
    }
    if (/^CMD$/i.test(keyword)) image.command = JSON.parse(rest) as string[];
    if (/^USER$/i.test(keyword)) image.user = rest;
  }
  return image;
}
