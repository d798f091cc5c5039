/**
 * Runs docker-compose.yml's services as local processes, the way the
 * containers would run: the image's command and ENV, then the service's
 * environment. Only addresses change: `service:port` becomes 127.0.0.1 on a
 * free port, the `postgres` service is a PostgreSQL server the test already
 * has (its databases prefixed so runs never share data), and Meilisearch is
 * a real server when one is given, otherwise left out so search runs
 * embedded (its snapshot in a scratch directory, never in the repository's
 * .data). Start order follows depends_on: service_healthy waits for
 * GET /health, service_completed_successfully for exit code 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../../runtime/postgres.js';
import { repoRoot, type ComposeFile, type ComposeService, type DockerImage } from './deploymentFiles.js';

export interface LocalDeploymentOptions {
  compose: ComposeFile;
  image: DockerImage;
  /** Admin URL of the PostgreSQL server standing in for compose's PostgreSQL service. */
  postgresAdminUrl: string;
  /** Prepended to every database name. */
  databasePrefix: string;
  /** A real Meilisearch standing in for compose's; without it the search service runs embedded. */
  meilisearch?: { host: string; masterKey?: string };
  /** Start only these services and what they depend on; default: all of them. */
  only?: string[];
  healthTimeoutMs?: number;
  /** Variables set on top of a service's compose environment, by service (e.g. shorter gateway deadlines). */
  settings?: Record<string, Record<string, string>>;
}

export interface LocalDeployment {
  /** http://127.0.0.1:<port><path> of a running service. */
  url(service: string, path: string): string;
  /** The environment a service was started with, after address substitution. */
  environment(service: string): Record<string, string>;
  logs(service: string): string;
  /** Starts one more service, e.g. a new institution's catalogue, as if it had been added to the compose file. */
  start(service: ComposeService): Promise<void>;
  /** Sends a signal to a running service's process, e.g. SIGSTOP to hang it and SIGCONT to resume it. */
  signal(service: string, signal: NodeJS.Signals): void;
  /** Stops a service as `docker stop` would. */
  stopService(service: string): Promise<void>;
  /** Starts a stopped service again, as `docker start` would, and waits until it is healthy. */
  restartService(service: string): Promise<void>;
  stop(): Promise<void>;
}

type StandIn = 'postgres' | 'meilisearch';

interface Running {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

export async function startLocalDeployment(options: LocalDeploymentOptions): Promise<LocalDeployment> {
  const services = new Map(options.compose.services);
  const standIns = new Map<string, StandIn>();
  for (const service of services.values()) {
    const kind = standInKind(service);
    if (kind) standIns.set(service.name, kind);
  }
  const scratchDir = await mkdtemp(join(tmpdir(), 'deployment-'));
  const localPorts = new Map<string, number>();
  const environments = new Map<string, Record<string, string>>();
  const running = new Map<string, Running>();
  const settled = new Map<string, Promise<void>>();

  /** Ports first, for every service, so each environment can name any other service's address. */
  const assignPort = async (service: ComposeService) => {
    if (!standIns.has(service.name) && service.environment.PORT) localPorts.set(service.name, await findFreePort());
  };
  const prepare = (service: ComposeService) => {
    if (!standIns.has(service.name)) {
      environments.set(service.name, localEnvironment(service, options, standIns, localPorts, scratchDir));
    }
  };

  const settle = (name: string): Promise<void> => {
    let promise = settled.get(name);
    if (!promise) {
      promise = startWhenDependenciesAre(name);
      settled.set(name, promise);
    }
    return promise;
  };

  const startWhenDependenciesAre = async (name: string): Promise<void> => {
    const service = services.get(name);
    if (!service) throw new Error(`depends_on names unknown service "${name}"`);
    await Promise.all(Object.keys(service.dependsOn).map(settle));
    // Stand-ins are up already (PostgreSQL) or absent on purpose (Meilisearch, then search runs embedded).
    if (standIns.has(name)) return;
    const started = launch(service, environments.get(name)!, options.image);
    running.set(name, started);
    if (isOneOff(service)) {
      const code = await started.exited;
      if (code !== 0) throw new Error(`${name} exited with ${code}:\n${started.output.join('')}`);
      return;
    }
    await waitForHealth(name, started, localPorts.get(name), healthPath(service), options.healthTimeoutMs ?? 60_000);
  };

  const stop = async () => {
    await Promise.all([...running.values()].map(terminate));
    await rm(scratchDir, { recursive: true, force: true });
  };

  try {
    for (const service of services.values()) await assignPort(service);
    for (const service of services.values()) prepare(service);
    await Promise.all((options.only ?? [...services.keys()]).map(settle));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url(service, path) {
      const port = localPorts.get(service);
      if (port === undefined) throw new Error(`service "${service}" has no port`);
      return `http://127.0.0.1:${port}${path}`;
    },
    environment: (service) => environments.get(service) ?? {},
    logs: (service) => running.get(service)?.output.join('') ?? '',
    signal(service, signal) {
      const process = running.get(service);
      if (!process) throw new Error(`service "${service}" is not running`);
      process.child.kill(signal);
    },
    async stopService(service) {
      const process = running.get(service);
      if (process) await terminate(process);
    },
    async restartService(service) {
      const definition = services.get(service);
      if (!definition) throw new Error(`unknown service "${service}"`);
      const started = launch(definition, environments.get(service)!, options.image);
      running.set(service, started);
      await waitForHealth(
        service,
        started,
        localPorts.get(service),
        healthPath(definition),
        options.healthTimeoutMs ?? 60_000,
      );
    },
    async start(service) {
      if (services.has(service.name)) throw new Error(`service "${service.name}" exists already`);
      services.set(service.name, service);
      await assignPort(service);
      prepare(service);
      await settle(service.name);
    },
    stop,
  };
}

function standInKind(service: ComposeService): StandIn | undefined {
  if (service.build) return undefined;
  if (service.image?.startsWith('postgres:')) return 'postgres';
  if (service.image?.startsWith('getmeili/meilisearch:')) return 'meilisearch';
  throw new Error(`no local stand-in for service "${service.name}" (image ${service.image})`);
}

function isOneOff(service: ComposeService): boolean {
  return service.restart === 'no';
}

/** The service's own environment with container addresses replaced by local ones. */
function localEnvironment(
  service: ComposeService,
  options: LocalDeploymentOptions,
  standIns: Map<string, StandIn>,
  localPorts: Map<string, number>,
  scratchDir: string,
): Record<string, string> {
  const postgres = new URL(options.postgresAdminUrl);
  const rewrite = (value: string) =>
    value.replace(
      /\b(postgres(?:ql)?|https?):\/\/([^\s/@]+@)?([A-Za-z0-9.-]+):(\d+)(\/\S*)?/g,
      (whole, scheme: string, credentials = '', host: string, _port: string, path = '') => {
        const kind = standIns.get(host);
        if (kind === 'postgres' && scheme.startsWith('postgres')) {
          return `${scheme}://${credentials}${postgres.host}/${options.databasePrefix}${path.replace(/^\//, '')}`;
        }
        if (kind === 'meilisearch') return options.meilisearch ? options.meilisearch.host : whole;
        const local = localPorts.get(host);
        return local === undefined ? whole : `${scheme}://127.0.0.1:${local}${path}`;
      },
    );
  const environment = Object.fromEntries(
    Object.entries(service.environment).map(([key, value]) => [key, rewrite(value)]),
  );
  // The administrator of the stand-in server is not the one .env describes.
  if (environment.POSTGRES_ADMIN_URL) environment.POSTGRES_ADMIN_URL = options.postgresAdminUrl;
  if (environment.MEILI_HOST && !options.meilisearch) {
    delete environment.MEILI_HOST;
    delete environment.MEILI_MASTER_KEY;
    environment.SEARCH_INDEX_DIR = join(scratchDir, service.name);
  } else if (environment.MEILI_HOST && options.meilisearch?.masterKey) {
    environment.MEILI_MASTER_KEY = options.meilisearch.masterKey;
  }
  Object.assign(environment, options.settings?.[service.name]);
  const port = localPorts.get(service.name);
  if (port !== undefined) environment.PORT = String(port);
  return environment;
}

function launch(service: ComposeService, environment: Record<string, string>, image: DockerImage): Running {
  const [command, ...args] = service.command ?? image.command;
  if (!command) throw new Error(`service "${service.name}" has no command and the image has no CMD`);
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...image.environment,
      ...environment,
      // Locally, listen on loopback only rather than on every interface.
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      output.push(String(error));
      resolve(null);
    });
  });
  return { child, output, exited };
}

/** The path the service's compose health check asks for: `process.env.PORT + '/health'`. */
function healthPath(service: ComposeService): string {
  return /process\.env\.PORT \+ '(\/[^']*)'/.exec(service.healthcheck?.test.join(' ') ?? '')?.[1] ?? '/health';
}

async function waitForHealth(
  name: string,
  running: Running,
  port: number | undefined,
  path: string,
  timeoutMs: number,
): Promise<void> {
  if (port === undefined) throw new Error(`service "${name}" has a health check but no PORT`);
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void running.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`${name} exited with ${exitCode} before it was healthy:\n${running.output.join('')}`);
    const healthy = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${name} was not healthy within ${timeoutMs} ms:\n${running.output.join('')}`);
}

/** SIGTERM, as `docker stop` sends; SIGKILL after 10 s, as Docker does too. */
async function terminate(running: Running): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGTERM');
  const stopped = await Promise.race([
    running.exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
  ]);
  if (!stopped) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
}
